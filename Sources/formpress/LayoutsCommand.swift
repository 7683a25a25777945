import ArgumentParser
import FormLayouts

/// `formpress layouts`: the layouts available, with their form type.
struct LayoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layouts",
        abstract: "List the layouts in the layouts folder, with their form type and description.")

    @Option(name: .customLong("layouts-dir"), help: "Folder of layout files.")
    var layoutsDirectory: String = "Layouts"

    func run() throws {
        try failing {
            let catalog = LayoutCatalog(directory: layoutsDirectory)
            guard catalog.folderExists else { throw LayoutError.noFolder(directory: layoutsDirectory) }
            let names = catalog.names()
            if names.isEmpty { throw InputError(file: layoutsDirectory, problem: "holds no layout (*.json)") }
            // Every layout is listed; each broken one gets its error, and the command fails at the end.
            var broken = 0
            for name in names {
                do {
                    let spec = try catalog.load(name)
                    print("\(name)\t\(spec.form.rawValue) (\(spec.form.alias))\t\(spec.description)")
                } catch {
                    printError("formpress: \(error)")
                    broken += 1
                }
            }
            if broken > 0 { throw InputError(file: layoutsDirectory, problem: "\(broken) of \(names.count) layouts are broken") }
        }
    }
}
