/// A row (or a part of one) placed on a page, at `y` from the top of the page's table.
struct PlacedRow {
    let row: Int
    var y: Double
    var height: Double
    /// For a row split across pages: which lines of each one-row cell this part shows.
    var lines: [Int: Range<Int>]?
    /// A header row drawn again at the top of a continuation page.
    var isRepeat: Bool
    /// The rest of a row split at an earlier page break.
    var isContinuation = false
    /// For the rest of a split row: its labels, drawn again whole beside the lines that continue.
    var repeatedLabels: Set<Int> = []

    /// Whether a spanned cell starting at row `start` was cut by an earlier page break, this
    /// being the first of a page's rows that the cell covers: a later row than its first, its
    /// header drawn again, or the rest of its first row split there.
    func showsCellCut(at start: Int) -> Bool { row != start || isRepeat || isContinuation }
}

/// The rows of one page, and which lines of each continuing spanned text it shows.
struct TablePage {
    var rows: [PlacedRow] = []
    var continuingLines: [Int: Range<Int>] = [:]
    var height: Double { rows.last.map { $0.y + $0.height } ?? 0 }
}

/// A row still to place: a whole row, or what is left of one split at a page break.
private struct RowPiece {
    let row: Int
    var lines: [Int: Range<Int>]?
    var height: Double
    var repeatedLabels: Set<Int> = []
    /// The rest of a row split at an earlier page break.
    var isContinuation = false
}

/// Cuts the rows of a sized grid into pages: rows kept whole when they fit on the next page,
/// rows taller than a page split between lines (two lines at least on each side where the
/// text allows) with their labels drawn again beside the rest, header rows repeated while their
/// block continues (when they take at most half a page), a heading never last on a page, and
/// every row enlarged where a cut spanned label needs the room on its page.
struct Paginator {
    let sized: SizedGrid
    /// Height the table may take on its first page, and on every later page.
    let firstPageHeight: Double
    let pageHeight: Double
    /// Room the last row keeps below it on its page (short notes under the table).
    let keptWithTheEnd: Double

    private var pages: [TablePage] = []
    private var page = TablePage()
    private var limit: Double
    private var activeHeader: [Int] = []
    private var headerBeingRead: [Int] = []
    /// Lines of each continuing spanned text already placed on earlier pages.
    private var consumed: [Int: Int] = [:]
    /// Extra height the last row needs if the page ends after it (cut labels beside it).
    private var extraIfPageEndsHere = 0.0
    /// Whether the page ends inside its last row, split there: spanned texts ending with that
    /// row continue on the next page too.
    private var pageEndsInsideRow = false

    init(sized: SizedGrid, firstPageHeight: Double, pageHeight: Double, keptWithTheEnd: Double = 0) {
        self.sized = sized
        self.firstPageHeight = firstPageHeight
        self.pageHeight = pageHeight
        self.limit = firstPageHeight
        self.keptWithTheEnd = keptWithTheEnd
    }

