import Frames
import TextLayout

/// Options of the table engine.
public struct TableLayoutOptions: Hashable, Sendable {
    /// Draw cell boxes and their grid coordinates over the page (for PNG previews).
    public var debugOverlay: Bool
    /// Also count that every line is placed exactly once (lines inside their cells and tables
    /// inside their pages are always checked). On by default in debug builds.
    public var checkInvariants: Bool

    public init(debugOverlay: Bool = false, checkInvariants: Bool? = nil) {
        self.debugOverlay = debugOverlay
        #if DEBUG
        self.checkInvariants = checkInvariants ?? true
        #else
        self.checkInvariants = checkInvariants ?? false
        #endif
    }
}

/// Lays a table document out on pages: furniture above the table on the first page, the
/// grid cut into pages, furniture below it after the last row.
public struct TableLayoutEngine {
    public let text: TextEngine
    public init(text: TextEngine) { self.text = text }

    /// Space between the table and the notes under it, in points.
    static let notesGap = 6.0

    /// The pages of one document (a form: it always starts on a new page), without page numbers.
    public func layout(_ document: TableDocument, on spec: PageSpec,
                       options: TableLayoutOptions = TableLayoutOptions()) throws -> [Page] {
        var warnings: [String] = []
        let pages = try layout(document, on: spec, options: options, warnings: &warnings)
        guard warnings.isEmpty else { throw TableError.unreportedWarnings(warnings) }
        return pages
    }

    /// The pages of one document; what the reader should know (a character drawn as a box…)
    /// is added to `warnings`, each with the source of its text.
    public func layout(_ document: TableDocument, on spec: PageSpec, options: TableLayoutOptions,
                       warnings: inout [String]) throws -> [Page] {
        let width = spec.contentWidth
        guard width > 20, spec.contentHeight > 40 else { throw TableError.pageTooSmall("margins leave no room") }
        var furnitureAbove: [PageItem] = []
        var y = spec.margins.top
        var tallestAbove = (height: 0.0, source: "")
        for block in document.above {
            let laid = try text.layout(block.text, style: block.style, width: width, source: block.source)
            warnings += laid.warnings.map { "\(block.source): \($0)" }
            furnitureAbove += laid.items(atX: spec.margins.left, y: y)
            y += laid.height + block.spaceAfter
            if laid.height > tallestAbove.height { tallestAbove = (laid.height, block.source) }
        }
        let sized = try SizedGrid(grid: document.grid, width: width, pageHeight: spec.contentHeight, engine: text)
        for (cell, block) in zip(sized.cells, sized.blocks) {
            warnings += block.warnings.map { cell.cell.source.isEmpty ? "\($0)" : "\(cell.cell.source): \($0)" }
        }
        let bottom = spec.size.height - spec.margins.bottom
        guard bottom - y > 40 else { throw TableError.tooMuchAboveTheTable(source: tallestAbove.source) }
        var notes: [(laid: TextBlock, spaceAfter: Double)] = []
        for block in document.below {
            let laid = try text.layout(block.text, style: block.style, width: width, source: block.source)
            warnings += laid.warnings.map { "\(block.source): \($0)" }
            notes.append((laid, block.spaceAfter))
        }
        // Short notes (备注) stay with the table's last row rather than stand alone on a page.
        let notesHeight = notes.reduce(Self.notesGap) { $0 + $1.laid.height + $1.spaceAfter } - (notes.last?.spaceAfter ?? 0)
        var paginator = Paginator(sized: sized, firstPageHeight: bottom - y, pageHeight: spec.contentHeight,
                                  keptWithTheEnd: notes.isEmpty || notesHeight > spec.contentHeight / 3 ? 0 : notesHeight)
        let tablePages = paginator.paginate()

        var audit = LayoutAudit(countsLines: options.checkInvariants)
        var pages: [Page] = []
        for (index, tablePage) in tablePages.enumerated() {
            let top = index == 0 ? y : spec.margins.top
            if top + tablePage.height > bottom + 0.01 {
                throw TableError.invariantViolated("page \(index + 1): the table runs \(Int(top + tablePage.height - bottom)) pt past the page foot")
            }
            let drawer = TablePageDrawer(sized: sized, origin: Point(x: spec.margins.left, y: top),
                                         debugOverlay: options.debugOverlay)
            var page = Page(size: spec.size, items: index == 0 ? furnitureAbove : [])
            page.items += drawer.draw(tablePage, audit: &audit)
            pages.append(page)
        }
        let problems = audit.problems(cells: sized.cells.count, lineCount: { sized.blocks[$0].lines.count },
                                      name: { "\"\(sized.cells[$0].cell.text.prefix(12))\" \(sized.cells[$0].cell.source)" })
        if let first = problems.first {
            throw TableError.invariantViolated(problems.count == 1 ? first : "\(first) (and \(problems.count - 1) more)")
        }

        // Notes under the table, on a new page when they do not fit under it; a note longer
        // than a page flows on, line by line.
        var cursor = (tablePages.last.map { $0.height } ?? 0) + (tablePages.count == 1 ? y : spec.margins.top) + Self.notesGap
        for (laid, spaceAfter) in notes {
            if cursor + laid.height > bottom, laid.height <= spec.contentHeight {
                pages.append(Page(size: spec.size))
                cursor = spec.margins.top
            }
            var blockTop = cursor  // where the block's top would be on this page
            for line in laid.lines {
                if blockTop + line.top + line.height > bottom + 1e-6 {
                    pages.append(Page(size: spec.size))
                    blockTop = spec.margins.top - line.top
                }
                pages[pages.count - 1].items += line.items.map { $0.offsetBy(dx: spec.margins.left, dy: blockTop) }
            }
            cursor = blockTop + laid.height + spaceAfter
        }
        return pages
    }

    /// Adds page numbers at the foot of `pages[range]`, counting within the range
    /// (a range per form numbers per form; the whole list numbers the document). A range of
    /// one page is numbered only `evenOne` (a form among others): numbers go on documents of
    /// several pages (forms.md).
    public func numberPages(_ pages: inout [Page], range: Range<Int>, spec: PageSpec, evenOne: Bool = false) throws {
        guard range.count > (evenOne ? 0 : 1) else { return }
        for (ordinal, index) in range.enumerated() {
            guard let label = spec.pageNumbers.label(page: ordinal + 1, of: range.count) else { return }
            let block = try text.layout(label, style: spec.pageNumberStyle, width: spec.contentWidth)
            // In the bottom margin, a third of the way down its free height: it must fit there,
            // or it would run into the table or off the page.
            guard block.height <= spec.margins.bottom else {
                throw TableError.pageTooSmall("the bottom margin (\(Int(spec.margins.bottom * 25.4 / 72)) mm) is lower than the page numbers (\(Int((block.height * 25.4 / 72).rounded(.up))) mm)")
            }
            let y = spec.size.height - spec.margins.bottom + (spec.margins.bottom - block.height) / 3
            pages[index].items += block.items(atX: spec.margins.left, y: y)
        }
    }
}
