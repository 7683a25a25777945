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
