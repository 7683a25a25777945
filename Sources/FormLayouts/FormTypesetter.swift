import Fonts
import Forms
import Frames
import TableLayout
import TextLayout

/// A form ready to be typeset: the form, its layout, and its JSON path (for messages).
public struct FormJob: Sendable {
    public var form: Form
    public var layout: LayoutSpec
    /// "" for a single-form document, "forms[3]" inside a list; prefixed by the file in messages.
    public var path: String
    /// Position of the form in its file.
    public var index: Int
    /// Whether other forms print in the same document: then its pages are numbered even if it
    /// has one (page numbers go on documents of several pages, forms.md).
    public var sharesItsDocument: Bool
    public init(form: Form, layout: LayoutSpec, path: String, index: Int = 0, sharesItsDocument: Bool = false) {
        self.form = form; self.layout = layout; self.path = path; self.index = index
        self.sharesItsDocument = sharesItsDocument
    }
}

/// Typesets forms into a document: each form starts a page, pages are numbered per form (or
/// across the document, as the layout says), and each form gets a bookmark.
public struct FormTypesetter {
    public let engine: TableLayoutEngine
    public let options: TableLayoutOptions

    public init(engine: TableLayoutEngine, options: TableLayoutOptions = TableLayoutOptions()) {
        self.engine = engine
        self.options = options
    }

    /// The pages of one form, numbered if its layout numbers per form; warnings (with the
    /// JSON path of their text) are added to `warnings`.
    public func pages(of job: FormJob, warnings: inout [String]) throws -> [Page] {
        let spec = try Self.pageSpec(job.layout)
        let document = try GridBuilder(spec: job.layout, path: job.path).document(for: job.form)
        var pages = try engine.layout(document, on: spec, options: options, warnings: &warnings)
        if job.layout.page.numbering == "form" {
            try engine.numberPages(&pages, range: pages.indices, spec: spec, evenOne: job.sharesItsDocument)
        }
        return pages
    }

    /// Adds the characters a form will print, by the font chain each prints with, known before
    /// layout from every text's style (its cells, the text around its table, page numbers), so
    /// that fonts can be cut while the form is typeset.
    public static func gatherCharacters(of job: FormJob, into characters: inout ChainCharacters) throws {
        let document = try GridBuilder(spec: job.layout, path: job.path).document(for: job.form)
        for text in document.above + document.below where !text.text.isEmpty {
            characters.insert(text.text, printedWith: text.style)
        }
        for row in document.grid.rows {
            for cell in row.cells where !cell.text.isEmpty { characters.insert(cell.text, printedWith: cell.style) }
        }
        characters.insert("第页共— 0123456789", printedWith: try Self.pageSpec(job.layout).pageNumberStyle)
    }

    /// All forms in one document, with bookmarks and metadata.
    public func document(_ jobs: [FormJob], creationDate: String, warnings: inout [String]) throws -> Document {
        var pages: [Page] = []
        var bookmarks: [Bookmark] = []
        for var job in jobs {
            bookmarks.append(Bookmark(title: job.form.name, pageIndex: pages.count))
            job.sharesItsDocument = jobs.count > 1
            pages += try self.pages(of: job, warnings: &warnings)
        }
        if let first = jobs.first { try numberAcrossDocument(&pages, layout: first.layout) }
        return Document(pages: pages, info: info(jobs.map(\.form), creationDate: creationDate), bookmarks: bookmarks)
    }

    /// Numbers all pages as one document, if the layout says so (forms were numbered on their own otherwise).
    public func numberAcrossDocument(_ pages: inout [Page], layout: LayoutSpec) throws {
        guard layout.page.numbering == "document" else { return }
        try engine.numberPages(&pages, range: pages.indices, spec: try Self.pageSpec(layout))
    }

    /// Title, subject and author from the forms.
    public func info(_ forms: [Form], creationDate: String) -> DocumentInfo {
        guard let first = forms.first else { return DocumentInfo(creationDate: creationDate) }
        return forms.count == 1 ? info(of: first, creationDate: creationDate) : info(of: FormsSummary(forms), creationDate: creationDate)
    }

    /// The metadata of a document of one form.
    public func info(of form: Form, creationDate: String) -> DocumentInfo {
        DocumentInfo(title: form.title, author: FormsSummary.author(of: form), subject: form.name, creator: "formpress",
                     creationDate: creationDate)
    }

    /// The metadata of a document of several forms: what they share (no author where the
    /// units differ; a general title where the titles do).
    public func info(of forms: FormsSummary, creationDate: String) -> DocumentInfo {
        let type = forms.sharedType.map { "（\($0.rawValue)）" } ?? ""
        return DocumentInfo(title: "\(forms.sharedTitle ?? "预算绩效目标表")（共\(forms.count)份）", author: forms.sharedAuthor ?? "",
                            subject: "预算绩效目标表\(type)", creator: "formpress", creationDate: creationDate)
    }

    public static func pageSpec(_ layout: LayoutSpec) throws -> PageSpec {
        let m = layout.page.margins.map { $0 * 72 / 25.4 }
        let styles = try ResolvedStyles(layout)
        return PageSpec(size: layout.page.orientation == "landscape" ? .a4Landscape : .a4Portrait,
                        margins: Insets(top: m[0], right: m[1], bottom: m[2], left: m[3]),
                        pageNumbers: PageNumberStyle(rawValue: layout.page.pageNumbers) ?? .chinese,
                        pageNumberStyle: styles["pageNumber"])
    }
}
