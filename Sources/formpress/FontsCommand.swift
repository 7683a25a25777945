import ArgumentParser
import Fonts
import FoundationEssentials

/// `formpress fonts`: each role's chain as resolved, and which faces cover an input's characters.
struct FontsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fonts",
        abstract: "Show the font chain of each role (宋体, 黑体, 仿宋, 楷体) and what covers an input's characters.",
        discussion: """
            Without INPUT: every role's chain, regular and bold, as file, face index and family.
            With INPUT (a form document or any UTF-8 text): for each role, how many of the input's \
            characters each face prints, and the characters no face has.

            Examples:
              formpress fonts
              formpress fonts Examples/suixi-2024.json
            """)

    @OptionGroup var fontOptions: FontOptions

    @Argument(help: "Files whose characters to check.")
    var inputs: [String] = []

    func run() throws {
        try failing {
            let library = try FontLibrary(fontsDirectory: fontOptions.fontsDirectory)
            var characters = Set<Unicode.Scalar>()
            for input in inputs {
                guard let data = FileManager.default.contents(atPath: input) else {
                    throw ValidationError("\(input): cannot be read")
                }
                characters.formUnion(try InputCharacters.of(data, file: input))
            }
            for role in FontRole.allCases {
                for weight in FontWeight.allCases {
                    let chain = try library.chain(role, weight: weight)
                    print("\(role.chineseName) (\(role.rawValue), \(weight.rawValue)):")
                    var unprinted = characters
                    for link in chain.links {
                        let face = link.face
                        var line = "  \(face.ref.path) #\(face.ref.index)  \(face.family)  [\(link.origin.rawValue)]"
                        if !characters.isEmpty {
                            let printed = unprinted.filter { face.covers($0) }
                            unprinted.subtract(printed)
                            line += "  prints \(printed.count) of \(characters.count) characters"
                        }
                        print(line)
                    }
                    if !unprinted.isEmpty {
                        let list = unprinted.sorted { $0.value < $1.value }.map { "\($0.codeNotation) \($0)" }
                        print("  no face has: \(list.joined(separator: ", "))")
                    }
                }
            }
            for warning in library.warnings { printError("warning: \(warning)") }
        }
    }
}
