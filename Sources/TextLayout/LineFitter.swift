/// Which clusters a line holds, and how wide they print.
struct LineSpan {
    /// Clusters of the line, trailing spaces included.
    var clusters: Range<Int>
    /// End of the printed clusters (trailing spaces dropped).
    var visibleEnd: Int
    /// Whether the last printed cluster is a full-width mark set at half width.
    var halvesLastMark: Bool
    /// Printed width in points.
    var width: Double
    /// Whether even one cluster is wider than the line (the text cannot fit).
    var overflows: Bool
    /// Whether the line ends inside a word or number, as a last resort (see `LineFitter.tornPiece`).
    var tearsWord = false
    /// Whether the line ends between a number and its unit (a discouraged break).
    var tearsFromUnit = false
    /// How much its marks between the first and the last may give up of their blank halves, in points.
    var squeezable = 0.0
    /// How much they give up to fit the line into its width, in points (see `LineSetter`).
    var squeeze = 0.0

    /// The line as it fits `available` points: as it is, or with its marks squeezed (at most
    /// to half width each); nil if it does not fit.
    func fitting(_ available: Double) -> LineSpan? {
        let tolerance = 1e-6
        if width <= available + tolerance { return self }
        guard width - squeezable <= available + tolerance else { return nil }
        var squeezed = self
        squeezed.squeeze = width - available
        squeezed.width = available
        return squeezed
    }
}

/// Cuts a shaped paragraph into lines, first fit: each line takes as much as fits, ending at
/// the last allowed break; a number is torn from its unit only if nothing else fits, and a
/// word is broken between characters only as a last resort. A last line of one character
/// takes one more from the line before.
struct LineFitter {
    let paragraph: ShapedParagraph
    /// Font size in points.
    let size: Double
    /// `offsets[k]`: advance in points from the paragraph start to cluster k.
    private let offsets: [Double]
    /// Break positions (before cluster k), ascending, with how welcome each is.
    private let breaks: [(cluster: Int, opportunity: BreakRules.Opportunity)]
    /// `squeezableBefore[k]`: points the marks before cluster k may squeeze out (justified text only).
    private let squeezableBefore: [Double]
    /// Whether lines are justified (widened to their width).
    private let justified: Bool

    init(paragraph: ShapedParagraph, size: Double, opportunities: [BreakRules.Opportunity?], justified: Bool = false) {
        self.paragraph = paragraph
        self.size = size
        self.justified = justified
        var offsets = [0.0]
        offsets.reserveCapacity(paragraph.clusters.count + 1)
        var squeezable = [0.0]
        for (k, cluster) in paragraph.clusters.enumerated() {
            offsets.append(offsets[offsets.count - 1] + cluster.advance * size)
            // Only justified lines squeeze: others need not fill their width.
            let previous = k > 0 ? paragraph.clusters[k - 1] : nil
            let half = justified ? PunctuationSpacing.squeezableHalf(cluster, after: previous, paragraph.text)?.amount ?? 0 : 0
            squeezable.append(squeezable[squeezable.count - 1] + half * size)
        }
        self.offsets = offsets
        self.squeezableBefore = squeezable
        var breaks: [(cluster: Int, opportunity: BreakRules.Opportunity)] = []
        for (scalar, cluster) in paragraph.clusterStarting.enumerated() {
            if let cluster, let opportunity = opportunities[scalar] { breaks.append((cluster, opportunity)) }
        }
        breaks.append((paragraph.clusters.count, .allowed))
        self.breaks = breaks
    }

