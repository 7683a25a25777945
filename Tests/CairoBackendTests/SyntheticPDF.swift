import Foundation
import Testing

/// A small PDF laid out as cairo 1.16 lays one out (a header with a comment of binary bytes,
/// `N 0 obj … endobj` in cairo's order with `/Length N 0 R` and object N right after its
/// stream, a table and a trailer), built byte by byte so that a test can plant what cairo's
/// files may hold and break what they must not.
struct SyntheticPDF {
    /// Content with a comment that spells the end of its stream and a Length object of 9.
    static let content = Array("0 0 m 100 100 l S\n% endstream\nendobj\n4 0 obj\n   9\nendobj\n".utf8)
    /// Binary data (as deflated data would be) that spells `endstream` twice, once at its end.
    static let binary: [UInt8] = [0x00, 0xFF, 0x0A] + Array("endstream\nendobj\n".utf8) + (0..<64).map { UInt8($0 * 3) }
        + Array("\nendstream".utf8)

    var version = "1.5"
    var objects: [(number: Int, generation: Int, text: [UInt8])]
    var trailer = "/Root 5 0 R /Info 6 0 R"
    /// Added to an object's offset in the table.
    var tableError: [Int: Int] = [:]

    /// Objects 1–8: pages, a content stream with its Length object, a stream with binary data
    /// and a direct /Length, an object of generation 1, an Info dictionary with a string that
    /// spells keywords, and the catalog last (as cairo writes it).
    static func sample() -> SyntheticPDF {
        SyntheticPDF(objects: [
            (3, 0, Array("<< /Length 4 0 R\n>>\nstream\n".utf8) + content + Array("\nendstream".utf8)),
            (4, 0, Array("   \(content.count)".utf8)),
            (7, 0, Array("<< /Length \(binary.count) >>\nstream\n".utf8) + binary + Array("\nendstream".utf8)),
            (8, 1, Array("(kept as it is)".utf8)),
            (2, 0, Array("<< /Type /Page % 1\n   /Parent 1 0 R\n   /MediaBox [ 0 0 200 200 ]\n   /Contents 3 0 R\n   /Resources << >>\n>>".utf8)),
            (1, 0, Array("<< /Type /Pages\n   /Kids [ 2 0 R ]\n   /Count 1\n>>".utf8)),
            (6, 0, Array(#"<< /Title (A \) endobj (nested) stream endstream)\#n   /Producer (test)\#n>>"#.utf8)),
            (5, 0, Array("<< /Type /Catalog\n   /Pages 1 0 R\n>>".utf8)),
        ])
    }

    func bytes() -> [UInt8] {
        var bytes = Array("%PDF-\(version)\n".utf8) + [0x25, 0xB5, 0xED, 0xAE, 0xFB, 0x0A]
        var entries: [Int: (offset: Int, generation: Int)] = [:]
        for object in objects {
            entries[object.number] = (bytes.count + (tableError[object.number] ?? 0), object.generation)
            bytes += Array("\(object.number) \(object.generation) obj\n".utf8) + object.text + Array("\nendobj\n".utf8)
        }
        let size = (entries.keys.max() ?? 0) + 1
        let table = bytes.count
        bytes += Array("xref\n0 \(size)\n".utf8)
        for number in 0..<size {
            let entry = entries[number].map { String(format: "%010d %05d n \n", $0.offset, $0.generation) }
            bytes += Array((entry ?? "0000000000 65535 f \n").utf8)
        }
        bytes += Array("trailer\n<< /Size \(size)\n   \(trailer)\n>>\nstartxref\n\(table)\n%%EOF\n".utf8)
        return bytes
    }

    /// The sample with object `number`'s text changed.
    static func sample(changing number: Int, _ change: ([UInt8]) -> [UInt8]) -> SyntheticPDF {
        var pdf = sample()
        if let index = pdf.objects.firstIndex(where: { $0.number == number }) { pdf.objects[index].text = change(pdf.objects[index].text) }
        return pdf
    }

    /// A file the pass must refuse, and words its error must contain.
    struct Broken: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let problem: String
        var testDescription: String { name }
    }

    static func broken() -> [Broken] {
        let whole = sample().bytes()
        var version14 = sample(), encrypted = sample(), offByOne = sample()
        version14.version = "1.4"
        encrypted.trailer += " /Encrypt 9 0 R"
        offByOne.tableError = [2: 1]
        return [
            Broken(name: "empty", bytes: [], problem: "empty"),
            Broken(name: "header only", bytes: Array(whole.prefix(15)), problem: "startxref"),
            Broken(name: "cut in half", bytes: Array(whole.prefix(whole.count / 2)), problem: "startxref"),
            Broken(name: "cut before %%EOF", bytes: Array(whole.dropLast(6)), problem: "%%EOF"),
            Broken(name: "more after %%EOF", bytes: whole + Array("9 0 obj\n<< >>\nendobj\n".utf8), problem: "%%EOF"),
            Broken(name: "PDF 1.4", bytes: version14.bytes(), problem: "no object streams"),
            Broken(name: "/Encrypt in the trailer", bytes: encrypted.bytes(), problem: "trailer has a key"),
            Broken(name: "table entry off by one", bytes: offByOne.bytes(), problem: "object 2 is not where"),
            Broken(name: "Length object too long",
                   bytes: sample(changing: 4) { _ in Array("   \(content.count + 3)".utf8) }.bytes(), problem: "endstream"),
            Broken(name: "Length object missing",
                   bytes: sample(changing: 3) { replacing("4 0 R", with: "40 0 R", in: $0) }.bytes(), problem: "not in the table"),
            Broken(name: "catalog without endobj", bytes: replacing("endobj\nxref", with: "endobx\nxref", in: whole),
                   problem: "endobj of object 5"),
            Broken(name: "string without end", bytes: sample(changing: 6) { replacing("(test)", with: "(test ", in: $0) }.bytes(),
                   problem: "string has no end"),
        ]
    }

    /// `bytes` with the first `text` in them replaced (bytes that are not UTF-8 kept as they are).
    private static func replacing(_ text: String, with other: String, in bytes: [UInt8]) -> [UInt8] {
        let needle = Array(text.utf8)
        guard needle.count <= bytes.count,
              let start = (0...(bytes.count - needle.count)).first(where: { bytes[$0..<$0 + needle.count].elementsEqual(needle) })
        else { return bytes }
        return Array(bytes[..<start]) + Array(other.utf8) + Array(bytes[(start + needle.count)...])
    }
}
