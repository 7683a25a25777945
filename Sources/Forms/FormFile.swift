import FoundationEssentials
import StrictJSON

/// A form document located form by form: one pass reads it piece by piece, checking its syntax
/// and noting where each form of a list lies; forms are then read and decoded one at a time,
/// from any thread. A batch of any size is never held whole, neither as text nor as forms.
public struct FormFile: Sendable {
    public let file: String
    public let type: FormType
    /// The layout the document names for all its forms, if any.
    public let layout: String?
    /// Whether the file holds a list (`"forms": [...]`): paths inside it start with forms[i].
    public let isList: Bool
    private let bytes: DocumentBytes
    /// Where each form of a list lies.
    private let items: [Range<Int>]

    /// A form larger than this is refused (a list may be any size): decoding holds a form several
    /// times over.
    public static let maximumFormSize = 64 << 20

    public var count: Int { isList ? items.count : 1 }

    /// Reads the document at `path`.
    public init(path: String) throws {
        let bytes: DocumentBytes
        do { bytes = try .file(path) } catch {
            throw FormError.unreadable(file: path, reason: error as? OpenFile.Failure == .cannotOpen
                && !FileManager.default.fileExists(atPath: path) ? "no such file" : "permission denied or not a file")
        }
        try self.init(bytes, file: path)
    }

    /// Reads a document already in memory; `file` names it in messages.
    public init(data: Data, file: String) throws {
        try self.init(.memory(data), file: file)
    }

    private init(_ bytes: DocumentBytes, file: String) throws {
        self.file = file
        let start = try Self.byteOrderMarkLength(bytes)
        guard bytes.count > start else { throw FormError.notJSON(file: file, detail: "the file is empty") }
        var scanner = JSONScanner(offset: start)
        do {
            var skip = start
            try bytes.forEachPiece { piece in
                scanner.scan(UnsafeRawBufferPointer(rebasing: piece.dropFirst(skip)))
                skip = max(0, skip - piece.count)
                return !scanner.isDone
            }
        } catch {
            throw FormError.unreadable(file: file, reason: "read failed")
        }
        if let problem = scanner.finish() { throw FormError.notJSON(file: file, detail: problem.description) }

        self.bytes = bytes
        if scanner.isObject, let list = scanner.members.first(where: { $0.key == "forms" }) {
            let envelope = try Self.decode(ListEnvelope.self, from: Self.envelopeText(scanner.members, bytes, file: file), file: file, at: "")
            guard let items = list.items else {
                throw FormError.invalid(file: file, path: "forms", problem: "expected a list")
            }
            guard !items.isEmpty else { throw FormError.invalid(file: file, path: "forms", problem: "holds no form") }
            (type, layout, isList, self.items) = (envelope.type, envelope.layout, true, items)
        } else {
            // One form: its "form" names the type; the rest is read with the form.
            guard scanner.isObject else { throw FormError.invalid(file: file, path: "", problem: "expected an object") }
            let typeText = try scanner.members.first(where: { $0.key == "form" }).map { try bytes.read($0.value) }
            let named = try Self.decode(SingleFormType.self, from: Self.object(form: typeText), file: file, at: "").type
            (type, layout, isList, items) = (named, nil, false, [start..<bytes.count])
        }
    }

    /// The form at `index`: read and decoded now (errors name its JSON path).
    public func form(at index: Int) throws -> Form {
        let range = items[index]
        guard range.count <= Self.maximumFormSize else { throw Self.tooLarge(range.count, file: file) }
        let text: Data
        do { text = try bytes.read(range) } catch { throw FormError.unreadable(file: file, reason: "read failed") }
        let at = path(ofForm: index)
        if !isList { return try Self.decode(SingleForm.self, from: text, file: file, at: at).form }
        switch type {
        case .department: return .department(try Self.decode(DepartmentForm.self, from: text, file: file, at: at))
        case .project: return .project(try Self.decode(ProjectForm.self, from: text, file: file, at: at))
        }
    }

    /// The JSON path of the form at `index` ("" for a single-form file).
    public func path(ofForm index: Int) -> String { isList ? "forms[\(index)]" : "" }

    // MARK: Decoding pieces

