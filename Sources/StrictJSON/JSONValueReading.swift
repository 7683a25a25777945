/// A value read as the type a decoder asks for, or the error that names its path.
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
