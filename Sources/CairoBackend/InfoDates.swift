/// The dates of a PDF's document information dictionary as ISO 32000-1 §7.9.4 writes them:
/// "The prefix D: shall be present". cairo 1.16 leaves it out (`/CreationDate (20000101000000)`);
/// readers that follow the standard read no date at all.
enum InfoDates {
    /// `dictionary` with `D:` put before each date of /CreationDate and /ModDate that lacks it.
    static func prefixed(_ dictionary: UnsafeRawBufferPointer) -> [UInt8] {
        var bytes = Array(dictionary)
        for key in ["/CreationDate (", "/ModDate ("].map({ Array($0.utf8) }) {
            guard let start = firstIndex(of: key, in: bytes) else { continue }
            let date = start + key.count
            if date < bytes.count, bytes[date] >= UInt8(ascii: "0"), bytes[date] <= UInt8(ascii: "9") {
                bytes.insert(contentsOf: Array("D:".utf8), at: date)
            }
        }
        return bytes
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