    private static func decode<T: Decodable>(_ type: T.Type, from text: Data, file: String, at path: String) throws -> T {
        do {
            return try DecodingProblem.decode(type, from: text, syntaxChecked: true)
        } catch let problem as DecodingProblem {
            if problem.isSyntax { throw FormError.notJSON(file: file, detail: problem.problem) }
            let inner = problem.path
            let full = path.isEmpty ? inner : inner.isEmpty ? path : inner.hasPrefix("[") ? path + inner : path + "." + inner
            throw FormError.invalid(file: file, path: full, problem: problem.problem)
        }
    }

    /// The list's own members as a small object, its forms left out (`"forms": []`), so that
    /// the envelope is checked strictly without reading a single form.
    private static func envelopeText(_ members: [JSONScanner.Member], _ bytes: DocumentBytes, file: String) throws -> Data {
        var text = Data("{".utf8)
        for (index, member) in members.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            text.append(try JSONEncoder().encode(member.key))
            text.append(UInt8(ascii: ":"))
            if member.key == "forms", member.items != nil {
                text.append(contentsOf: Array("[]".utf8))
            } else if member.value.count > maximumFormSize {
                throw tooLarge(member.value.count, file: file, what: "\"\(member.key)\"")
            } else {
                text.append(try bytes.read(member.value))
            }
        }
        text.append(UInt8(ascii: "}"))
        return text
    }

    private static func byteOrderMarkLength(_ bytes: DocumentBytes) throws -> Int {
        guard bytes.count >= 3 else { return 0 }
        return try bytes.read(0..<3) == Data([0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    private static func tooLarge(_ size: Int, file: String, what: String = "a form") -> FormError {
        .unreadable(file: file, reason: "\(what) of \(size >> 20) MB is more than the \(maximumFormSize >> 20) MB one may hold")
    }

    /// `{"form": …, "layout": …, "forms": [ … ]}` without its forms.
    private struct ListEnvelope: Decodable {
        var type: FormType
        var layout: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case form, layout, forms }

        init(from decoder: Decoder) throws {
            let list = try decoder.strictContainer(keyedBy: CodingKeys.self)
            type = try FormType.decode(from: list, forKey: .form)
            layout = try list.decodeIfPresent(String.self, forKey: .layout)
        }
    }

    /// `{"form": …}` alone: the type a single-form file names, checked before its form is read.
    private struct SingleFormType: Decodable {
        var type: FormType

        init(from decoder: Decoder) throws {
            let all = try decoder.container(keyedBy: AnyKey.self)
            type = try FormType.decode(from: all, forKey: AnyKey(stringValue: "form"))
        }
    }

    /// `{"form": <text>}`, or `{}` when the file names no type (so the message says it is missing).
    private static func object(form text: Data?) -> Data {
        guard let text else { return Data("{}".utf8) }
        return Data(#"{"form":"#.utf8) + text + Data("}".utf8)
    }

    /// A file that is one form: its "form" names the type, the rest is the form.
    private struct SingleForm: Decodable {
        var form: Form

        init(from decoder: Decoder) throws {
            let all = try decoder.container(keyedBy: AnyKey.self)
            switch try FormType.decode(from: all, forKey: AnyKey(stringValue: "form")) {
            case .department: form = .department(try DepartmentForm(from: decoder))
            case .project: form = .project(try ProjectForm(from: decoder))
            }
        }
    }
}

extension FormType {
    /// The type a document's (or a layout's) "form" names.
    public static func decode<Key>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> FormType {
        let name = try container.decode(String.self, forKey: key)
        guard let type = FormType(name: name) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container,
                debugDescription: "unknown form type \"\(name)\" (部门整体 or department, 项目 or project)")
        }
        return type
    }

    /// Checks a form's own "form", when it has one: a form in a list may repeat the list's
    /// type, not contradict it (it is read as the list says, so a contradiction would be lost).
    static func check<Key>(_ container: KeyedDecodingContainer<Key>, forKey key: Key, is expected: FormType) throws {
        guard container.contains(key) else { return }
        let named = try decode(from: container, forKey: key)
        guard named == expected else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container,
                debugDescription: "names \"\(named.rawValue)\", but this is a list of \(expected.rawValue) forms")
        }
    }
}
