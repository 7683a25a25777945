import CCairo
import Frames

/// Draws the items of one page onto a cairo context: fills and outlines in order, then all
/// rules of a width in one stroked path, then all text of a face and size in one
/// `cairo_show_text_glyphs` (cairo's PDF surface tracks every drawing operation in a region,
/// which costs more the more operations a page has).
struct PageDrawer {
    let context: OpaquePointer
    let fonts: EmbeddedFonts

    func draw(_ page: Page) throws {
        var rules: [RuleKey: [Rule]] = [:]
        var texts: [TextKey: [GlyphRun]] = [:]
        var textOrder: [TextKey] = []
        for item in page.items {
            switch item {
            case let .rule(rule):
                rules[RuleKey(width: rule.width, color: rule.color), default: []].append(rule)
            case let .outline(rect, width, color):
                setColor(color)
                cairo_set_line_width(context, width)
                cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
                cairo_stroke(context)
            case let .text(run):
                let key = TextKey(face: run.face, size: run.size)
                if texts[key] == nil { textOrder.append(key) }
                texts[key, default: []].append(run)
            case let .debugLabel(text, point, size, color):
                setColor(color)
                cairo_select_font_face(context, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
                cairo_set_font_size(context, size)
                cairo_move_to(context, point.x, point.y)
                cairo_show_text(context, text)
            }
        }
        for key in textOrder { try show(texts[key] ?? [], key) }
        for (key, group) in rules.sorted(by: { ($0.key.width, $0.key.color.red) < ($1.key.width, $1.key.color.red) }) {
            setColor(key.color)
            cairo_set_line_width(context, key.width)
            for rule in group {
                cairo_move_to(context, rule.start.x, rule.start.y)
                cairo_line_to(context, rule.end.x, rule.end.y)
            }
            cairo_stroke(context)
        }
    }

    private struct RuleKey: Hashable {
        let width: Double
        let color: Color
    }

    private struct TextKey: Hashable {
        let face: FaceRef
        let size: Double
    }

    /// Shows runs of one face and size with their text and clusters, so the PDF's text is exact.
    private func show(_ runs: [GlyphRun], _ key: TextKey) throws {
        guard runs.contains(where: { !$0.glyphs.isEmpty }) else { return }
        guard let face = try fonts.face(key.face) else { throw RenderError.fontLoad(face: key.face.path) }
        setColor(.black)
        cairo_set_font_face(context, face.cairoFace)
        cairo_set_font_size(context, key.size)
        var glyphs: [cairo_glyph_t] = []
        var clusters: [cairo_text_cluster_t] = []
        var utf8: [UInt8] = []
        for run in runs where !run.glyphs.isEmpty {
            for glyph in run.glyphs {
                guard let id = face.glyphMap[glyph.id] else {
                    throw RenderError.glyphNotEmbedded(face: key.face.path, glyph: glyph.id, text: run.text)
                }
                glyphs.append(cairo_glyph_t(index: UInt(id), x: run.origin.x + glyph.x, y: run.origin.y + glyph.y))
            }
            for cluster in run.clusters {
                clusters.append(cairo_text_cluster_t(num_bytes: Int32(cluster.utf8Count), num_glyphs: Int32(cluster.glyphCount)))
            }
            utf8 += run.text.utf8
        }
        outlineNewGlyphs(glyphs, key)
        utf8.withUnsafeBufferPointer { text in
            text.withMemoryRebound(to: CChar.self) { chars in
                cairo_show_text_glyphs(context, chars.baseAddress, Int32(chars.count), glyphs, Int32(glyphs.count),
                                       clusters, Int32(clusters.count), cairo_text_cluster_flags_t(0))
            }
        }
    }

    /// Asks cairo for the outline of each glyph it has not drawn yet at this size, before it
    /// draws them. A glyph first asked for with its outline is loaded from FreeType once, for
    /// its outline and its (hinted) metrics together; drawn first, it is loaded once for its
    /// metrics and again when the PDF surface asks whether it has an outline. (Metrics are only
    /// hinted for cairo's ink extents: the glyphs are placed by us and their widths in the PDF
    /// come from cairo's own unhinted copy of the face.)
    private func outlineNewGlyphs(_ glyphs: [cairo_glyph_t], _ key: TextKey) {
        let fresh = fonts.glyphsNotYetOutlined(glyphs, face: key.face, size: key.size)
        guard !fresh.isEmpty else { return }
        cairo_glyph_path(context, fresh, Int32(fresh.count))
        cairo_new_path(context)
    }

    private func setColor(_ color: Color) {
        cairo_set_source_rgb(context, color.red, color.green, color.blue)
    }
}
