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
