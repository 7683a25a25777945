import CCairo
import CFreeType
import Fonts
import FoundationEssentials
import Frames

/// The key under which a cairo font face keeps its FreeType face (a constant address).
nonisolated(unsafe) private let freeTypeFaceKey = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)

/// How a PDF embeds its fonts.
public enum FontEmbedding: Sendable {
    /// Each face cut down with hb-subset to exactly the glyphs these pages use: the smallest
    /// files, but every page must be laid out first.
    case subsetFor([Page])
    /// Each face cut down to the characters it will print and every glyph shaping can reach
    /// from them (hb-subset's closure), cut ahead on background threads: pages can be drawn as
    /// they are laid out, and one set of cuts serves a whole batch of files. cairo keeps only
    /// the glyphs a file uses.
    case cutAhead(FontSubsets)
}

/// The cairo font faces documents draw with, handed to cairo over FreeType faces. Owns one
/// reference to each; may serve many PDFs one after another (not at once from several threads).
public final class EmbeddedFonts {
    /// A face as cairo draws it, and how the document's glyph ids map into it.
    struct Face {
        let cairoFace: OpaquePointer
        let glyphMap: [UInt32: UInt32]
    }

    private var faces: [FaceRef: Face] = [:]
    /// Whether cairo has already outlined each glyph id, per face and size (see
    /// `glyphsNotYetOutlined`). Cut ids are compact, so a flag per id is small and needs no hashing.
    private var outlined: [OutlineKey: [Bool]] = [:]
    private let library: FreeTypeLibrary
    private let subsets: FontSubsets?

    public init(_ embedding: FontEmbedding) throws {
        library = try FreeTypeLibrary()
        switch embedding {
        case let .cutAhead(subsets):
            self.subsets = subsets
        case let .subsetFor(pages):
            subsets = nil
            var glyphsByFace: [FaceRef: Set<UInt32>] = [:]
            for page in pages {
                for case let .text(run) in page.items {
                    glyphsByFace[run.face, default: []].formUnion(run.glyphs.map(\.id))
                }
            }
            for (ref, glyphs) in glyphsByFace.sorted(by: { $0.key < $1.key }) {
                faces[ref] = try load(FontSubsetter.subset(ref, glyphs: glyphs), ref)
            }
        }
    }

    deinit {
        for face in faces.values { cairo_font_face_destroy(face.cairoFace) }
    }

    /// The face a run draws with (waiting for its cut if it is being cut ahead).
    func face(_ ref: FaceRef) throws -> Face? {
        if let face = faces[ref] { return face }
        guard let subsets else { return nil }
        let face = try load(subsets.subset(ref), ref)
        faces[ref] = face
        return face
    }

    private struct OutlineKey: Hashable {
        let face: FaceRef
        let size: Double
    }

    /// The glyphs of `glyphs` that cairo has not yet been asked to outline at this face and
    /// size; they are counted as outlined from now on.
    func glyphsNotYetOutlined(_ glyphs: [cairo_glyph_t], face: FaceRef, size: Double) -> [cairo_glyph_t] {
        let key = OutlineKey(face: face, size: size)
        var seen = outlined.removeValue(forKey: key) ?? []
        let fresh = glyphs.filter { glyph in
            let id = Int(glyph.index)
            if id >= seen.count { seen += repeatElement(false, count: id + 1 - seen.count) }
            defer { seen[id] = true }
            return !seen[id]
        }
        outlined[key] = seen
        return fresh
    }

    private static func name(_ ref: FaceRef) -> String { "\(ref.path)#\(ref.index)" }

    /// Hands a subset to cairo, which frees its FreeType face when it no longer draws with it.
    private func load(_ subset: FontSubset, _ ref: FaceRef) throws -> Face {
        let freeType = try FreeTypeFace(library: library, bytes: subset.bytes, name: Self.name(ref))
        freeType.forgetCharacterMap()
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
        return Face(cairoFace: cairoFace, glyphMap: subset.glyphMap)
    }
}
