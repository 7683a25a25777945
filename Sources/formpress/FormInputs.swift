import ArgumentParser
import FormLayouts
import Forms
import Foundation
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

    func validate() throws {
        if let form, FormType(name: form) == nil {
            throw ValidationError("--form must be 部门整体 (department) or 项目 (project), not \"\(form)\"")
        }
    }

    /// Reads every input and pairs each form with its layout.
    func jobs(_ inputs: [String]) throws -> [(file: String, jobs: [FormJob])] {
        let catalog = LayoutCatalog(directory: layoutsDirectory)
        var cache: [String: LayoutSpec] = [:]
        func spec(_ name: String) throws -> LayoutSpec {
            if let known = cache[name] { return known }
            let loaded = try catalog.load(name)
            cache[name] = loaded
            return loaded
        }
        let wanted = form.flatMap(FormType.init(name:))
        return try inputs.map { file in
            let document = try FormDecoder.decode(file: file)
            if let wanted, wanted != document.type {
                throw InputError(file: file, problem: "form is \"\(document.type.rawValue)\", but --form asks for \"\(wanted.rawValue)\"")
            }
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
