/// CairoBackend: draws frames onto PDF, PNG and SVG surfaces.
///
/// Takes a `Document` (pages of positioned items, metadata, bookmarks); gives files. It only
/// reads frames: fonts are subset to the glyphs used and embedded, text is shown with its
/// clusters so the PDF's text is exact, and every file is written beside its target and
/// renamed at the end.

import CCairo
import FoundationEssentials
import Frames

public struct CairoRenderer: Sendable {
    public init() {}

    /// Writes the whole document as one PDF, its fonts pre-subset.
    public func writePDF(_ document: Document, to path: String, fontCompression: FontCompression = .small) throws {
        let stream = try PDFStream(path: path, info: document.info, fonts: EmbeddedFonts(.subsetFor(document.pages, .embedding)),
                                   fontCompression: fontCompression)
        try stream.add(document.pages, bookmarks: document.bookmarks)
        try stream.finish()
    }

    /// Writes one page as a PNG at `dpi` dots per inch, with `fonts` (the pages of a batch
    /// share one set, cut ahead), or fonts cut for this page alone.
    public func writePNG(_ page: Page, dpi: Double, to path: String, fonts: EmbeddedFonts? = nil) throws {
        let fonts = try fonts ?? EmbeddedFonts(.subsetFor([page], .drawing))
        let scale = dpi / 72
        let width = Int32((page.size.width * scale).rounded(.up))
        let height = Int32((page.size.height * scale).rounded(.up))
        try PendingFile.write(to: path) { temporary in
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height) else {
                throw RenderError.cairo(path: path, reason: "no surface")
            }
            defer { cairo_surface_destroy(surface) }
            guard let context = cairo_create(surface) else { throw RenderError.cairo(path: path, reason: "no context") }
            defer { cairo_destroy(context) }
            cairo_set_source_rgb(context, 1, 1, 1)
            cairo_paint(context)
            cairo_scale(context, scale, scale)
            Self.prepare(context)
            try PageDrawer(context: context, fonts: fonts).draw(page)
            cairo_surface_flush(surface)
            try check(cairo_surface_write_to_png(surface, temporary), path: path)
        }
    }

    /// Writes one page as SVG (cairo turns text into outlines there), with `fonts` as for PNG.
    public func writeSVG(_ page: Page, to path: String, fonts: EmbeddedFonts? = nil) throws {
        let fonts = try fonts ?? EmbeddedFonts(.subsetFor([page], .drawing))
        try PendingFile.write(to: path) { temporary in
            guard let surface = cairo_svg_surface_create(temporary, page.size.width, page.size.height) else {
                throw RenderError.cairo(path: path, reason: "no surface")
            }
            defer { cairo_surface_destroy(surface) }
            guard let context = cairo_create(surface) else { throw RenderError.cairo(path: path, reason: "no context") }
            defer { cairo_destroy(context) }
            Self.prepare(context)
            try PageDrawer(context: context, fonts: fonts).draw(page)
            cairo_show_page(context)
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface), path: path)
        }
    }

    /// Unhinted outlines at exact positions: the PNG and SVG show what the PDF shows. Metrics
    /// are hinted so that cairo takes a glyph's metrics and outline from one FreeType load
    /// (see `PageDrawer.outlineNewGlyphs`); they only round cairo's ink extents outwards.
    static func prepare(_ context: OpaquePointer) {
        guard let options = cairo_font_options_create() else { return }
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_ON)
        cairo_set_font_options(context, options)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_SQUARE)
    }

    static func setMetadata(_ info: DocumentInfo, on surface: OpaquePointer) {
        let fields: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, info.title), (CAIRO_PDF_METADATA_AUTHOR, info.author),
            (CAIRO_PDF_METADATA_SUBJECT, info.subject), (CAIRO_PDF_METADATA_CREATOR, info.creator),
            (CAIRO_PDF_METADATA_CREATE_DATE, info.creationDate), (CAIRO_PDF_METADATA_MOD_DATE, info.creationDate),
        ]
        for (field, value) in fields where !value.isEmpty {
            cairo_pdf_surface_set_metadata(surface, field, value)
        }
    }

    static func addBookmarks(_ bookmarks: [Bookmark], to surface: OpaquePointer) {
        for bookmark in bookmarks {
            cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, bookmark.title, "page=\(bookmark.pageIndex + 1)",
                                          cairo_pdf_outline_flags_t(0))
        }
    }

    private func check(_ status: cairo_status_t, path: String) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError.cairo(path: path, reason: String(cString: cairo_status_to_string(status)))
        }
    }
}
