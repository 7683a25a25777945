import CCairo
import CFreeType

/// The key under which a cairo font face keeps its FreeType face (a constant address).
nonisolated(unsafe) private let freeTypeFaceKey = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)

/// cairo font faces over FreeType faces.
enum CairoFontFace {
    /// A cairo font face (one reference, for the caller to destroy) reading `bytes`, which
    /// frees its FreeType face when cairo no longer draws with it.
    static func make(_ bytes: any FaceBytes, library: FreeTypeLibrary, name: String) throws -> OpaquePointer {
        let freeType = try FreeTypeFace(library: library, bytes: bytes, name: name)
        freeType.forgetCharacterMap()
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(freeType.handle, 0) else {
            throw RenderError.fontLoad(face: name)
        }
        let owner = Unmanaged.passRetained(freeType).toOpaque()
        let status = cairo_font_face_set_user_data(cairoFace, freeTypeFaceKey, owner) { pointer in
            if let pointer { Unmanaged<FreeTypeFace>.fromOpaque(pointer).release() }
        }
        guard status == CAIRO_STATUS_SUCCESS else {
            Unmanaged<FreeTypeFace>.fromOpaque(owner).release()
            cairo_font_face_destroy(cairoFace)
            throw RenderError.fontLoad(face: name)
        }
        return cairoFace
    }

    /// Whether cairo embeds a face in a PDF by its CFF program (`/FontFile3`) alone, not as a
    /// TrueType font (`/FontFile2`) or a Type 1 font made from outlines (`/FontFile`), which
    /// for a `BoxOutlineFace` would be its boxes: asked of a PDF written in memory. cairo puts a
    /// glyph whose text is Latin-1 into a subset of its own if the font is not CID-keyed, which
    /// it embeds by other means, so of `glyphs` (with ink: cairo embeds no font for a glyph
    /// without) the first is drawn as "a" and the second as "一".
    static func embedsCFFProgram(of bytes: any FaceBytes, drawing glyphs: [UInt32]) -> Bool {
        final class Sink { var bytes: [UInt8] = [] }
        guard let library = try? FreeTypeLibrary(), let face = try? make(bytes, library: library, name: "probe")
        else { return false }
        defer { cairo_font_face_destroy(face) }
        let sink = Sink()
        guard let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().bytes += UnsafeBufferPointer(start: data, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque(), 100, 100) else { return false }
        defer { cairo_surface_destroy(surface) }
        if let context = cairo_create(surface) {
            cairo_set_font_face(context, face)
            cairo_set_font_size(context, 10)
            let texts = ["a", "一"].prefix(glyphs.count)
            let drawn = zip(glyphs, texts).enumerated().map { cairo_glyph_t(index: UInt($1.0), x: 10 + 20 * Double($0), y: 50) }
            let clusters = texts.map { cairo_text_cluster_t(num_bytes: Int32($0.utf8.count), num_glyphs: 1) }
            cairo_show_text_glyphs(context, texts.joined(), -1, drawn, Int32(drawn.count), clusters, Int32(clusters.count),
                                   cairo_text_cluster_flags_t(0))
            cairo_destroy(context)
        }
        cairo_surface_finish(surface)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return false }
        let fontFiles = sink.bytes.occurrences(of: "/FontFile")
        return fontFiles > 0 && sink.bytes.occurrences(of: "/FontFile3") == fontFiles
    }
}

private extension [UInt8] {
    func occurrences(of text: String) -> Int {
        let needle = Array(text.utf8)
        guard count >= needle.count else { return 0 }
        return (0...(count - needle.count)).count { start in self[start..<start + needle.count].elementsEqual(needle) }
    }
}
