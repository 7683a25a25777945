import ArgumentParser
import FormLayouts
import Fonts
import Forms
import TableLayout
import TextLayout

/// `formpress validate`: checks form documents (decoding, layout, text that must fit and
/// print) without writing anything.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check form documents without rendering: fields, layout, and that every text can be printed.",
        discussion: """
            Examples:
              formpress validate Examples/*.json
              formpress validate data.json --form 项目
            """)

    @OptionGroup var formOptions: FormOptions
    @OptionGroup var fontOptions: FontOptions

    @Argument(help: "Form documents (JSON).")
    var inputs: [String]

    func run() throws {
        try failing {
            let library = try FontLibrary(fontsDirectory: fontOptions.fontsDirectory)
            let text = try TextEngine(fonts: library, missingGlyphPolicy: fontOptions.allowMissingGlyphs ? .drawBox : .error)
            let typesetter = FormTypesetter(engine: TableLayoutEngine(text: text))
            for (file, jobs) in try formOptions.jobs(inputs) {
                var pages = 0
                for job in jobs {
                    var warnings: [String] = []
                    pages += try naming(file) { try typesetter.pages(of: job, warnings: &warnings).count }
                    for warning in warnings { printError("warning: \(file): \(warning)") }
                }
                print("\(file): ok (\(jobs.count) form(s), \(pages) page(s))")
            }
        }
    }
}
