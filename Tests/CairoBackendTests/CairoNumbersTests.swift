import CCairoNumbers
import Glibc
import Testing

/// The numbers cairo writes into a PDF, formatted by the program's own snprintf: the same
/// characters as glibc's, for every format it takes over, and glibc's answer for the rest.
@Suite struct CairoNumbersTests {
    /// `format` applied to `arguments` by glibc's vsnprintf and by ours (nil if ours declines).
    func bothWays(_ format: String, _ arguments: [any CVarArg]) -> (glibc: String, ours: String?) {
        func text(_ write: (UnsafeMutablePointer<CChar>, CVaListPointer) -> Int32) -> String? {
            var buffer = [CChar](repeating: 0, count: 128)
            let length = withVaList(arguments) { write(&buffer, $0) }
            return length < 0 ? nil : String(cString: buffer)
        }
        let glibc = text { vsnprintf($0, 128, format, $1) } ?? "(failed)"
        return (glibc, text { fp_format_one($0, 128, format, $1) })
    }

    /// Coordinates and offsets as a page has them (any fraction of a point, either sign), the
    /// small ones cairo writes with 18 decimals, and exact ties (odd multiples of 1/128 at six
    /// decimals, of 1/16 at three), which round to the even digit.
    @Test func fixedPointIsGlibcs() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.5, 1, -1, 0.1, 0.0078125, 0.0234375, -0.0078125, 0.0625, 0.1875, 841.89,
                                595.2756, 1e-7, -1e-9, 4.9e-324, 123456789.123456789, 9.2e18 / 2]
        for _ in 0..<20_000 {
            values.append(Double.random(in: -2000...2000, using: &generator))
            values.append(Double(Int.random(in: -300_000...300_000, using: &generator)) / 128)
            values.append(Double.random(in: -0.1...0.1, using: &generator) * pow(10, -Double.random(in: 0...8, using: &generator)))
        }
        var mismatches: [String] = []
        for value in values {
            for (format, arguments) in [("%f", [value]), ("%.18f", [value]), ("%.3f", [value]), ("%.*f", [Int32(2), value]),
                                        ("%.0f", [value])] as [(String, [any CVarArg])] {
                let (glibc, ours) = bothWays(format, arguments)
                if ours != glibc { mismatches.append("\(format) \(value): glibc \(glibc), ours \(ours ?? "declined")") }
            }
        }
        let count = mismatches.count  // (the first few are shown)
        #expect(count == 0, "\(mismatches.prefix(5))")
    }

    /// Integers as cairo writes them: object numbers, lengths, glyph ids in hex padded to a width.
    @Test func integersAreGlibcs() {
        var mismatches: [String] = []
        var integers: [Int32] = [0, 1, -1, 9, 10, 255, 4096, 65535, Int32.max, Int32.min]
        for _ in 0..<5_000 { integers.append(Int32.random(in: Int32.min...Int32.max)) }
        for value in integers {
            let cases: [(String, [any CVarArg])] = [
                ("%d", [value]), ("%u", [UInt32(bitPattern: value)]), ("%x", [value]), ("%X", [value]), ("%04x", [value]),
                ("%0*x", [Int32(2), value]), ("%0*x", [Int32(4), value]), ("%5d", [value]), ("%012d", [value]),
                ("%ld", [Int(value) * 65_537]), ("%lu", [UInt(bitPattern: Int(value) * 65_537)]), ("%i", [value]),
            ]
            for (format, arguments) in cases {
                let (glibc, ours) = bothWays(format, arguments)
                if ours != glibc { mismatches.append("\(format) \(value): glibc \(glibc), ours \(ours ?? "declined")") }
            }
        }
        let count = mismatches.count  // (the first few are shown)
        #expect(count == 0, "\(mismatches.prefix(5))")
    }

    /// Formats with more than one conversion, flags it does not write, or other types go to glibc.
    @Test func declinesWhatItDoesNotWrite() {
        for (format, arguments) in [("%s", ["a"]), ("%g", [1.5]), ("%-4d", [Int32(7)]), ("%+d", [Int32(7)]), ("%d %d", [Int32(1), Int32(2)]),
                                    ("x%d", [Int32(1)]), ("%e", [1.5]), ("%*d", [Int32(-4), Int32(7)]), ("%.5d", [Int32(7)])]
            as [(String, [any CVarArg])] {
            #expect(bothWays(format, arguments).ours == nil, "\(format)")
        }
        // A buffer too short: cut, NUL-terminated, the whole length returned, as snprintf does.
        var buffer = [CChar](repeating: 1, count: 4)
        let length = withVaList([123.5]) { fp_format_one(&buffer, 4, "%f", $0) }
        #expect(length == 10 && String(cString: buffer) == "123")
    }
}
