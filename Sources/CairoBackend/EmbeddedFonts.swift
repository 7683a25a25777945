import CCairo
import CFreeType
import Fonts
import Foundation
import Frames

/// The key under which a cairo font face keeps its FreeType face (a constant address).
nonisolated(unsafe) private let freeTypeFaceKey = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)

/// The cairo font faces a document draws with: each face cut down to the glyphs the document
/// uses (hb-subset), loaded with FreeType and handed to cairo. Owns one reference to each.
final class EmbeddedFonts {
    private var faces: [FaceRef: OpaquePointer] = [:]

    /// Subsets and loads every face the pages use.
    init(pages: [Page]) throws {
        var glyphsByFace: [FaceRef: Set<UInt32>] = [:]
        for page in pages {
            for case let .text(run) in page.items {
                glyphsByFace[run.face, default: []].formUnion(run.glyphs.map(\.id))
            }
        }
        guard !glyphsByFace.isEmpty else { return }
        let library = try FreeTypeLibrary()
        for (ref, glyphs) in glyphsByFace.sorted(by: { $0.key < $1.key }) {
            let data = try FontSubsetter.subset(ref, glyphs: glyphs)
            let name = "\(ref.path)#\(ref.index)"
            let freeType = try FreeTypeFace(library: library, data: data, name: name)
            guard let cairoFace = cairo_ft_font_face_create_for_ft_face(freeType.handle, 0) else {
                throw RenderError.fontLoad(face: name)
            }
            // cairo may hold the face after we let go of it: it frees the FreeType face itself.
            let owner = Unmanaged.passRetained(freeType).toOpaque()
            let status = cairo_font_face_set_user_data(cairoFace, freeTypeFaceKey, owner) { pointer in
                if let pointer { Unmanaged<FreeTypeFace>.fromOpaque(pointer).release() }
            }
            guard status == CAIRO_STATUS_SUCCESS else {
                Unmanaged<FreeTypeFace>.fromOpaque(owner).release()
                cairo_font_face_destroy(cairoFace)
                throw RenderError.fontLoad(face: name)
            }
            faces[ref] = cairoFace
        }
    }

    deinit {
        for face in faces.values { cairo_font_face_destroy(face) }
    }

    func cairoFace(_ ref: FaceRef) -> OpaquePointer? { faces[ref] }
}
