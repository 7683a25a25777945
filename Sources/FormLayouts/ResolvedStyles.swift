import Fonts
import TextLayout

/// The text styles of a layout: its own settings over formpress's defaults.
struct ResolvedStyles {
    private var styles: [String: TextStyle]

    static let defaults: [String: TextStyle] = [
        "title": TextStyle(role: .hei, weight: .bold, size: 18, lineHeight: 1.3, alignment: .center),
        "subtitle": TextStyle(size: 12, alignment: .center),
        "above": TextStyle(size: 11, alignment: .left),
        "label": TextStyle(size: 10.5, lineHeight: 1.3, alignment: .center),
        "text": TextStyle(size: 10.5, lineHeight: 1.35, alignment: .justify),
        "value": TextStyle(size: 10.5, lineHeight: 1.3, alignment: .center, wrappedAlignment: .justify),
        "amount": TextStyle(size: 10.5, lineHeight: 1.3, alignment: .right),
        "note": TextStyle(size: 10, lineHeight: 1.4, alignment: .justify),
        "pageNumber": TextStyle(size: 9, alignment: .center),
    ]

    init(_ spec: LayoutSpec) throws {
        var styles = Self.defaults
        for (name, override) in spec.styles {
            var style = styles[name] ?? TextStyle()
            func fail(_ key: String, _ problem: String) -> LayoutError {
                .invalid(file: spec.file, key: "styles.\(name).\(key)", problem: problem)
            }
            if let role = override.role {
                guard let parsed = FontRole(name: role) else { throw fail("role", "unknown role \"\(role)\" (宋体, 黑体, 仿宋, 楷体)") }
                style.role = parsed
            }
            if let weight = override.weight {
                guard let parsed = FontWeight(rawValue: weight) else { throw fail("weight", "must be \"regular\" or \"bold\"") }
                style.weight = parsed
            }
            if let size = override.size {
                guard size >= 4, size <= 72 else { throw fail("size", "must be between 4 and 72 pt") }
                style.size = size
            }
            if let align = override.align {
                guard let parsed = TextAlignment(rawValue: align) else { throw fail("align", "must be left, center, right or justify") }
                style.alignment = parsed
            }
            if let lineHeight = override.lineHeight {
                guard lineHeight >= 1, lineHeight <= 3 else { throw fail("lineHeight", "must be between 1 and 3") }
                style.lineHeight = lineHeight
            }
            if let indent = override.indent { style.firstLineIndent = indent }
            if let wrapAlign = override.wrapAlign {
                guard let parsed = TextAlignment(rawValue: wrapAlign) else { throw fail("wrapAlign", "must be left, center, right or justify") }
                style.wrappedAlignment = parsed
            }
            styles[name] = style
        }
        self.styles = styles
    }

    subscript(_ name: String) -> TextStyle { styles[name] ?? TextStyle() }
}
