/// FormLayouts: form documents turned into table grids, as a layout file says.
///
/// Takes a `Form` and a `LayoutSpec` (a file in `Layouts/`: page, styles, columns, and the
/// sections in order, each one of a few block kinds); gives a `TableDocument` for the table
/// engine (furniture above, the grid, notes below) and assembles many forms into one document
/// with bookmarks and page numbers. A county's variant is a new layout file, not new code.

import FoundationEssentials
import Forms
import StrictJSON

/// A layout file.
public struct LayoutSpec: Hashable, Sendable, Decodable {
    /// Where it was read from, and the name it goes by (file name without .json).
    public var file: String = ""
    public var name: String = ""
    public private(set) var form: FormType
    public var description: String
    public var page: PageSettings
    public var styles: [String: StyleSpec]
    /// Column widths in millimetres.
    public var columns: [Double]
    /// Minimum row height in millimetres.
    public var minRowHeight: Double
    public private(set) var sections: [SectionSpec]
    /// The parts of a form (fields and blocks) that no section prints: a form that fills one is
    /// refused rather than printed without it.
    var unprintedParts: [String] = []

    enum CodingKeys: String, CodingKey, CaseIterable {
        case form, description, page, styles, columns, minRowHeight, sections
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        form = try FormType.decode(from: c, forKey: .form)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        page = try c.decodeIfPresent(PageSettings.self, forKey: .page) ?? PageSettings()
        styles = try c.decodeIfPresent([String: StyleSpec].self, forKey: .styles) ?? [:]
        for key in styles.keys where !StyleSpec.names.contains(key) {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.styles, AnyKey(stringValue: key)],
                debugDescription: "unknown style (known: \(StyleSpec.names.joined(separator: ", ")))"))
        }
        columns = try c.decode([Double].self, forKey: .columns)
        guard !columns.isEmpty, columns.allSatisfy({ $0 > 0 }) else {
            throw DecodingError.dataCorruptedError(forKey: .columns, in: c, debugDescription: "must be positive widths in mm")
        }
        minRowHeight = try c.decodeIfPresent(Double.self, forKey: .minRowHeight) ?? 7
        sections = try c.decode([SectionSpec].self, forKey: .sections)
        unprintedParts = Self.unprintedParts(of: form, in: sections)
    }
}

/// Page size, orientation, margins (mm: top, right, bottom, left) and numbering.
public struct PageSettings: Hashable, Sendable, Decodable {
    public var orientation: String = "portrait"
    public var margins: [Double] = [18, 15, 18, 15]
    /// "chinese" (第 N 页 共 M 页), "dashes" (— N —) or "none".
    public var pageNumbers: String = "chinese"
    /// "form": each form counts its own pages; "document": one count for the whole file.
    public var numbering: String = "form"

    public init() {}

    /// The width between the left and right margins of an A4 page, in mm.
    var contentWidth: Double { (orientation == "landscape" ? 297 : 210) - margins[1] - margins[3] }

    enum CodingKeys: String, CodingKey, CaseIterable { case size, orientation, margins, pageNumbers, numbering }
    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        if let size = try c.decodeIfPresent(String.self, forKey: .size), size != "A4" {
            throw DecodingError.dataCorruptedError(forKey: .size, in: c, debugDescription: "only \"A4\" is supported")
        }
        orientation = try c.decodeIfPresent(String.self, forKey: .orientation) ?? orientation
        guard ["portrait", "landscape"].contains(orientation) else {
            throw DecodingError.dataCorruptedError(forKey: .orientation, in: c, debugDescription: "must be \"portrait\" or \"landscape\"")
        }
        margins = try c.decodeIfPresent([Double].self, forKey: .margins) ?? margins
        guard margins.count == 4, margins.allSatisfy({ $0 >= 0 && $0 < 80 }) else {
            throw DecodingError.dataCorruptedError(forKey: .margins, in: c, debugDescription: "must be four widths in mm (top, right, bottom, left), each at least 0 and under 80")
        }
        pageNumbers = try c.decodeIfPresent(String.self, forKey: .pageNumbers) ?? pageNumbers
        guard ["chinese", "dashes", "none"].contains(pageNumbers) else {
            throw DecodingError.dataCorruptedError(forKey: .pageNumbers, in: c, debugDescription: "must be \"chinese\", \"dashes\" or \"none\"")
        }
        numbering = try c.decodeIfPresent(String.self, forKey: .numbering) ?? numbering
        guard ["form", "document"].contains(numbering) else {
            throw DecodingError.dataCorruptedError(forKey: .numbering, in: c, debugDescription: "must be \"form\" or \"document\"")
        }
    }
}

