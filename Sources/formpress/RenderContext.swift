import CairoBackend
import FormLayouts
import Fonts
import Frames
import TableLayout
import TextLayout

/// What every thread needs to set and draw forms the same way.
struct RenderContext: Sendable {
    let fontsDirectory: String
    let allowMissingGlyphs: Bool
    let debugOverlay: Bool
    let strict: Bool
    let date: String
    /// How each PDF's fonts are deflated.
    let fontCompression: FontCompression
    let layoutChoice: LayoutChoice
    /// The installed fonts, found once for every thread.
    let catalog: FontconfigCatalog
    /// The layouts the forms use (from the survey); others are loaded when met.
    let layouts: [String: LayoutSpec]
    /// Set by SIGINT or SIGTERM; read between forms.
    let interruption: Interruption
    /// Whether the forms print into one document (a PDF or a folder of pages of several
    /// forms), not a file each.
    let formsShareADocument: Bool
    /// The forms as the survey read them, in the order of the batch, if it kept them (a small
    /// batch); else none, and each form is read again when typeset.
    let surveyedForms: [FormJob]

    /// A typesetter with fonts and caches of its own (one per thread).
    func makeTypesetter() throws -> (typesetter: FormTypesetter, library: FontLibrary) {
        let library = try FontLibrary(fontsDirectory: fontsDirectory, catalog: catalog)
        let text = try TextEngine(fonts: library, missingGlyphPolicy: allowMissingGlyphs ? .drawBox : .error)
        return (FormTypesetter(engine: TableLayoutEngine(text: text), options: TableLayoutOptions(debugOverlay: debugOverlay)),
                library)
    }

    /// The form `item` points to, the `position`-th of the batch, paired with its layout: as
    /// the survey read it, or read now.
    func job(_ item: Work, at position: Int) throws -> FormJob {
        var job = try surveyedForms.indices.contains(position) ? surveyedForms[position] : item.job(layoutChoice, loaded: layouts)
        job.sharesItsDocument = formsShareADocument
        return job
    }

    /// The pages of the form `item`, the `position`-th of the batch; its warnings printed (and
    /// fatal with --strict). `known`: the form, if already read.
    func typeset(_ item: Work, at position: Int, _ typesetter: FormTypesetter, known: FormJob? = nil) throws -> TypesetForm {
        let job = try known ?? job(item, at: position)
        return TypesetForm(job: job, file: item.file, pages: try pages(of: job, file: item.file, typesetter: typesetter, strict: strict))
    }
}

/// A form's pages, its warnings printed (and fatal when `strict`): what `render` and
/// `validate` both do with a form.
func pages(of job: FormJob, file: String, typesetter: FormTypesetter, strict: Bool) throws -> [Page] {
    var warnings: [String] = []
    let pages = try naming(file) { try typesetter.pages(of: job, warnings: &warnings) }
    for warning in warnings { printError("warning: \(file): \(warning)") }
    if strict, !warnings.isEmpty {
        throw InputError.strict(warnings.count, warningsAbout: file)
    }
    return pages
}

/// A form and its pages.
struct TypesetForm: Sendable {
    let job: FormJob
    /// The input file it was read from.
    let file: String
    let pages: [Page]
    /// What its bookmark and progress line call it.
    var name: String { job.form.name }

    /// Runs `draw` (the drawing of this form's pages), naming the form in an error about one of
    /// its texts: the backend knows the text, not where in the input it came from.
    func drawn(_ draw: () throws -> Void) throws {
        do {
            try draw()
        } catch let error as RenderError {
            guard case .glyphNotEmbedded = error else { throw error }
            throw InputError(file: file, problem: job.path.isEmpty ? "\(error)" : "\(job.path): \(error)")
        }
    }
}
