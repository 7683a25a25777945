import CCairo
import CFreeType
import Fonts
import Foundation
import Frames

/// The key under which a cairo font face keeps its FreeType face (a constant address).
nonisolated(unsafe) private let freeTypeFaceKey = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)

/// How a PDF embeds its fonts.
public enum FontEmbedding: Sendable {
    /// Each face cut down with hb-subset to the glyphs these pages use, before drawing: the
    /// smallest files. Needs every page up front.
    case subsetFor([Page])
    /// Whole faces, loaded as runs need them, subset by cairo when the file is finished: for
    /// streaming large batches, at about half a megabyte per face.
    case wholeFaces
}

/// The cairo font faces a document draws with, handed to cairo over FreeType faces. Owns one
/// reference to each.
final class EmbeddedFonts {
    private var faces: [FaceRef: OpaquePointer] = [:]
    private let library: FreeTypeLibrary
    private let loadsWholeFaces: Bool

    init(_ embedding: FontEmbedding) throws {
        library = try FreeTypeLibrary()
        switch embedding {
        case .wholeFaces:
            loadsWholeFaces = true
        case let .subsetFor(pages):
            loadsWholeFaces = false
            var glyphsByFace: [FaceRef: Set<UInt32>] = [:]
            for page in pages {
                for case let .text(run) in page.items {
                    glyphsByFace[run.face, default: []].formUnion(run.glyphs.map(\.id))
                }
            }
            for (ref, glyphs) in glyphsByFace.sorted(by: { $0.key < $1.key }) {
                let data = try FontSubsetter.subset(ref, glyphs: glyphs)
                faces[ref] = try cairoFace(FreeTypeFace(library: library, data: data, name: Self.name(ref)), ref)
            }
        }
    }

    deinit {
        for face in faces.values { cairo_font_face_destroy(face) }
    }

    /// The cairo face for a run's face (loaded now if whole faces are embedded).
    func cairoFace(_ ref: FaceRef) throws -> OpaquePointer? {
        if let face = faces[ref] { return face }
        guard loadsWholeFaces else { return nil }
        let face = try cairoFace(FreeTypeFace(library: library, path: ref.path, index: ref.index), ref)
        faces[ref] = face
        return face
    }

    private static func name(_ ref: FaceRef) -> String { "\(ref.path)#\(ref.index)" }

    /// Hands a FreeType face to cairo, which frees it when it no longer draws with it.
    private func cairoFace(_ freeType: FreeTypeFace, _ ref: FaceRef) throws -> OpaquePointer {
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(freeType.handle, 0) else {
            throw RenderError.fontLoad(face: Self.name(ref))
        }
        let owner = Unmanaged.passRetained(freeType).toOpaque()
        let status = cairo_font_face_set_user_data(cairoFace, freeTypeFaceKey, owner) { pointer in
            if let pointer { Unmanaged<FreeTypeFace>.fromOpaque(pointer).release() }
        }
        guard status == CAIRO_STATUS_SUCCESS else {
            Unmanaged<FreeTypeFace>.fromOpaque(owner).release()
            cairo_font_face_destroy(cairoFace)
            throw RenderError.fontLoad(face: Self.name(ref))
        }
        return cairoFace
    }
}
