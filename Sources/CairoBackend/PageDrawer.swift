import CCairo
import Frames

/// Draws the items of one page onto a cairo context, in order.
struct PageDrawer {
    let context: OpaquePointer
    let fonts: EmbeddedFonts

    func draw(_ page: Page) throws {
        for item in page.items {
            switch item {
            case let .fill(rect, color):
                setColor(color)
                cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
                cairo_fill(context)
            case let .rule(rule):
                setColor(rule.color)
                cairo_set_line_width(context, rule.width)
                cairo_move_to(context, rule.start.x, rule.start.y)
                cairo_line_to(context, rule.end.x, rule.end.y)
                cairo_stroke(context)
            case let .outline(rect, width, color):
                setColor(color)
                cairo_set_line_width(context, width)
                cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
                cairo_stroke(context)
            case let .text(run):
                try draw(run)
            case let .debugLabel(text, point, size, color):
                setColor(color)
                cairo_select_font_face(context, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
                cairo_set_font_size(context, size)
                cairo_move_to(context, point.x, point.y)
                cairo_show_text(context, text)
            }
        }
    }

    /// Shows a run with its text and clusters, so the PDF carries the exact source text.
    private func draw(_ run: GlyphRun) throws {
        guard !run.glyphs.isEmpty else { return }
        guard let face = try fonts.cairoFace(run.face) else { throw RenderError.fontLoad(face: run.face.path) }
        setColor(.black)
        cairo_set_font_face(context, face)
        cairo_set_font_size(context, run.size)
        let glyphs = run.glyphs.map {
            cairo_glyph_t(index: UInt($0.id), x: run.origin.x + $0.x, y: run.origin.y + $0.y)
        }
        let clusters = run.clusters.map {
            cairo_text_cluster_t(num_bytes: Int32($0.utf8Count), num_glyphs: Int32($0.glyphCount))
        }
        let utf8 = Array(run.text.utf8)
        utf8.withUnsafeBufferPointer { text in
            text.withMemoryRebound(to: CChar.self) { chars in
                cairo_show_text_glyphs(context, chars.baseAddress, Int32(chars.count), glyphs, Int32(glyphs.count),
                                       clusters, Int32(clusters.count), cairo_text_cluster_flags_t(0))
            }
        }
    }

    private func setColor(_ color: Color) {
        cairo_set_source_rgb(context, color.red, color.green, color.blue)
    }
}
