import ArgumentParser
import FormLayouts
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

    @Flag(help: "Treat warnings (budget arithmetic, duplicate forms, periods) as errors.")
    var strict = false

    func validate() throws {
        if let form, FormType(name: form) == nil {
            throw ValidationError("--form must be 部门整体 (department) or 项目 (project), not \"\(form)\"")
        }
    }

    /// Reads every input and pairs each form with its layout; prints the warnings the data
    /// deserves (and fails on them with --strict).
    func jobs(_ inputs: [String]) throws -> [(file: String, jobs: [FormJob])] {
        let documents = try inputs.map(FormDecoder.decode(file:))
        let wanted = form.flatMap(FormType.init(name:))
        for document in documents where wanted != nil && wanted != document.type {
            throw InputError(file: document.file,
                             problem: "form is \"\(document.type.rawValue)\", but --form asks for \"\(wanted?.rawValue ?? "")\"")
        }
        var warnings = documents.flatMap { document in FormChecks.warnings(for: document).map { "\(document.file): \($0)" } }
        warnings += FormChecks.duplicates(in: documents).map { "\($0.0) and \($0.1) are identical forms" }
        for warning in warnings { printError("warning: \(warning)") }
        if strict, !warnings.isEmpty {
            throw InputError(file: inputs.count == 1 ? inputs[0] : "input", problem: "\(warnings.count) warning(s), and --strict is on")
        }
        return try pair(documents)
    }

    private func pair(_ documents: [FormDocument]) throws -> [(file: String, jobs: [FormJob])] {
        let catalog = LayoutCatalog(directory: layoutsDirectory)
        var cache: [String: LayoutSpec] = [:]
        func spec(_ name: String) throws -> LayoutSpec {
            if let known = cache[name] { return known }
            let loaded = try catalog.load(name)
            cache[name] = loaded
            return loaded
        }
        return try documents.map { document in
            let file = document.file
            let jobs = try document.forms.enumerated().map { index, form -> FormJob in
                let name = layout ?? form.layout ?? document.layout ?? document.type.rawValue
                let spec = try spec(name)
                guard spec.form == document.type else {
                    throw InputError(file: file, problem: LayoutError.wrongFormType(
                        layout: spec.name, layoutType: spec.form.rawValue, documentType: document.type.rawValue).description)
                }
                return FormJob(form: form, layout: spec, path: document.path(ofForm: index), index: index)
            }
            return (file, jobs)
        }
    }
}

/// A problem with one input file, as one line.
struct InputError: Error, CustomStringConvertible {
    let file: String
    let problem: String
    var description: String { "\(file): \(problem)" }
}

/// Runs `body`, naming `file` in the text and table errors it throws (those carry only the
/// JSON path of the text inside the file).
func naming<T>(_ file: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as TextLayoutError {
        throw InputError(file: file, problem: error.description)
    } catch let error as TableError {
        throw InputError(file: file, problem: error.description)
    }
}
