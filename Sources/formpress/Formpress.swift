/// formpress: prints Chinese budget-performance target forms (预算绩效目标表) as PDF.
///
/// The command-line front: parses arguments, runs the pipeline, turns every error into one
/// clear line on stderr and an exit code (0 done, 1 bad input, 2 usage, 130 or 143 interrupted).

import ArgumentParser
import Fonts
import FoundationEssentials
import Glibc
import Threads

@main
struct Formpress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formpress",
        abstract: "Print Chinese budget-performance target forms (预算绩效目标表) as PDF.",
        discussion: """
            Examples:
              formpress render Examples/suixi-2024.json -o suixi.pdf
              formpress render Examples/dongkeng-2024-projects.json --split -o out/
              formpress render Examples/dalang-2024.json --format png -o pages/
              formpress validate Examples/*.json
            """,
        version: "formpress 0.1.0",
        subcommands: [RenderCommand.self, ValidateCommand.self, LayoutsCommand.self, FontsCommand.self,
                      SpecimenCommand.self])

    /// Usage errors exit with 2 (ArgumentParser's own default is 64).
    static func main() {
        // A render needs fontconfig, whose configuration takes about 4 ms to load: it loads on
        // a thread of its own while the arguments are parsed and the forms read.
        let rendering = CommandLine.arguments.dropFirst().first == "render"
        let interruption = rendering ? Interruption() : nil  // before any other thread starts
        let fontconfig = rendering ? Pending { try FontconfigCatalog() } : nil
        let outcome = Result {
            var command = try parseAsRoot()
            if let render = command as? RenderCommand, let fontconfig, let interruption {
                try render.run(fontconfig: fontconfig, interruption: interruption)
            } else {
                try command.run()
            }
        }
        // Never exit while fontconfig is still loading on its thread.
        _ = try? fontconfig?.value()
        if case let .failure(error) = outcome {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error), keepingLines: true)
                printError("(see formpress help)")
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options every command that sets text shares.
struct FontOptions: ParsableArguments {
    @Option(name: .customLong("fonts-dir"), help: "Folder with the user's fonts.json and font files. (default: Fonts)")
    var givenFontsDirectory: String?

    /// The folder given, or Fonts/ (which may be missing: the user has no fonts of their own).
    var fontsDirectory: String { givenFontsDirectory ?? "Fonts" }

    @Flag(name: .customLong("allow-missing-glyphs"),
          help: "Draw a box for characters no font has, with a warning, instead of failing.")
    var allowMissingGlyphs = false

    /// A folder named with --fonts-dir must be there and hold fonts.json: a mistyped one would
    /// leave the bureau's fonts out without a word.
    func validate() throws {
        guard let folder = givenFontsDirectory else { return }
        var isFolder = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder else {
            throw ValidationError("--fonts-dir: no folder \"\(folder)\"")
        }
        guard FileManager.default.fileExists(atPath: folder + "/" + FontManifest.fileName) else {
            throw ValidationError("--fonts-dir: \"\(folder)\" holds no \(FontManifest.fileName) listing its fonts")
        }
    }
}
