import FoundationEssentials
import StrictJSON

/// The characters an input of `formpress fonts` asks about: of a form document (JSON), the texts
/// it prints (not its keys, nor `form`, `layout` or `_` comments); of any other file, all of it.
enum InputCharacters {
    static func of(_ data: Data) -> Set<Unicode.Scalar> {
        let value = data.withUnsafeBytes { bytes in try? JSONValue.parse(bytes) }
        let texts = value.map(printedTexts(of:)) ?? [String(decoding: data, as: UTF8.self)]
        return Set(texts.flatMap(\.unicodeScalars).filter { $0.properties.generalCategory != .control && $0 != " " })
    }

    private static func printedTexts(of value: JSONValue) -> [String] {
        switch value {
        case .null, .bool: return []
        case let .number(text), let .string(text): return [text]
        case let .array(items): return items.flatMap(printedTexts(of:))
        case let .object(members):
            return members.filter { !$0.key.hasPrefix("_") && $0.key != "form" && $0.key != "layout" }
                .flatMap { printedTexts(of: $0.value) }
        }
    }
}