    /// Lines for a width in points; the first line is `indent` points narrower.
    func fit(width: Double, indent: Double) -> [LineSpan] {
        let count = paragraph.clusters.count
        var lines: [LineSpan] = []
        var start = 0
        var nextBreak = 0
        while start < count {
            let available = width - (lines.isEmpty ? indent : 0)
            while breaks[nextBreak].cluster <= start { nextBreak += 1 }
            var bestAllowed: LineSpan?
            var bestRescue: LineSpan?
            var bestDiscouraged: LineSpan?
            var k = nextBreak
            while k < breaks.count {
                let end = breaks[k].cluster
                if let span = measure(start..<end).fitting(available) {
                    switch breaks[k].opportunity {
                    case .allowed: bestAllowed = span
                    case .rescue: bestRescue = span
                    case .discouraged: bestDiscouraged = span
                    }
                } else if offsets[end] - offsets[start] > available + 2 * size + squeezableBefore[end] - squeezableBefore[start] {
                    break  // nothing further can fit: squeezed marks and spaces win back less
                }
                k += 1
            }
            if let rescue = bestRescue, rescue.clusters.upperBound > (bestAllowed?.clusters.upperBound ?? start),
               available - (bestAllowed?.width ?? 0) > min(BreakRules.looseLineLimit * size, available / 4) {
                bestAllowed = rescue
            }
            var line = bestAllowed ?? bestDiscouraged ?? emergencyLine(from: start, available: available)
            // What follows up to the next welcome break cannot fit on a line of its own: a number
            // will be torn from its unit anyway, so tear it here rather than leave this line less
            // than a third full (`了 92 | 平方米》……`, not `了 | 92 | 平方米》……`).
            if let discouraged = bestDiscouraged, discouraged.clusters.upperBound > line.clusters.upperBound,
               line.width < available / 3, pieceOverflows(from: line.clusters.upperBound, width: width, toAWelcomeBreak: true) {
                line = discouraged
            }
            // What follows cannot fit on a line of its own either: it will be broken by
            // character anyway, so start breaking it here rather than leave this line short.
            if !line.overflows, line.clusters.upperBound < count,
               pieceOverflows(from: line.clusters.upperBound, width: width) {
                let filled = emergencyLine(from: start, available: available)
                if filled.clusters.upperBound > line.clusters.upperBound { line = filled }
            }
            line.tearsWord = line.clusters.upperBound < count && !isBreak(before: line.clusters.upperBound)
            line.tearsFromUnit = line.clusters.upperBound == bestDiscouraged?.clusters.upperBound
                && line.clusters.upperBound != bestAllowed?.clusters.upperBound
            lines.append(line)
            start = line.clusters.upperBound
        }
        return withCompanyForALoneLastCharacter(lines, width: width, indent: indent)
    }

    /// The lines, a last line of one character (孤字: `水|平。`, `保|障`) given company: the line
    /// before ends at its last welcome break instead, if the last line then fits and the line
    /// before is left no more than a third empty, and, justified, no more loosely set than a
    /// quarter em a gap (a looser line is worse than the lone character, and its text copies
    /// out of the PDF with a space between every two characters). The paragraph keeps its
    /// number of lines.
    private func withCompanyForALoneLastCharacter(_ lines: [LineSpan], width: Double, indent: Double) -> [LineSpan] {
        guard lines.count >= 2, let last = lines.last, holdsALoneCharacter(last) else { return lines }
        let before = lines[lines.count - 2]
        guard !before.tearsWord, !before.overflows else { return lines }
        let available = width - (lines.count == 2 ? indent : 0)
        // The breaks inside the line before, latest first: an earlier one only makes that line
        // looser and the last one longer.
        let inside = breaks.reversed().lazy.filter {
            $0.opportunity == .allowed && $0.cluster > before.clusters.lowerBound && $0.cluster < before.clusters.upperBound
        }
        guard let earlier = inside.first,
              let shortened = measure(before.clusters.lowerBound..<earlier.cluster).fitting(available),
              available - shortened.width <= available / 3,
              !justified || available - shortened.width <= Self.loosestGap * size * Double(stretchableGaps(in: shortened)),
              let lengthened = measure(earlier.cluster..<last.clusters.upperBound).fitting(width)
        else { return lines }
        return lines.dropLast(2) + [shortened, lengthened]
    }

    /// How much wider than set, in em, a gap of the line before a lone last character may be
    /// justified to give it company.
    static let loosestGap = 0.25

    /// How many gaps of a line justification may widen (not inside a number, beside a mark …).
    private func stretchableGaps(in line: LineSpan) -> Int {
        let first = line.clusters.lowerBound
        guard line.visibleEnd > first + 1 else { return 0 }
        return (first + 1..<line.visibleEnd).filter {
            BreakRules.isStretchableGap(paragraph.text, before: paragraph.clusters[$0].scalars.lowerBound)
        }.count
    }

