import Fonts
import Frames

/// Lays out text: the context object that owns the fonts, the ICU line breaker and the
/// cache of laid-out blocks (per text, style and width). One per thread.
public final class TextEngine {
    public let fonts: FontLibrary
    public let missingGlyphPolicy: MissingGlyphPolicy

    private let breaker: LineBreakIterator
    private var cache: [CacheKey: TextBlock] = [:]
    /// Past this many blocks the cache starts afresh, so a batch of thousands of forms does
    /// not hold every text it ever laid out.
    private let cacheLimit = 2_000

    private struct CacheKey: Hashable {
        var text: String
        var style: TextStyle
        var width: Double
    }

    public init(fonts: FontLibrary, missingGlyphPolicy: MissingGlyphPolicy = .error) throws {
        self.fonts = fonts
        self.missingGlyphPolicy = missingGlyphPolicy
        self.breaker = try LineBreakIterator()
    }

    /// Lays `text` into `width` points. Newlines separate paragraphs. `source` says where the
    /// text comes from (a JSON path, a cell) for error messages.
    public func layout(_ text: String, style: TextStyle, width: Double, source: String = "") throws -> TextBlock {
        let key = CacheKey(text: text, style: style, width: width)
        if let known = cache[key] { return known }
        if text.isEmpty { return .empty }
        let prepared = try prepare(text, style: style, source: source)
        var block = try set(prepared, style: style, width: width, source: source)
        // Three lines or more that wrap take the wrapped alignment; separate short paragraphs
        // (≥90%\n≥95%\n≥98%) keep theirs.
        if let wrapped = style.wrappedAlignment, wrapped != style.alignment, block.lines.count >= 3,
           block.lines.contains(where: { !$0.endsParagraph }) {
            var long = style
            long.alignment = wrapped
            long.wrappedAlignment = nil
            block = try set(prepared, style: long, width: width, source: source)
        } else if style.alignment == .center {
            block = try balanced(block, prepared, style: style, width: width, source: source)
        }
        if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[key] = block
        return block
    }

    /// Centred text that wraps is set in the narrowest width that keeps its number of lines,
    /// then centred: 总体绩效/目标 rather than 总体绩效目/标. A narrower width that would tear a
    /// word or a number the full width keeps whole (2,800,000./00元以上), or a number from its
    /// unit (约500/人/年), is not taken.
    private func balanced(_ block: TextBlock, _ text: PreparedText, style: TextStyle, width: Double,
                          source: String) throws -> TextBlock {
        let wrapped = block.lines.count - block.lines.filter(\.endsParagraph).count
        guard wrapped > 0 else { return block }
        var best = block
        var bestWidth = width
        // No width below the average line can hold the text in as many lines.
        let printed = block.lines.reduce(0) { $0 + $1.width }
        var low = max(0, printed / Double(block.lines.count) - 1), high = width
        while high - low > 0.5 {
            let trial = (low + high) / 2
            let candidate = try? set(text, style: style, width: trial, source: source)
            if let candidate, candidate.lines.count == block.lines.count, candidate.tornWords <= block.tornWords,
               candidate.tornFromUnits <= block.tornFromUnits {
                best = candidate
                bestWidth = trial
                high = trial
            } else {
                low = trial
            }
        }
        best.warnings = block.warnings  // about the cell's width, not the trial's
        let dx = (width - bestWidth) / 2
        best.lines = best.lines.map { line in
            var moved = line
            moved.items = line.items.map { $0.offsetBy(dx: dx, dy: 0) }
            moved.left += dx
            moved.right += dx
            return moved
        }
        return best
    }

    /// A text read into paragraphs, each shaped and with its break opportunities: all of its
    /// layout that does not depend on the width and alignment it is set in.
    private struct PreparedText {
        /// nil for an empty paragraph.
        var paragraphs: [PreparedParagraph?]
        var chain: FontChain
        var warnings: [TextWarning]
    }

    private struct PreparedParagraph {
        var shaped: ShapedParagraph
        var opportunities: [BreakRules.Opportunity?]
    }

    private func prepare(_ text: String, style: TextStyle, source: String) throws -> PreparedText {
        var scalars = Array(text.unicodeScalars)
        if scalars.contains(where: Self.isLineEndOrInvisible) { scalars = Self.normalised(scalars) }
        if let control = scalars.first(where: { $0 != "\n" && Self.isControl($0) }) {
            throw TextLayoutError.controlCharacter(control, text: text, source: source)
        }
        let chain = try fonts.chain(style.role, weight: style.weight)
        var paragraphs: [PreparedParagraph?] = []
        var warnings: [TextWarning] = []
        for paragraphScalars in scalars.split(separator: "\n", omittingEmptySubsequences: false) {
            guard !paragraphScalars.isEmpty else { paragraphs.append(nil); continue }
            let scalars = Array(paragraphScalars)
            let shaped = ShapedParagraph(text: scalars, chain: chain)
            for cluster in shaped.clusters where cluster.faceIndex == nil {
                let scalar = scalars[cluster.scalars.lowerBound]
                if missingGlyphPolicy == .error {
                    throw TextLayoutError.missingCharacter(scalar, text: text, source: source)
                }
                warnings.append(.missingCharacter(scalar, text: text))
            }
            let opportunities = BreakRules.opportunities(scalars, icu: breaker.opportunities(in: scalars))
            paragraphs.append(PreparedParagraph(shaped: shaped, opportunities: opportunities))
        }
        return PreparedText(paragraphs: paragraphs, chain: chain, warnings: warnings)
    }