/// How one kind of text is set: role (宋体/黑体/仿宋/楷体), weight, size (pt), alignment,
/// line height (× size), first-line indent (em).
public struct StyleSpec: Hashable, Sendable, Decodable {
    public var role: String?
    public var weight: String?
    public var size: Double?
    public var align: String?
    public var lineHeight: Double?
    public var indent: Double?
    /// Alignment once the text wraps into three lines or more.
    public var wrapAlign: String?

    /// The styles a layout may set.
    static let names = ["title", "subtitle", "above", "label", "text", "value", "amount", "note", "pageNumber"]

    enum CodingKeys: String, CodingKey, CaseIterable { case role, weight, size, align, lineHeight, indent, wrapAlign }
    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        weight = try c.decodeIfPresent(String.self, forKey: .weight)
        size = try c.decodeIfPresent(Double.self, forKey: .size)
        align = try c.decodeIfPresent(String.self, forKey: .align)
        lineHeight = try c.decodeIfPresent(Double.self, forKey: .lineHeight)
        indent = try c.decodeIfPresent(Double.self, forKey: .indent)
        wrapAlign = try c.decodeIfPresent(String.self, forKey: .wrapAlign)
    }
}

/// One section of a layout: a block kind and its labels, fields and column spans.
public struct SectionSpec: Hashable, Sendable, Decodable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case title, yearLine, approvingUnit, notes
        case field, fieldPairs, budget, paragraphs, goals, tasks, indicators, closingRows

        /// Text above or below the table (no cells, no labelSpan).
        var isOutsideTheTable: Bool { [.title, .yearLine, .approvingUnit, .notes].contains(self) }
    }

    public struct Pair: Hashable, Sendable, Decodable {
        public var label: String
        public var field: String
        enum CodingKeys: String, CodingKey, CaseIterable { case label, field }
        public init(from decoder: Decoder) throws {
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
            label = try c.decode(String.self, forKey: .label)
            field = try c.decode(String.self, forKey: .field)
        }
    }

    public struct Part: Hashable, Sendable, Decodable {
        public var heading: String?
        public var headingField: String?
        public var field: String
        enum CodingKeys: String, CodingKey, CaseIterable { case heading, headingField, field }
        public init(from decoder: Decoder) throws {
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
            heading = try c.decodeIfPresent(String.self, forKey: .heading)
            headingField = try c.decodeIfPresent(String.self, forKey: .headingField)
            field = try c.decode(String.self, forKey: .field)
        }
    }

    public var kind: Kind
    public var label: String?
    public var labelField: String?
    public var labelSpan: Int
    public var field: String?
    public var pairs: [Pair]
    public var spans: [Int]
    public var headings: [String]
    public var valueHeadings: [String]
    public var parts: [Part]
    /// budget: whether the 按预算级次划分 half (市本级使用资金, 拟用于对下转移支付资金) is printed.
    public var levelSplit: Bool
    /// Which style the values use ("text", "value", "amount").
    public var valueStyle: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case block, label, labelField, labelSpan, field, pairs, spans, headings, valueHeadings, parts, levelSplit, valueStyle
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .block)
        guard let kind = Kind(rawValue: name) else {
            throw DecodingError.dataCorruptedError(forKey: .block, in: c, debugDescription:
                "unknown block \"\(name)\" (known: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        self.kind = kind
        label = try c.decodeIfPresent(String.self, forKey: .label)
        labelField = try c.decodeIfPresent(String.self, forKey: .labelField)
        labelSpan = try c.decodeIfPresent(Int.self, forKey: .labelSpan) ?? 1
        field = try c.decodeIfPresent(String.self, forKey: .field)
        pairs = try c.decodeIfPresent([Pair].self, forKey: .pairs) ?? []
        spans = try c.decodeIfPresent([Int].self, forKey: .spans) ?? []
        headings = try c.decodeIfPresent([String].self, forKey: .headings) ?? []
        valueHeadings = try c.decodeIfPresent([String].self, forKey: .valueHeadings) ?? []
        parts = try c.decodeIfPresent([Part].self, forKey: .parts) ?? []
        levelSplit = try c.decodeIfPresent(Bool.self, forKey: .levelSplit) ?? true
        valueStyle = try c.decodeIfPresent(String.self, forKey: .valueStyle)
        guard labelSpan >= 0, spans.allSatisfy({ $0 >= 1 }) else {
            throw DecodingError.dataCorruptedError(forKey: .spans, in: c, debugDescription: "spans must be 1 or more")
        }
    }
}
