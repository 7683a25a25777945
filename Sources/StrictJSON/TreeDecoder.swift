/// Decodes `Decodable` types from a `JSONValue`, throwing the `DecodingError`s that
/// `DecodingProblem` turns into messages. Faster than Foundation's JSONDecoder for formpress's
/// files: an object's members are searched in place (a form's objects have a dozen keys), with
/// no dictionary built per object and none twice for `strictContainer`'s check of its keys.
struct TreeDecoder: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    let path: CodingPathNode

    var codingPath: [CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .object(members) = value else { throw path.mismatch([String: Any].self, value) }
        return KeyedDecodingContainer(ObjectContainer<Key>(members: members, path: path))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case let .array(items) = value else { throw path.mismatch([Any].self, value) }
        return ListContainer(items: items, path: path)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try value.bool(at: path) }
    func decode(_ type: String.Type) throws -> String { try value.string(at: path) }
    func decode(_ type: Double.Type) throws -> Double { try value.floatingPoint(type, at: path) }
    func decode(_ type: Float.Type) throws -> Float { try value.floatingPoint(type, at: path) }
    func decode(_ type: Int.Type) throws -> Int { try value.integer(type, at: path) }
    func decode(_ type: Int8.Type) throws -> Int8 { try value.integer(type, at: path) }
    func decode(_ type: Int16.Type) throws -> Int16 { try value.integer(type, at: path) }
    func decode(_ type: Int32.Type) throws -> Int32 { try value.integer(type, at: path) }
    func decode(_ type: Int64.Type) throws -> Int64 { try value.integer(type, at: path) }
    func decode(_ type: UInt.Type) throws -> UInt { try value.integer(type, at: path) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try value.integer(type, at: path) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try value.integer(type, at: path) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try value.integer(type, at: path) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try value.integer(type, at: path) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }

    /// An object's container, refusing keys `Key` does not know (strictContainer's check, with
    /// no array of keys made) and keys written twice.
    func strictContainer<Key: CodingKey & CaseIterable>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .object(members) = value else { throw path.mismatch([String: Any].self, value) }
        for (index, member) in members.enumerated() {
            if Key(stringValue: member.key) == nil && !member.key.hasPrefix("_") {
                throw unknownKey(member.key, of: type, codingPath: path.member(member.key).keys)
            }
            if members[..<index].contains(where: { $0.key == member.key }) {
                throw DecodingError.dataCorrupted(.init(codingPath: path.member(member.key).keys,
                                                        debugDescription: "written twice (one value would be lost)"))
            }
        }
        return KeyedDecodingContainer(ObjectContainer<Key>(members: members, path: path))
    }
}

extension JSONValue {
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    // Each takes the path lazily: it is built only for the message of a failure.
    func bool(at path: @autoclosure () -> CodingPathNode) throws -> Bool {
        guard case let .bool(flag) = self else { throw path().mismatch(Bool.self, self) }
        return flag
    }

    func string(at path: @autoclosure () -> CodingPathNode) throws -> String {
        guard case let .string(text) = self else { throw path().mismatch(String.self, self) }
        return text
    }

    func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(
        _ type: T.Type, at path: @autoclosure () -> CodingPathNode) throws -> T {
        guard case let .number(text) = self else { throw path().mismatch(type, self) }
        guard let number = T(text), number.isFinite else { throw path().doesNotFit(text, type) }
        return number
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at path: @autoclosure () -> CodingPathNode) throws -> T {
        guard case let .number(text) = self else { throw path().mismatch(type, self) }
        if let number = T(text) { return number }
        // 1e3 and 2.0 are whole numbers too.
        guard let real = Double(text), let number = T(exactly: real) else { throw path().doesNotFit(text, type) }
        return number
    }
}

/// Where a value lies, kept as a chain so that going one level down costs no array.
indirect enum CodingPathNode: Sendable {
    case root
    case member(String, CodingPathNode)
    case item(Int, CodingPathNode)

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

extension JSONValue {
    /// What a person would call this kind of value.
    var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "true or false"
        case .number: return "a number"
        case .string: return "a text"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

/// An object's members, looked up by key where they lie.
struct ObjectContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [(key: String, value: JSONValue)]
    let path: CodingPathNode

    var codingPath: [CodingKey] { path.keys }
    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    /// The value under `key` (the first, if the key is written twice, as JSONDecoder does;
    /// `strictContainer` refuses that).
    private func find(_ key: Key) -> JSONValue? {
        let name = key.stringValue
        return members.first(where: { $0.key == name })?.value
    }

    private func value(_ key: Key) throws -> JSONValue {
        guard let value = find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for \(key.stringValue)"))
        }
        return value
    }

    private func decoder(_ key: Key) throws -> TreeDecoder { TreeDecoder(value: try value(key), path: path.member(key.stringValue)) }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key).isNull }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key).bool(at: path.member(key.stringValue)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key).string(at: path.member(key.stringValue)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder(key).decode(type) }

    // One look for the key, where the protocol's own would take three.
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let value = find(key), !value.isNull else { return nil }
        return try value.string(at: path.member(key.stringValue))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = find(key), !value.isNull else { return nil }
        return try TreeDecoder(value: value, path: path.member(key.stringValue)).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        try decoder(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { try decoder(key).unkeyedContainer() }

    func superDecoder() throws -> Decoder { TreeDecoder(value: .object(members), path: path) }
    func superDecoder(forKey key: Key) throws -> Decoder { try decoder(key) }
}

/// A list's items, read in order.
struct ListContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let path: CodingPathNode
    private(set) var currentIndex = 0

    init(items: [JSONValue], path: CodingPathNode) {
        self.items = items
        self.path = path
    }

    var codingPath: [CodingKey] { path.keys }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    /// The next item's decoder; the item is taken.
    private mutating func next(_ type: Any.Type) throws -> TreeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: path.item(currentIndex).keys,
                                                          debugDescription: "the list has no more items"))
        }
        defer { currentIndex += 1 }
        return TreeDecoder(value: items[currentIndex], path: path.item(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, case .null = items[currentIndex] else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type).decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next(type).decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type).decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type).decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type).decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type).decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type).decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type).decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type).decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type).decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type).decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type).decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type).decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type).decode(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey> {
        try next([String: Any].self).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { try next([Any].self).unkeyedContainer() }
    mutating func superDecoder() throws -> Decoder { try next(Any.self) }
}

extension CodingPathNode {
    func member(_ name: String) -> CodingPathNode { .member(name, self) }
    func item(_ index: Int) -> CodingPathNode { .item(index, self) }
}
