/// Where each object of the packed file is, by object number: takes entries as objects are
/// written, gives the rows of a cross-reference stream (ISO 32000 §7.5.8). Each field is
/// big-endian in as few bytes as its largest value needs, and each row goes behind PNG's Up
/// predictor: a row differs from the one above in a byte or two, so the rows deflate to little.
struct CrossReferenceRows {
    enum Entry: Equatable {
        case free
        case inFile(offset: Int, generation: Int)
        case inObjectStream(stream: Int, index: Int)
    }

    private var entries: [Entry]

    init(count: Int) {
        entries = Array(repeating: .free, count: count)
    }

    var count: Int { entries.count }

    subscript(number: Int) -> Entry {
        get { number < entries.count ? entries[number] : .free }
        set {
            if number >= entries.count { entries += repeatElement(.free, count: number + 1 - entries.count) }
            entries[number] = newValue
        }
    }

    /// The byte widths of the three fields (the stream's /W) and the rows, each behind its
    /// predictor byte (/DecodeParms << /Predictor 12 /Columns widths.sum >>).
    func encoded() -> (widths: [Int], rows: [UInt8]) {
        let fields = fieldValues()
        let widths = [1, Self.width(fields.map(\.1).max() ?? 0), Self.width(fields.map(\.2).max() ?? 0)]
        let columns = widths.reduce(0, +)
        var rows: [UInt8] = []
        rows.reserveCapacity(fields.count * (columns + 1))
        var above = [UInt8](repeating: 0, count: columns)
        var row = [UInt8](repeating: 0, count: columns)
        for (type, second, third) in fields {
            var column = 0
            for (value, width) in zip([type, second, third], widths) {
                for shift in stride(from: (width - 1) * 8, through: 0, by: -8) {
                    row[column] = UInt8(truncatingIfNeeded: value >> shift)
                    column += 1
                }
            }
            rows.append(2)  // PNG Up: each byte less the byte above it
            for index in 0..<columns { rows.append(row[index] &- above[index]) }
            swap(&row, &above)
        }
        return (widths, rows)
    }

    /// Each entry as (type, field 2, field 3); free entries are chained from object 0 in order.
    private func fieldValues() -> [(Int, Int, Int)] {
        let free = entries.indices.filter { entries[$0] == .free && $0 != 0 }
        var nextFree = [Int: Int]()
        for (index, number) in ([0] + free).enumerated() { nextFree[number] = index < free.count ? free[index] : 0 }
        return entries.enumerated().map { number, entry in
            switch entry {
            case .free: return (0, nextFree[number] ?? 0, number == 0 ? 65535 : 0)
            case let .inFile(offset, generation): return (1, offset, generation)
            case let .inObjectStream(stream, index): return (2, stream, index)
            }
        }
    }

    /// How many bytes `value` takes (at least one).
    private static func width(_ value: Int) -> Int {
        var width = 1
        while width < 8, value >> (width * 8) != 0 { width += 1 }
        return width
    }
}
