/// formpress: prints Chinese budget-performance target forms (预算绩效目标表) as PDF.
///
/// The command-line front: parses arguments, runs the pipeline, turns every error into one
/// clear line on stderr and an exit code (0 done, 1 bad input, 2 usage).

import ArgumentParser

@main
struct Formpress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formpress",
        abstract: "Print Chinese budget-performance target forms (预算绩效目标表) as PDF.",
        subcommands: [FontsCommand.self, SpecimenCommand.self])
}

/// Options every command that sets text shares.
struct FontOptions: ParsableArguments {
    @Option(name: .customLong("fonts-dir"), help: "Folder with the user's fonts.json and font files.")
    var fontsDirectory: String = "Fonts"

    @Flag(name: .customLong("allow-missing-glyphs"),
          help: "Draw a box for characters no font has, with a warning, instead of failing.")
    var allowMissingGlyphs = false
}
