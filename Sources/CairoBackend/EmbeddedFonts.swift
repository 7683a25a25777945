import CCairo
import Fonts
import FoundationEssentials
import Frames

/// How a document's faces are cut for cairo.
public enum FontEmbedding: Sendable {
    /// Each face cut down with hb-subset to exactly the glyphs these pages use, drawn onto a
    /// PDF or onto images (`FontUse`): the smallest files, but every page must be laid out first.
    case subsetFor([Page], FontUse)
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
        case let .subsetFor(pages, use):
            subsets = nil
            var glyphsByFace: [FaceRef: Set<UInt32>] = [:]
            for page in pages {
                for case let .text(run) in page.items {
                    glyphsByFace[run.face, default: []].formUnion(run.glyphs.map(\.id))
                }
            }
            for (ref, glyphs) in glyphsByFace.sorted(by: { $0.key < $1.key }) {
                faces[ref] = try load(CairoCut(FontSubsetter.subset(ref, glyphs: glyphs), for: use), ref)
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
        let face = try load(subsets.cut(ref), ref)
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

    /// Hands a cut to cairo, which frees its FreeType face when it no longer draws with it.
    private func load(_ cut: CairoCut, _ ref: FaceRef) throws -> Face {
        Face(cairoFace: try CairoFontFace.make(cut.bytes, library: library, name: Self.name(ref)), glyphMap: cut.glyphMap)
    }
}
