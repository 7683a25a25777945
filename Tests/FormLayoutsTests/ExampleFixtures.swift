import CairoBackend
import Fonts
import FormLayouts
import Forms
import Foundation
import Frames
import TableLayout
import TestSupport
import TextLayout
import Testing

let repository = Repository.folder
let examples = Repository.examples
let layouts = LayoutCatalog(directory: repository + "/Layouts")

func makeTypesetter() throws -> FormTypesetter {
    FormTypesetter(engine: TableLayoutEngine(text: try TextEngine(fonts: FontLibrary(fontsDirectory: nil))),
                   options: TableLayoutOptions(checkInvariants: true))
}

/// Decodes an example and renders it to a PDF in a temporary folder; returns the PDF's path.
func renderExample(_ name: String) throws -> (pdf: String, document: Document) {
    let decoded = try FormDecoder.decode(file: "\(examples)/\(name).json")
    let jobs = try decoded.forms.enumerated().map { index, form in
        FormJob(form: form, layout: try layouts.load(form.layout ?? decoded.layout ?? decoded.type.rawValue),
                path: decoded.path(ofForm: index), index: index)
    }
    var warnings: [String] = []
    let document = try makeTypesetter().document(jobs, creationDate: "2026-01-01T00:00:00", warnings: &warnings)
    #expect(warnings.isEmpty, "\(name): \(warnings)")
    let folder = try ProcessInfo.processInfo.environment["FORMPRESS_TEST_OUTPUT"] ?? temporaryFolder(name)
    let pdf = "\(folder)/\(name).pdf"
    try CairoRenderer().writePDF(document, to: pdf)
    return (pdf, document)
}

/// Every printed string of a form document's JSON (keys "form", "layout" and "_…" aside).
func modelTexts(_ name: String) throws -> [String] {
    let data = try Data(contentsOf: URL(fileURLWithPath: "\(examples)/\(name).json"))
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
func readBack(_ pdf: String) throws -> String {
    let raw = try Poppler.text(of: pdf)
    let pages = raw.split(separator: "\u{0C}", omittingEmptySubsequences: false)
    return pages.map { page in
        String(page).replacingOccurrences(of: #"第 \d+ 页 共 \d+ 页"#, with: "", options: .regularExpression)
    }.joined().withoutWhitespace
}
