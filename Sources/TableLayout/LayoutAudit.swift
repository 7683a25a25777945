import Frames

/// The engine's own checks on a laid-out table: every line of every cell placed exactly once
/// (label repeats aside), and every printed line inside its cell's box.
public struct LayoutAudit: Sendable {
    private var placed: [Int: [Int: Int]] = [:]
    private var outside: [(cell: Int, problem: String)] = []
    private let tolerance = 0.01
    /// Off, it records nothing: counting every line costs a tenth of drawing a table.
    private let isOn: Bool

    init(isOn: Bool) { self.isOn = isOn }

    mutating func record(_ placement: LinePlacement, extent: Rect, box: Rect) {
        guard isOn else { return }
        if !placement.isRepeat { placed[placement.cell, default: [:]][placement.line, default: 0] += 1 }
        if extent.width > 0, extent.x < box.x - tolerance || extent.maxX > box.maxX + tolerance
            || extent.y < box.y - tolerance || extent.maxY > box.maxY + tolerance {
            outside.append((placement.cell, "line \(placement.line) at \(extent) outside its box \(box)"))
        }
    }

    /// The problems found, given how many lines each cell has and what to call each cell;
    /// empty when all is well.
    func problems(lineCounts: [Int], names: [String]) -> [String] {
        var problems = outside.map { "cell \(names[$0.cell]): \($0.problem)" }
        for (cell, count) in lineCounts.enumerated() {
            let lines = placed[cell] ?? [:]
            for line in 0..<count where lines[line] != 1 {
                problems.append("cell \(names[cell]): line \(line) placed \(lines[line] ?? 0) times")
            }
        }
        return problems
    }
}
