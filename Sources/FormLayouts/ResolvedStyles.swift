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
            /// A named value read with `make`, or an error naming the key and what it may be.
            func parsed<T>(_ value: String?, _ key: String, _ make: (String) -> T?, _ expected: String) throws -> T? {
                guard let value else { return nil }
                guard let result = make(value) else { throw fail(key, expected) }
                return result
            }
            let alignments = "must be left, center, right or justify"
            if let role = try parsed(override.role, "role", FontRole.init(name:),
                                     "unknown role \"\(override.role ?? "")\" (宋体, 黑体, 仿宋, 楷体)") {
                style.role = role
            }
            if let weight = try parsed(override.weight, "weight", FontWeight.init(rawValue:), "must be \"regular\" or \"bold\"") {
                style.weight = weight
            }
            if let align = try parsed(override.align, "align", TextAlignment.init(rawValue:), alignments) {
                style.alignment = align
            }
            if let wrapAlign = try parsed(override.wrapAlign, "wrapAlign", TextAlignment.init(rawValue:), alignments) {
                style.wrappedAlignment = wrapAlign
            }
            if let size = override.size {
                guard size >= 4, size <= 72 else { throw fail("size", "must be between 4 and 72 pt") }
                style.size = size
            }
            if let lineHeight = override.lineHeight {
                guard lineHeight >= 1, lineHeight <= 3 else { throw fail("lineHeight", "must be between 1 and 3") }
                style.lineHeight = lineHeight
            }
            if let indent = override.indent {
                // A negative indent would start the first line left of its cell.
                guard indent >= 0, indent <= 4 else { throw fail("indent", "must be between 0 and 4 em") }
                style.firstLineIndent = indent
            }
            styles[name] = style
        }
        self.styles = styles
    }

    subscript(_ name: String) -> TextStyle { styles[name] ?? TextStyle() }
}