    /// Whether a line prints one character, Han, and only marks that may not start a line after it.
    private func holdsALoneCharacter(_ line: LineSpan) -> Bool {
        let text = paragraph.text
        let printed = paragraph.clusters[line.clusters.lowerBound..<line.visibleEnd]
        let leading = printed.filter { !BreakRules.neverAtLineStart.contains(text[$0.scalars.lowerBound]) }
        return leading.count == 1 && leading.allSatisfy { BreakRules.isHan(text[$0.scalars.lowerBound]) }
    }

    /// Whether the break rules let a line end before cluster `k` (a binary search of `breaks`).
    private func isBreak(before k: Int) -> Bool {
        var low = 0, high = breaks.count
        while low < high {
            let middle = (low + high) / 2
            if breaks[middle].cluster < k { low = middle + 1 } else { high = middle }
        }
        return low < breaks.count && breaks[low].cluster == k
    }

    /// The word or number a line tearing it ends inside: the text between the break
    /// opportunities around the line's end.
    func tornPiece(_ line: LineSpan) -> String {
        let end = line.clusters.upperBound
        let from = breaks.last { $0.cluster < end }?.cluster ?? 0
        let to = breaks.first { $0.cluster > end }?.cluster ?? paragraph.clusters.count
        let scalars = paragraph.clusters[from].scalars.lowerBound..<paragraph.clusters[to - 1].scalars.upperBound
        return String(scalars: paragraph.text[scalars])
    }

    /// Whether the text from `start` up to its next break is wider than `width`: a break of any
    /// kind, or only a welcome one (not between a number and its unit).
    private func pieceOverflows(from start: Int, width: Double, toAWelcomeBreak: Bool = false) -> Bool {
        // `breaks` ends with the paragraph's end.
        guard let next = breaks.first(where: { $0.cluster > start && (!toAWelcomeBreak || $0.opportunity != .discouraged) })
        else { return false }
        return measure(start..<next.cluster).fitting(width) == nil
    }

    /// The widest line from `start` that ends at any cluster boundary, preferring boundaries
    /// that keep the line-start and line-end rules; at least one cluster.
    private func emergencyLine(from start: Int, available: Double) -> LineSpan {
        let text = paragraph.text
        var best: LineSpan?
        var bestKeepingRules: LineSpan?
        for end in (start + 1)...paragraph.clusters.count {
            guard let span = measure(start..<end).fitting(available) else { break }
            best = span
            let scalar = end < paragraph.clusters.count ? paragraph.clusters[end].scalars.lowerBound : text.count
            if scalar == text.count || BreakRules.isAllowed(text, at: scalar) { bestKeepingRules = span }
        }
        if let line = bestKeepingRules ?? best { return line }
        var alone = measure(start..<start + 1)
        alone.overflows = true
        return alone
    }

    /// The printed width of clusters `range` as a line: trailing spaces dropped, a full-width
    /// closing mark at the end counted at half width (GB/T 15834 §5.1.10).
    func measure(_ range: Range<Int>) -> LineSpan {
        var end = range.upperBound
        while end > range.lowerBound, isSpace(paragraph.clusters[end - 1]) { end -= 1 }
        var width = offsets[end] - offsets[range.lowerBound]
        var halves = false
        if end > range.lowerBound {
            let last = paragraph.clusters[end - 1]
            width -= last.kernAfter * size  // no character follows it on this line
            if last.scalars.count == 1, last.advance >= 0.9,
               BreakRules.halfWidthAtLineEnd.contains(paragraph.text[last.scalars.lowerBound]) {
                width -= last.advance * size / 2
                halves = true
            }
        }
        var span = LineSpan(clusters: range, visibleEnd: end, halvesLastMark: halves, width: width, overflows: false)
        // The marks between the first and the last (a line end halves the last; the first stays
        // whole, inside the cell).
        if end > range.lowerBound + 2 { span.squeezable = squeezableBefore[end - 1] - squeezableBefore[range.lowerBound + 1] }
        return span
    }

    private func isSpace(_ cluster: ShapedCluster) -> Bool {
        cluster.scalars.allSatisfy { BreakRules.isSpace(paragraph.text[$0]) }
    }
}
