/// A figure (an amount, a year, a count) as the file gives it: a text ("1,046.80") or a bare
/// number (1046.80), which spreadsheet exports write. A number is kept as written, digit for
/// digit, so 1046.80 prints as 1046.80, not 1046.8.
struct Figure: Decodable {
    let text: String

    init(from decoder: Decoder) throws {
        guard let tree = decoder as? TreeDecoder else {
            text = try decoder.singleValueContainer().decode(String.self)
            return
        }
        switch tree.value {
        case let .string(text), let .number(text): self.text = text
        default: throw tree.path.mismatch(Figure.self, tree.value)
        }
    }
}

extension KeyedDecodingContainer {
    /// The figure under `key`: a text, or a number as written.
    public func figure(_ key: Key) throws -> String { try decode(Figure.self, forKey: key).text }

    /// The figure under `key`, if present.
    public func figureIfPresent(_ key: Key) throws -> String? { try decodeIfPresent(Figure.self, forKey: key)?.text }
}