    /// Windows and old Mac line ends (CR LF, a lone CR) and the line and paragraph separators
    /// that word processors write (U+2028, U+2029) become LF; a tab pasted from a spreadsheet
    /// becomes a space (a cell has no tab stops). Invisible formatting characters
    /// (a zero-width space, a byte-order mark inside the text, a soft hyphen, direction marks)
    /// are left out: there is nothing of them to print, and no font has a glyph for them.
    private static func normalised(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "\r" where i + 1 < scalars.count && scalars[i + 1] == "\n": continue
            case "\r", "\u{2028}", "\u{2029}": result.append("\n")
            case "\t": result.append(" ")
            case _ where scalar.isInvisibleFormatting: continue
            default: result.append(scalar)
            }
        }
        return result
    }

    private static func isLineEndOrInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\r" || scalar == "\t" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar.isInvisibleFormatting
    }

    /// General category Cc, the C0 and C1 controls (a lookup in Unicode's tables costs more).
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The prepared text set in `width` points.
    private func set(_ text: PreparedText, style: TextStyle, width: Double, source: String) throws -> TextBlock {
        let lineAdvance = style.lineAdvance
        // Baseline of the ideographic em box (0.88 em above its bottom) centred in the line.
        let baselineInLine = (lineAdvance - style.size) / 2 + 0.88 * style.size

        var lines: [TextLine] = []
        var warnings = text.warnings
        var tornFromUnits = 0
        var y = 0.0
        for (index, paragraph) in text.paragraphs.enumerated() {
            if index > 0 { y += style.paragraphSpacing }
            guard let paragraph else {
                lines.append(TextLine(items: [], top: y, height: lineAdvance, width: 0, left: 0, right: 0,
                                      text: "", endsParagraph: true))
                y += lineAdvance
                continue
            }
            let shaped = paragraph.shaped
            let fitter = LineFitter(paragraph: shaped, size: style.size, opportunities: paragraph.opportunities,
                                    justified: style.alignment == .justify)
            var indent = style.firstLineIndent * style.size
            var spans = fitter.fit(width: width, indent: indent)
            // In a narrow cell the indent may leave the first line too short for the first word:
            // the paragraph then goes without it rather than tear the word (or fail).
            // A character that fits nowhere is worse than a torn word (it fails the render).
            func faults(_ spans: [LineSpan]) -> (overflows: Int, tears: Int) {
                (spans.filter(\.overflows).count, spans.filter(\.tearsWord).count)
            }
            if indent > 0, faults(spans) > (0, 0) {
                let plain = fitter.fit(width: width, indent: 0)
                if faults(plain) < faults(spans) { (spans, indent) = (plain, 0) }
            }
            // One warning a torn word, however many lines it runs over.
            var tornWords: [String] = []
            for span in spans where span.tearsWord {
                let word = fitter.tornPiece(span)
                if !tornWords.contains(word) { tornWords.append(word) }
            }
            warnings += tornWords.map { .brokenWord($0, width: width) }
            tornFromUnits += spans.filter(\.tearsFromUnit).count
            let setter = LineSetter(paragraph: shaped, chain: text.chain, style: style)
            for (lineIndex, span) in spans.enumerated() {
                if span.overflows {
                    let cluster = shaped.clusters[span.clusters.lowerBound]
                    throw TextLayoutError.cannotFit(character: String(scalars: shaped.text[cluster.scalars]),
                                                    width: width, source: source)
                }
                let startX = lineIndex == 0 ? indent : 0
                let endsParagraph = lineIndex == spans.count - 1
                let placed = setter.items(for: span, available: width - startX, startX: startX,
                                         baseline: y + baselineInLine, endsParagraph: endsParagraph)
                // A line's clusters lie side by side in the text.
                let lineText = span.visibleEnd > span.clusters.lowerBound
                    ? String(scalars: shaped.text[shaped.clusters[span.clusters.lowerBound].scalars.lowerBound
                                                  ..< shaped.clusters[span.visibleEnd - 1].scalars.upperBound])
                    : ""
                lines.append(TextLine(items: placed.items, top: y, height: lineAdvance, width: startX + span.width,
                                      left: placed.left, right: placed.right, text: lineText, endsParagraph: endsParagraph))
                y += lineAdvance
            }
        }
        var block = TextBlock(lines: lines, height: y, warnings: warnings)
        block.tornFromUnits = tornFromUnits
        return block
    }
}
