/// The forms of --date that reach the PDF intact. cairo copies the digits of an ISO 8601 date
/// into the PDF's CreationDate without checking them, and reads a zone only after the seconds.
enum CreationDate {
    static let forms = "2024-03-01 or 2024-03-01T09:30:00, with Z or +08:00 after the seconds if wanted"

    /// Whether `text` is `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ss`, the latter optionally followed by
    /// `Z` or `±hh:mm`, with every part in its range.
    static func isValid(_ text: String) -> Bool {
        let c = Array(text.utf8)
        func number(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= c.count, c[at..<at + count].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return c[at..<at + count].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        func character(_ at: Int, _ ascii: Character) -> Bool { at < c.count && c[at] == ascii.asciiValue }
        guard let year = number(0, 4), character(4, "-"), let month = number(5, 2), character(7, "-"),
              let day = number(8, 2), (1...12).contains(month), (1...days(inMonth: month, of: year)).contains(day)
        else { return false }
        if c.count == 10 { return true }
        guard character(10, "T"), let hour = number(11, 2), character(13, ":"), let minute = number(14, 2),
              character(16, ":"), let second = number(17, 2), hour < 24, minute < 60, second < 60
        else { return false }
        if c.count == 19 { return true }
        if character(19, "Z") { return c.count == 20 }
        guard character(19, "+") || character(19, "-"), let zoneHour = number(20, 2), character(22, ":"),
              let zoneMinute = number(23, 2), zoneHour < 24, zoneMinute < 60
        else { return false }
        return c.count == 25
    }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
