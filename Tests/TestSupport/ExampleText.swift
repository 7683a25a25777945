import Foundation

/// Every printed string of an example's JSON (keys "form", "layout" and "_…" aside).
public func modelTexts(_ name: String) throws -> [String] {
    let data = try Data(contentsOf: URL(fileURLWithPath: "\(Repository.examples)/\(name).json"))
    var texts: [String] = []
    func walk(_ value: Any, key: String) {
        if let object = value as? [String: Any] {
            for (k, v) in object where k != "form" && k != "layout" && !k.hasPrefix("_") { walk(v, key: k) }
        } else if let list = value as? [Any] {
            for v in list { walk(v, key: key) }
        } else if let text = value as? String, !text.isEmpty {
            texts.append(text)
        }
    }
    walk(try JSONSerialization.jsonObject(with: data), key: "")
    return texts
}

/// The PDF's text in drawing order (`pdftotext -raw`), page footers removed, white space removed.
public func readBack(_ pdf: String) throws -> String {
    let raw = try Poppler.text(of: pdf)
    let pages = raw.split(separator: "\u{0C}", omittingEmptySubsequences: false)
    return pages.map { page in
        String(page).replacingOccurrences(of: #"第 \d+ 页 共 \d+ 页"#, with: "", options: .regularExpression)
    }.joined().withoutWhitespace
}

/// The model's texts that `text` (as `readBack` gives it) does not hold.
public func textsMissing(from text: String, ofExample name: String) throws -> [String] {
    try modelTexts(name).filter { !text.contains($0.withoutWhitespace) }
}
