/// Where a value lies, kept as a chain so that going one level down costs no array.
indirect enum CodingPathNode: Sendable {
    case root
    case member(String, CodingPathNode)
    case item(Int, CodingPathNode)

    func member(_ name: String) -> CodingPathNode { .member(name, self) }
    func item(_ index: Int) -> CodingPathNode { .item(index, self) }

    var keys: [CodingKey] {
        var keys: [CodingKey] = []
        var node = self
        while true {
            switch node {
            case .root: return keys.reversed()
            case let .member(name, parent): keys.append(AnyKey(stringValue: name)); node = parent
            case let .item(index, parent): keys.append(IndexKey(intValue: index)); node = parent
            }
        }
    }

    func mismatch(_ type: Any.Type, _ value: JSONValue) -> DecodingError {
        let context = DecodingError.Context(codingPath: keys, debugDescription: "expected \(type), found \(value.kind)")
        if case .null = value { return .valueNotFound(type, context) }
        return .typeMismatch(type, context)
    }

    func doesNotFit(_ text: String, _ type: Any.Type) -> DecodingError {
        .dataCorrupted(.init(codingPath: keys, debugDescription: "the number \(text) does not fit in \(type)"))
    }
}

/// The key of a list's item: its position.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { return nil }
}
