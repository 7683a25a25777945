import ArgumentParser
import FormLayouts
import Fonts
import Forms
import FoundationEssentials
import TableLayout
import TextLayout

/// Options that say how inputs become forms: their type and layout.
struct FormOptions: ParsableArguments {
    @Option(help: "Form type: 部门整体 (department) or 项目 (project). Must match the files' \"form\".")
    var form: String?

    @Option(help: "Layout name (a file in the layouts folder) or path; overrides the one the file names.")
    var layout: String?

    @Option(name: .customLong("layouts-dir"), help: "Folder of layout files.")
    var layoutsDirectory: String = "Layouts"

    @Flag(help: "Treat warnings (budget arithmetic, duplicate forms, periods, no indicators, words broken inside a cell) as errors.")
    var strict = false

    func validate() throws {
        if let form, FormType(name: form) == nil {
            throw ValidationError("--form must be 部门整体 (department) or 项目 (project), not \"\(form)\"")
        }
    }

    /// Opens every input, checking its syntax and the type it names, and lists its forms
    /// without reading them (they are read one at a time, by `BatchSurvey` and when drawn).
    func work(_ inputs: [String]) throws -> [Work] {
        let files = try inputs.map(FormFile.init(path:))
        let wanted = form.flatMap(FormType.init(name:))
        for file in files where wanted != nil && wanted != file.type {
            throw InputError(file: file.file,
                             problem: "form is \"\(file.type.rawValue)\", but --form asks for \"\(wanted?.rawValue ?? "")\"")
        }
        return files.flatMap { file in (0..<file.count).map { Work(source: file, index: $0) } }
    }

    /// Surveys the forms (see `BatchSurvey`), prints the warnings found and, with --strict,
    /// fails on them.
    func survey(_ work: [Work], threads: Int = 1, gathersCharacters: Bool = false, keepsForms: Bool = false) throws -> BatchSurvey {
        let survey = try BatchSurvey.run(work, layouts, threads: threads, gathersCharacters: gathersCharacters,
                                         keepsForms: keepsForms)
        let warnings = try survey.allWarnings(work)
        for warning in warnings { printError("warning: \(warning)") }
        if strict, !warnings.isEmpty {
            let files = Set(work.map(\.file)).count
            let file = files == 1 ? work[0].file : "\(files) inputs"
            throw InputError.strict(warnings.count, warningsAbout: file)
        }
        return survey
    }

    /// How forms find their layouts, as these options say.
    var layouts: LayoutChoice { LayoutChoice(override: layout, directory: layoutsDirectory) }
}

/// How a form finds its layout: --layout, else the form's own, else its file's, else the one
/// named after its type; loaded from the layouts folder.
struct LayoutChoice: Sendable {
    let override: String?
    let directory: String

    /// The layout a form is printed with: --layout's, else the form's or its file's (a path
    /// there is relative to the file's folder, wherever formpress runs), else its type's.
    func name(of form: Form, in source: FormFile) -> String {
        if let override { return override }
        guard let named = form.layout ?? source.layout else { return source.type.rawValue }
        guard LayoutCatalog(directory: directory).isPath(named), !named.hasPrefix("/"),
              let slash = source.file.lastIndex(of: "/") else { return named }
        let beside = String(source.file[...slash]) + named
        // A bare file name not beside the file may be one in the layouts folder (never the
        // current folder's: where formpress runs does not change what a document prints).
        let inFolder = directory + "/" + named
        let fromFolder = !named.contains("/") && !FileManager.default.fileExists(atPath: beside)
            && FileManager.default.fileExists(atPath: inFolder)
        return fromFolder ? inFolder : beside
    }

    /// The layout `name` (one of `loaded`, or loaded now) for the forms of `source`, which must
    /// be of the layout's type: checked at every use, as one layout may serve files of both.
    func layout(_ name: String, for source: FormFile, loaded: [String: LayoutSpec], namedAt key: String? = nil) throws -> LayoutSpec {
        // A name the input gives is its fault, and named with its file and key; --layout's is the command's.
        func named(_ error: LayoutError) -> Error {
            guard let key else { return error }
            return InputError(file: source.file, problem: "\(key): \(error)")
        }
        let spec: LayoutSpec
        if let known = loaded[name] {
            spec = known
        } else {
            do { spec = try LayoutCatalog(directory: directory).load(name) } catch let error as LayoutError {
                switch error {
                case .notFound, .noFile: throw named(error)
                default: throw error
                }
            }
        }
        guard spec.form == source.type else {
            let mismatch = LayoutError.wrongFormType(layout: spec.name, layoutType: spec.form.rawValue, documentType: source.type.rawValue)
            throw key == nil ? InputError(file: source.file, problem: mismatch.description) : named(mismatch)
        }
        return spec
    }

    /// The key of the input that names the layout of `form` (nil: --layout names it, or the
    /// form's type does, by default).
    func key(naming form: Form, in source: FormFile, at path: String) -> String? {
        if override != nil { return nil }
        if form.layout != nil { return path.isEmpty ? "layout" : path + ".layout" }
        return source.layout != nil ? "layout" : nil
    }
}

/// A form to render: its file and position. The form itself is read when it is needed.
struct Work: Sendable {
    let source: FormFile
    let index: Int
    var file: String { source.file }
    var path: String { source.path(ofForm: index) }

    /// The form, read now, paired with its layout (one of `loaded`, or loaded now).
    func job(_ choice: LayoutChoice, loaded: [String: LayoutSpec]) throws -> FormJob {
        let form = try source.form(at: index)
        let name = choice.name(of: form, in: source)
        let layout = try choice.layout(name, for: source, loaded: loaded, namedAt: choice.key(naming: form, in: source, at: path))
        return FormJob(form: form, layout: layout, path: path, index: index)
    }
}

/// A problem with one input file, as one line.
struct InputError: Error, CustomStringConvertible {
    let file: String
    let problem: String
    var description: String { "\(file): \(problem)" }

    /// `--strict` turning the `count` warnings about `file` into a failure.
    static func strict(_ count: Int, warningsAbout file: String) -> InputError {
        InputError(file: file, problem: "\(count) warning(s), and --strict is on")
    }
}

/// Runs `body`, naming `file` in the text, table and form-fit errors it throws (those carry
/// only the JSON path of the field inside the file).
func naming<T>(_ file: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as LayoutError {
        guard case .formDoesNotFit = error else { throw error }
        throw InputError(file: file, problem: error.description)
    } catch let error as TextLayoutError {
        throw InputError(file: file, problem: error.description)
    } catch let error as TableError {
        throw InputError(file: file, problem: error.description)
    }
}
