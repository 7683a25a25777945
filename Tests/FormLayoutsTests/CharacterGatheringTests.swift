import Fonts
@testable import FormLayouts
import Forms
import Frames
import Testing

/// The characters gathered before layout, from which fonts are cut ahead of drawing.
@Suite struct CharacterGatheringTests {
    /// Every character a laid-out example prints is in the set of the face that prints it:
    /// otherwise the cut would lack its glyph.
    @Test(arguments: ExampleRenderingTests.names)
    func everyPrintedCharacterIsGatheredUnderItsFace(name: String) throws {
        let decoded = try FormDecoder.decode(file: "\(examples)/\(name).json")
        let typesetter = try makeTypesetter()
        var characters = ChainCharacters()
        var jobs: [FormJob] = []
        for (index, form) in decoded.forms.enumerated() {
            let job = FormJob(form: form, layout: try layouts.load(form.layout ?? decoded.layout ?? decoded.type.rawValue),
                              path: decoded.path(ofForm: index), index: index)
            try FormTypesetter.gatherCharacters(of: job, into: &characters)
            jobs.append(job)
        }
        let byFace = try characters.faces(in: typesetter.engine.text.fonts)
        var warnings: [String] = []
        let document = try typesetter.document(jobs, creationDate: "2026-01-01T00:00:00", warnings: &warnings)
        var printed = 0
        for page in document.pages {
            for case let .text(run) in page.items {
                let missing = run.text.unicodeScalars.filter { !(byFace[run.face]?.contains($0) ?? false) }
                #expect(missing.isEmpty, "\(name): \(String(String.UnicodeScalarView(missing))) of \"\(run.text)\"")
                printed += run.text.unicodeScalars.count
            }
        }
        #expect(printed > 1_000)
    }
}
