import CLineBreak

/// ICU's line-break iterator for one locale. Owns the ICU pointer (through the C bridge).
final class LineBreakIterator {
    private let handle: OpaquePointer
    let locale: String

    init(locale: String = "zh@lb=strict") throws {
        guard let handle = fp_line_breaker_open(locale) else {
            throw TextLayoutError.lineBreakerUnavailable(locale: locale)
        }
        self.handle = handle
        self.locale = locale
    }

    deinit { fp_line_breaker_close(handle) }

    /// ICU's break opportunities in `scalars`, as scalar indices (0 < i ≤ count).
    func opportunities(in scalars: [Unicode.Scalar]) -> [Int] {
        var utf16: [UInt16] = []
        var scalarIndexAtUTF16: [Int] = []
        utf16.reserveCapacity(scalars.count)
        for (i, scalar) in scalars.enumerated() {
            for unit in scalar.utf16 {
                utf16.append(unit)
                scalarIndexAtUTF16.append(i)
            }
        }
        scalarIndexAtUTF16.append(scalars.count)

        var out = [Int32](repeating: 0, count: scalars.count + 1)
        let count = Int(fp_line_breaker_breaks(handle, utf16, Int32(utf16.count), &out, Int32(out.count)))
        guard count > 0 else { return [] }
        return out.prefix(min(count, out.count)).map { scalarIndexAtUTF16[Int($0)] }
    }
}
