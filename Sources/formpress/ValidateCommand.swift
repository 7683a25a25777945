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
            let work = try formOptions.work(inputs)
            let survey = try formOptions.survey(work)
            var counts: [(file: String, forms: Int, pages: Int)] = []
            for item in work {
                let job = try item.job(formOptions.layouts, loaded: survey.layouts)
                let pages = try pages(of: job, file: item.file, typesetter: typesetter, strict: formOptions.strict).count
                // A line per input (a file given twice has two), its forms counted together.
                if counts.last?.file == item.file, item.index > 0 { counts[counts.count - 1].forms += 1; counts[counts.count - 1].pages += pages }
                else { counts.append((item.file, 1, pages)) }
            }
            for warning in library.warnings { printError("warning: \(warning)") }  // as render gives them
            for count in counts { print("\(count.file): ok (\(count.forms) form(s), \(count.pages) page(s))") }
        }
    }
}