    mutating func paginate() -> [TablePage] {
        let rows = sized.grid.rows
        var pieces = rows.indices.map { RowPiece(row: $0, lines: nil, height: sized.rowHeights[$0]) }[...]
        while var piece = pieces.first {
            let row = rows[piece.row]
            // A new block (or a new header group) ends the repetition of the header above it,
            // also on a page begun because this row does not fit.
            if row.endsHeaderBlock || (row.isHeader && !headerBeingRead.contains(piece.row - 1)) {
                activeHeader = []
                // A block's own header starts afresh: the header of a block above that has no
                // rows (其他需完成的任务 left empty) is not carried into it.
                if row.endsHeaderBlock { headerBeingRead = [] }
            }
            let hasBody = page.rows.contains { !$0.isRepeat }
            let room = limit - page.height
            let extras = deficits(placing: piece)
            var fits = piece.height + max(extras.top, extras.all) <= room + 1e-6
            if fits, row.keepWithNext || row.isHeader, let next = pieces.dropFirst().first {
                var needed = minimumHeight(of: next, after: piece.height + extras.top, room: room)
                // Above the last row, which keeps the notes with it, a heading needs their room too.
                if pieces.count == 2, needed >= next.height - 1e-6 { needed += keptWithTheEnd }
                fits = piece.height + extras.top + needed <= room + 1e-6
            }
            // A row that a heading above keeps with it splits here rather than leave the heading
            // alone at the page foot (they are too tall for one page together).
            let keptWithAbove = page.rows.last.map { !$0.isRepeat && (rows[$0.row].keepWithNext || rows[$0.row].isHeader) } ?? false
            // The last row goes to the next page with the notes rather than leave them alone
            // there (but not from the heading above it).
            if fits, pieces.count == 1, hasBody, !keptWithAbove, piece.height + max(extras.top, extras.all) + keptWithTheEnd > room + 1e-6,
               piece.height + keptWithTheEnd <= pageHeight - headerHeight {
                fits = false
            }
            // Nor does the last row go to the next page alone, under the repeated header: the row
            // before goes with it, if both fit there and this page is left at most a quarter empty.
            if fits, pieces.count == 2, hasBody, !keptWithAbove, !row.keepWithNext, !row.isHeader, let last = pieces.last,
               piece.height + extras.top + last.height + keptWithTheEnd > room + 1e-6,
               keptWithTheEnd > 0 || !leavesMuchEmpty(room - piece.height - extras.top),  // it moves whole
               piece.height + last.height + keptWithTheEnd <= pageHeight - headerHeight, !leavesMuchEmpty(room) {
                fits = false
            }
            if fits {
                place(piece, extraTop: extras.top, extraBottom: max(0, extras.all - extras.top))
                pieces.removeFirst()
                continue
            }
            let freshRoom = pageHeight - headerHeight
            // A row that would fit a page of its own still splits here if moving it would leave
            // more than a quarter of this page empty.
            if hasBody, (piece.height <= freshRoom + 1e-6 && !keptWithAbove && !leavesMuchEmpty(room)) || !canSplit(piece, room: room) {
                newPage()
                continue
            }
            // Taller than a page (or a page with nothing on it yet): split between lines.
            if let (first, rest) = split(piece, room: hasBody ? room : max(room, 1)) {
                // The first part fills the page: a spanned label beside it that would need more
                // room than its rows have here starts on the next page with the row instead.
                if hasBody, deficits(placing: first).all > 1e-6 {
                    newPage()
                    continue
                }
                place(first, extraTop: 0, extraBottom: 0)
                piece = rest
                pieces[pieces.startIndex] = piece
                pageEndsInsideRow = true
                newPage()
            } else {
                // Nothing to split (an empty or unbreakable row on an empty page): place it as it
                // is, but no taller than the page where its text fits (the layout's minimum row
                // height gives way to a short page).
                var whole = piece
                let text = oneRowCells(piece.row).map { sized.height(of: $0, lines: piece.lines?[$0] ?? sized.allLines($0)) }.max() ?? 0
                if whole.height + extras.top > room, text + extras.top <= room { whole.height = room - extras.top }
                place(whole, extraTop: extras.top, extraBottom: 0)
                pieces.removeFirst()
            }
        }
        finishPage()
        pages.append(page)
        return pages
    }

    private var headerHeight: Double { activeHeader.reduce(0) { $0 + sized.rowHeights[$1] } }

    private mutating func place(_ piece: RowPiece, extraTop: Double, extraBottom: Double) {
        page.rows.append(PlacedRow(row: piece.row, y: page.height, height: piece.height + extraTop,
                                   lines: piece.lines, isRepeat: false, isContinuation: piece.isContinuation,
                                   repeatedLabels: piece.repeatedLabels))
        extraIfPageEndsHere = extraBottom
        // Header rows become the repeating header once the first row under them is placed.
        if sized.grid.rows[piece.row].isHeader {
            if !headerBeingRead.contains(piece.row) { headerBeingRead.append(piece.row) }
        } else if !headerBeingRead.isEmpty {
            // A header that would fill more than half of every continuation page (or was itself
            // cut by a page break) is not repeated: the rows under it need the room.
            let height = headerBeingRead.reduce(0) { $0 + sized.rowHeights[$1] }
            activeHeader = height <= pageHeight / 2 ? headerBeingRead : []
            headerBeingRead = []
        }
    }

    private mutating func newPage() {
        finishPage()
        pages.append(page)
        page = TablePage()
        limit = pageHeight
        for row in activeHeader {
            page.rows.append(PlacedRow(row: row, y: page.height, height: sized.rowHeights[row], lines: nil, isRepeat: true))
        }
        extraIfPageEndsHere = 0
    }

    /// Closes a page: enlarges its last row for labels cut at its foot and records which lines
    /// of continuing spanned texts it shows.
    private mutating func finishPage() {
        if extraIfPageEndsHere > 0, !page.rows.isEmpty { page.rows[page.rows.count - 1].height += extraIfPageEndsHere }
        extraIfPageEndsHere = 0
        for cell in sized.cells where cell.spansRows && cell.cell.onPageBreak == .continueText {
            let segment = page.rows.filter { cell.rows.contains($0.row) }
            guard let last = segment.last else { continue }
            let start = consumed[cell.id] ?? 0
            let total = sized.blocks[cell.id].lines.count
            var end = total
            let cutAtFoot = last.row < cell.lastRow || (pageEndsInsideRow && last.row == page.rows.last?.row)
            if cutAtFoot {  // as many lines as the segment holds
                let room = segment.reduce(0) { $0 + $1.height }
                end = start
                while end < total, sized.height(of: cell.id, lines: start..<end + 1) <= room + 1e-6 { end += 1 }
            }
            page.continuingLines[cell.id] = start..<end
            consumed[cell.id] = end
        }
        pageEndsInsideRow = false
    }

