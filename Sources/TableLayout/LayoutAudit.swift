import Frames

/// The engine's own checks on a laid-out table: every printed line inside its cell's box (always:
/// a few comparisons a line, and text drawn over a rule or past the page foot would be lost
/// to the reader), and, when asked, every line of every cell placed exactly once (label repeats
/// aside).
public struct LayoutAudit: Sendable {
    private var placed: [Int: [Int: Int]] = [:]
    private var outside: [(cell: Int, problem: String)] = []
    private let tolerance = 0.01
    /// Off, lines are not counted: counting every line costs a tenth of drawing a table.
    private let countsLines: Bool

    init(countsLines: Bool) { self.countsLines = countsLines }

    mutating func record(_ placement: LinePlacement, extent: Rect, box: Rect) {
        if extent.width > 0, extent.x < box.x - tolerance || extent.maxX > box.maxX + tolerance
            || extent.y < box.y - tolerance || extent.maxY > box.maxY + tolerance {
            outside.append((placement.cell, "line \(placement.line) at \(extent) outside its box \(box)"))
        }
        if countsLines, !placement.isRepeat { placed[placement.cell, default: [:]][placement.line, default: 0] += 1 }
    }

    /// The problems found among `cells` cells, given how many lines each has and what to call
    /// one (asked only when something is wrong with it); empty when all is well.
    func problems(cells: Int, lineCount: (Int) -> Int, name: (Int) -> String) -> [String] {
        var problems = outside.map { "cell \(name($0.cell)): \($0.problem)" }
        guard countsLines else { return problems }
        for cell in 0..<cells {
            let lines = placed[cell] ?? [:]
            for line in 0..<lineCount(cell) where lines[line] != 1 {
                problems.append("cell \(name(cell)): line \(line) placed \(lines[line] ?? 0) times")
            }
        }
        return problems
    }
}
