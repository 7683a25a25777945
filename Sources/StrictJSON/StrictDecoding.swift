/// StrictJSON: JSON read the way formpress reads every file a person writes.
///
/// Takes JSON bytes and Decodable types; gives values, or problems a person can act on: the
/// line and column of a syntax error, the JSON path of a wrong value, unknown keys with the
/// nearest known one. Shared by form documents, layouts and the font manifest.

import FoundationEssentials

/// A coding key for any name, to list the keys an object really has.
public struct AnyKey: CodingKey {
    public var stringValue: String
    public var intValue: Int?
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}

extension Decoder {
    /// A keyed container that refuses keys the type does not know (keys starting with "_" are
    /// comments), suggesting the nearest known key, and (from formpress's own decoder) keys
    /// written twice.
    public func strictContainer<Key: CodingKey & CaseIterable>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if let tree = self as? TreeDecoder { return try tree.strictContainer(keyedBy: type) }
        let all = try container(keyedBy: AnyKey.self)
        for key in all.allKeys where Key(stringValue: key.stringValue) == nil && !key.stringValue.hasPrefix("_") {
            throw unknownKey(key.stringValue, of: type, codingPath: codingPath + [key])
        }
        return try container(keyedBy: Key.self)
    }
}

/// "unknown key", with the nearest known key or else all of them.
func unknownKey<Key: CodingKey & CaseIterable>(_ name: String, of type: Key.Type, codingPath: [CodingKey]) -> DecodingError {
    let known = Key.allCases.map { $0.stringValue }
    var message = "unknown key \"\(name)\""
    if let near = nearest(name, in: known) { message += " (did you mean \"\(near)\"?)" }
    else { message += " (known keys: \(known.joined(separator: ", ")))" }
    return DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: message))
}

/// The known name within edit distance 3 (or a third of its length) of `name`, if any.
public func nearest(_ name: String, in known: [String]) -> String? {
    let scored = known.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, min(3, best.0.count / 3)) ? best.0 : nil
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

extension KeyedDecodingContainer {
    /// A required text that must not be empty.
    public func nonEmptyText(_ key: Key) throws -> String {
        let value = try decode(String.self, forKey: key)
        // Spaces and invisible characters (a zero-width space, a soft hyphen) print nothing.
        guard value.unicodeScalars.contains(where: { !$0.properties.isWhitespace && !$0.properties.isDefaultIgnorableCodePoint }) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "must not be empty")
        }
        return value
    }
}

/// `forms[3].indicators[0]` from a coding path.
public func jsonPath(_ path: [CodingKey]) -> String {
    var text = ""
    for key in path {
        if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
    }
    return text
}

/// What went wrong reading a file: where (a JSON path, "" for the top level) and what.
public struct DecodingProblem: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: String
    /// The file is not JSON at all (the problem carries line and column).
    public var isSyntax: Bool

    public var description: String { "\(path.isEmpty ? "(top level)" : path): \(problem)" }

    /// Decodes `T` from `bytes` (a UTF-8 byte-order mark is skipped), checking the syntax first.
    /// `syntaxChecked`: a `JSONScanner` has already read these bytes.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: Data, syntaxChecked: Bool = false) throws -> T {
        let data = droppingByteOrderMark(bytes)
        guard !data.isEmpty else { throw DecodingProblem(path: "", problem: "the file is empty", isSyntax: true) }
        if !syntaxChecked, let syntax = JSONSyntax.check(data) {
            throw DecodingProblem(path: "", problem: syntax.description, isSyntax: true)
        }
        let value: JSONValue
        do { value = try data.withUnsafeBytes { try JSONValue.parse($0) } } catch let error as JSONParseError {
            throw DecodingProblem(path: "", problem: error.problem, isSyntax: true)
        }
        do {
            return try T(from: TreeDecoder(value: value, path: .root))
        } catch let error as DecodingError {
            throw DecodingProblem(error)
        }
    }

    public init(path: String, problem: String, isSyntax: Bool = false) {
        self.path = path; self.problem = problem; self.isSyntax = isSyntax
    }

    public init(_ error: DecodingError) {
        switch error {
        case let .keyNotFound(key, context):
            self.init(path: jsonPath(context.codingPath + [key]), problem: "missing (required)")
        case let .typeMismatch(type, context):
            self.init(path: jsonPath(context.codingPath), problem: "expected \(Self.describe(type))")
        case let .valueNotFound(type, context):
            self.init(path: jsonPath(context.codingPath), problem: "expected \(Self.describe(type)), found null")
        case let .dataCorrupted(context):
            self.init(path: jsonPath(context.codingPath), problem: context.debugDescription,
                      isSyntax: context.codingPath.isEmpty && context.underlyingError != nil)
        @unknown default:
            self.init(path: "", problem: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a text (a string in quotes)"
        case is Figure.Type: return "a figure (a number, or a text in quotes)"
        case is Double.Type, is Int.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "a list" : name.hasPrefix("Dictionary") ? "an object" : "an object (\(name))"
        }
    }
}

/// A document's bytes after its UTF-8 byte-order mark, if it starts with one.
public func droppingByteOrderMark(_ bytes: Data) -> Data {
    bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes
}
