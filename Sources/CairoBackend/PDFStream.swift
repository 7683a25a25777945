import CCairo
import FoundationEssentials
import Frames

/// A PDF written page by page: forms are drawn as they are typeset, so a batch of thousands
/// holds one form's pages at a time. cairo writes into a `SpooledOutput`; the file appears under
/// its name only on `finish()`, once its dictionaries are packed into object streams (`CompactPDF`).
public final class PDFStream {
    private let file: PendingFile
    /// Outlives the surface, which writes into it until destroyed (stored properties are
    /// released after `deinit` has destroyed the surface).
    private let spool: SpooledOutput
    private let surface: OpaquePointer
    private let context: OpaquePointer
    private let fonts: EmbeddedFonts
    private let fontCompression: FontCompression
    private var bookmarks: [Bookmark] = []
    public private(set) var pageCount = 0
    /// Whether `finish()` packs cairo's objects into object streams (off: cairo's file as it
    /// wrote it, which tests compare with).
    var packsObjects = true

    /// A PDF at `path` drawing with `fonts` (which may be shared with other files of a batch).
    public init(path: String, info: DocumentInfo, fonts: EmbeddedFonts, fontCompression: FontCompression = .small) throws {
        file = try PendingFile(target: path)
        spool = SpooledOutput(spillPath: file.temporary + ".cairo")
        self.fonts = fonts
        self.fontCompression = fontCompression
        guard let surface = cairo_pdf_surface_create_for_stream(SpooledOutput.cairoWrite, Unmanaged.passUnretained(spool).toOpaque(),
                                                                PageSize.a4Portrait.width, PageSize.a4Portrait.height)
        else { throw RenderError.cairo(path: path, reason: "no surface") }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            let reason = String(cString: cairo_status_to_string(cairo_surface_status(surface)))
            cairo_surface_destroy(surface)
            throw RenderError.cairo(path: path, reason: reason)
        }
        self.surface = surface
        self.context = context
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        CairoRenderer.setMetadata(info, on: surface)
        CairoRenderer.prepare(context)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Draws pages after those already written; bookmarks count pages from the first of them.
    public func add(_ pages: [Page], bookmarks: [Bookmark] = []) throws {
        self.bookmarks += bookmarks.map { $0.shifted(by: pageCount) }
        let drawer = PageDrawer(context: context, fonts: fonts)
        for page in pages {
            cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
            try drawer.draw(page)
            cairo_show_page(context)
            try check()
            pageCount += 1
        }
    }

    /// Writes the bookmarks, finishes the file, packs its objects and moves it into place.
    public func finish() throws {
        CairoRenderer.addBookmarks(bookmarks, to: surface)
        fontCompression.applied { cairo_surface_finish(surface) }  // where cairo embeds the fonts
        try check()
        let (target, temporary, packs) = (file.target, file.temporary, packsObjects)
        do {
            try spool.read { bytes, release in
                if packs {
                    try CompactPDF.rewrite(bytes, releasing: release, to: temporary, naming: target)
                } else {
                    try OutputFile.write(bytes, to: temporary, naming: target)
                }
            }
            try file.commit()
        } catch let error as PackingError {  // reading back what was spilled
            file.abort()
            throw error.naming(target)
        } catch {
            file.abort()
            throw error
        }
    }

    private func check() throws {
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            file.abort()
            let reason = spool.failure ?? String(cString: cairo_status_to_string(status))
            throw RenderError.cairo(path: file.target, reason: reason)
        }
    }
}

extension Bookmark {
    func shifted(by pages: Int) -> Bookmark {
        Bookmark(title: title, pageIndex: pageIndex + pages)
    }
}
