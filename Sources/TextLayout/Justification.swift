/// How a justified line shares out the width it has left among its gaps (typesetting.md §3.4):
/// first the spaces between Western words, until a space is half an em wide, as clreq says;
/// then every other gap alike, by half an em at most (a third beside Western text). What is
/// left after that stays at the line's end: a line of few gaps ends short rather than show holes.
///
/// clreq widens the gaps between Chinese and Western text before those between Chinese
/// characters; here they share alike. First, they would open past a tenth of an em in most
/// lines, which text extraction reads as a word space (poppler's `minWordBreakSpace`): `2024年`
/// copied as `2024 年`.
enum Justification {
    /// A gap justification may widen (widths in em).
    enum Gap: Equatable {
        /// After a space between Western words or numbers, as wide as `space` already.
        case wordSpace(space: Double)
        /// Between Chinese and Western text (`2024年`, `用于 Wi-Fi`), `space` wide already (0
        /// where they touch).
        case betweenScripts(space: Double)
        /// Any other gap: between Chinese characters, or beside a mark.
        case other

        /// How far the gap may widen, in em.
        var room: Double {
            switch self {
            case let .wordSpace(space): max(0, 0.5 - space)
            case let .betweenScripts(space): max(0, 1.0 / 3 - space)
            case .other: 0.5
            }
        }

        /// Which share comes first: word spaces, then the rest.
        var turn: Int {
            switch self {
            case .wordSpace: 0
            case .betweenScripts, .other: 1
            }
        }
    }

    /// How much each gap widens (em; 0 where `gaps` has nil) for a line `leftover` em short.
    static func widening(_ gaps: [Gap?], leftover: Double) -> [Double] {
        var widening = Array(repeating: 0.0, count: gaps.count)
        var left = leftover
        for turn in 0...1 {
            let sharing = gaps.indices.filter { gaps[$0]?.turn == turn }
            let share = level(rooms: sharing.map { gaps[$0]?.room ?? 0 }, filling: left)
            for k in sharing {
                widening[k] = min(gaps[k]?.room ?? 0, share)
                left -= widening[k]
            }
        }
        return widening
    }

    /// The level `t` at which gaps of these rooms, each widened by `min(room, t)`, take `amount`
    /// together (the largest room, if all of them together take less).
    private static func level(rooms: [Double], filling amount: Double) -> Double {
        var remaining = max(0, amount)
        var open = rooms.count
        for room in rooms.sorted() {
            // Every gap still open widens to this room, or all share what remains.
            if remaining <= room * Double(open) { return remaining / Double(open) }
            remaining -= room
            open -= 1
        }
        return rooms.max() ?? 0
    }
}
