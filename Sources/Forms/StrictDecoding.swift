/// Forms: the form documents (部门整体 and 项目) as data, decoded strictly from JSON.
///
/// Takes the bytes of a form document; gives a `FormDocument` of `DepartmentForm`s or
/// `ProjectForm`s, or a `FormError` naming the file and the JSON path of the problem. It knows
/// nothing of geometry: printed values are the strings as printed.

import Foundation

/// A coding key for any name, to list the keys an object really has.
public struct AnyKey: CodingKey {
    public var stringValue: String
    public var intValue: Int?
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}

extension Decoder {
    /// A keyed container that refuses keys the type does not know (keys starting with "_" are
    /// comments), suggesting the nearest known key.
    public func strictContainer<Key: CodingKey & CaseIterable>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let all = try container(keyedBy: AnyKey.self)
        let known = Key.allCases.map(\.stringValue)
        for key in all.allKeys where !key.stringValue.hasPrefix("_") && !known.contains(key.stringValue) {
            var message = "unknown key \"\(key.stringValue)\""
            if let near = nearest(key.stringValue, in: known) { message += " (did you mean \"\(near)\"?)" }
            else { message += " (known keys: \(known.joined(separator: ", ")))" }
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: message))
        }
        return try container(keyedBy: Key.self)
    }
}

/// The known name within edit distance 3 (or a third of its length) of `name`, if any.
func nearest(_ name: String, in known: [String]) -> String? {
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
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "must not be empty")
        }
        return value
    }
}