    /// The extra height a piece of a row needs on this page: `top` for spanned cells that end
    /// with it after being cut by an earlier page break, `all` if the page also ends after it.
    private func deficits(placing piece: RowPiece) -> (top: Double, all: Double) {
        var top = 0.0, all = 0.0
        let row = piece.row, height = piece.height
        let placing = PlacedRow(row: row, y: page.height, height: height, isRepeat: false, isContinuation: piece.isContinuation)
        for cell in sized.spansCovering[row].map({ sized.cells[$0] }) {
            let firstCovered = page.rows.first { cell.rows.contains($0.row) } ?? placing
            let cutAbove = firstCovered.showsCellCut(at: cell.row)
            let endsHere = cell.lastRow == row
            guard cutAbove || !endsHere else { continue }
            let have = page.rows.filter { cell.rows.contains($0.row) }.reduce(0) { $0 + $1.height } + height
            let need: Double
            switch cell.cell.onPageBreak {
            case .repeatLabel:
                need = sized.blocks[cell.id].height + cell.cell.padding.vertical
            case .continueText:
                let start = consumed[cell.id] ?? 0
                need = endsHere ? sized.height(of: cell.id, lines: start..<sized.blocks[cell.id].lines.count) : 0
            }
            let deficit = max(0, need - have)
            if endsHere { top = max(top, deficit) }
            all = max(all, deficit)
        }
        return (top, all)
    }

    /// Whether `room` left empty at a page foot would be more than a quarter of a page.
    private func leavesMuchEmpty(_ room: Double) -> Bool { room > pageHeight / 4 }

    /// The least room the next piece needs on this page below a heading `above` points tall:
    /// itself, or its first two lines if the two are too tall for one page together, or if
    /// moving both to the next page would leave more than a quarter of this one empty.
    private func minimumHeight(of piece: RowPiece, after above: Double, room: Double) -> Double {
        guard piece.height + above > pageHeight - headerHeight || leavesMuchEmpty(room) else { return piece.height }
        let ids = oneRowCells(piece.row)
        return ids.map { id in
            let range = piece.lines?[id] ?? sized.allLines(id)
            return sized.height(of: id, lines: range.lowerBound..<min(range.upperBound, range.lowerBound + 2))
        }.max() ?? piece.height
    }

    private func oneRowCells(_ row: Int) -> [Int] {
        sized.cellsStartingIn[row].filter { !sized.cells[$0].spansRows }
    }

    private func canSplit(_ piece: RowPiece, room: Double) -> Bool { split(piece, room: room) != nil }

    /// Splits a row so that its first part fits `room`: each one-row cell keeps the lines that
    /// fit, leaving two lines at least on each side where it has enough of them. A label that
    /// fits whole (总体绩效目标) is drawn again beside the rest, so that no continuation page
    /// shows text without saying what it is.
    private func split(_ piece: RowPiece, room: Double) -> (RowPiece, RowPiece)? {
        let ids = oneRowCells(piece.row)
        var first: [Int: Range<Int>] = [:], rest: [Int: Range<Int>] = [:]
        var labels: Set<Int> = []
        var movedAny = false
        for id in ids {
            let range = piece.lines?[id] ?? sized.allLines(id)
            var end = range.lowerBound
            while end < range.upperBound, sized.height(of: id, lines: range.lowerBound..<end + 1) <= room + 1e-6 { end += 1 }
            if sized.cells[id].cell.onPageBreak == .repeatLabel, end == range.upperBound, range == sized.allLines(id) {
                first[id] = range
                rest[id] = range
                labels.insert(id)
                continue
            }
            let count = range.count, kept = end - range.lowerBound
            if kept < count {
                if kept < 2 && count >= 2 { end = range.lowerBound }  // no orphan line at the page foot
                else if count - kept < 2 && count >= 4 { end = range.upperBound - 2 }  // no widow line
            }
            first[id] = range.lowerBound..<end
            rest[id] = end..<range.upperBound
            if end > range.lowerBound { movedAny = true }
        }
        // A row made tall by a long spanned text ending with it (a label continued from page to
        // page) splits by height, where its own cells have nothing more to move.
        let needed = piece.height + deficits(placing: piece).top
        let endsLongSpannedText = needed > room + 1e-6 && sized.spansCovering[piece.row].contains { id in
            sized.cells[id].cell.onPageBreak == .continueText && sized.cells[id].lastRow == piece.row
        }
        guard (movedAny && rest.contains(where: { !labels.contains($0.key) && !$0.value.isEmpty })) || endsLongSpannedText
        else { return nil }
        var restHeight = max(sized.grid.minRowHeight, ids.map { sized.height(of: $0, lines: rest[$0] ?? 0..<0) }.max() ?? 0)
        if endsLongSpannedText { restHeight = max(restHeight, needed - room) }
        return (RowPiece(row: piece.row, lines: first, height: room, repeatedLabels: piece.repeatedLabels,
                         isContinuation: piece.isContinuation),
                RowPiece(row: piece.row, lines: rest, height: restHeight, repeatedLabels: labels, isContinuation: true))
    }
}
