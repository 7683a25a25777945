import ArgumentParser
import CairoBackend
import Fonts
import FoundationEssentials
import Frames
import TextLayout

/// `formpress specimen`: sets a text file in a column, to see fonts and line breaking at work.
struct SpecimenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specimen",
        abstract: "Set a UTF-8 text file in a framed column on A4 pages (PDF, or PNG per page).",
        discussion: """
            Each line of the file is a paragraph. Use it to check a font or the line breaking \
            at a cell's width before making a layout.

            Examples:
              formpress specimen notes.txt -o specimen.pdf --width 60 --role 仿宋
              formpress specimen notes.txt -o pages --format png
            """)

    @OptionGroup var fontOptions: FontOptions

    @Argument(help: "The text file.")
    var input: String

    @Option(name: .shortAndLong, help: "Output PDF file, or folder for PNG pages.")
    var output: String

    @Option(help: "pdf or png.")
    var format: String = "pdf"

    @Option(help: "Column width in millimetres.")
    var width: Double = 80

    @Option(help: "Font role: 宋体/song, 黑体/hei, 仿宋/fangsong, 楷体/kai.")
    var role: String = "song"

    @Option(help: "Font size in points.")
    var size: Double = 10.5

    @Option(help: "Alignment: left, center, right, justify.")
    var align: String = "justify"

    func validate() throws {
        guard FontRole(name: role) != nil else { throw ValidationError("unknown role \"\(role)\"") }
        guard TextAlignment(rawValue: align) != nil else { throw ValidationError("unknown alignment \"\(align)\"") }
        guard ["pdf", "png"].contains(format) else { throw ValidationError("--format must be pdf or png") }
        guard width > 5, width < 190 else { throw ValidationError("--width must be between 5 and 190 mm") }
        guard size >= 4, size <= 72 else { throw ValidationError("--size must be between 4 and 72 pt") }
    }

    func run() throws {
        try failing {
            guard let data = FileManager.default.contents(atPath: input) else {
                throw ValidationError("\(input): cannot be read")
            }
            guard let decoded = String(validating: data, as: UTF8.self) else {
                throw ValidationError("\(input): not UTF-8 text (a binary file, or another encoding)")
            }
            if format == "pdf" ? sameFile(input, output) : PageFolder.holdsAPage(named: input, folder: output, fileExtension: format) {
                throw ValidationError("the output \(output) would replace the input \(input)")
            }
            let library = try FontLibrary(fontsDirectory: fontOptions.fontsDirectory)
            let engine = try TextEngine(fonts: library,
                                        missingGlyphPolicy: fontOptions.allowMissingGlyphs ? .drawBox : .error)
            let style = TextStyle(role: FontRole(name: role) ?? .song, size: size,
                                  alignment: TextAlignment(rawValue: align) ?? .justify,
                                  firstLineIndent: 2, paragraphSpacing: size * 0.5)
            var text = Substring(decoded)
            while text.last?.isNewline == true { text = text.dropLast() }
            while text.first?.isNewline == true { text = text.dropFirst() }
            let block = try engine.layout(String(text), style: style, width: width * 72 / 25.4, source: input)
            for warning in block.warnings { printError("warning: \(input): \(warning)") }
            for warning in library.warnings { printError("warning: \(warning)") }  // a role printed with another's font
            let pages = SpecimenPages(columnWidth: width * 72 / 25.4).pages(for: block)
            let renderer = CairoRenderer()
            if format == "pdf" {
                try renderer.writePDF(Document(pages: pages, info: DocumentInfo(title: "formpress specimen")), to: output)
            } else {
                // Written as render writes pages (page-001.png …): whole, or not at all.
                var folder = try PageFolder(target: output, fileExtension: format)
                do {
                    for page in pages { try renderer.writePNG(page, dpi: 96, to: folder.nextPage()) }
                    try folder.commit()
                } catch {
                    folder.abort()
                    throw error
                }
            }
            printError("\(output): \(pages.count) page(s)")
        }
    }
}

/// Flows the lines of a block down A4 pages inside a thin frame.
struct SpecimenPages {
    let columnWidth: Double
    let margin = 56.69  // 20 mm

    func pages(for block: TextBlock) -> [Page] {
        let size = PageSize.a4Portrait
        let usable = size.height - 2 * margin
        var pages: [Page] = []
        var lines = block.lines[...]
        repeat {
            var page = Page(size: size)
            var used = 0.0
            let firstTop = lines.first?.top ?? 0
            while let line = lines.first, line.top - firstTop + line.height <= usable || used == 0 {
                page.items += line.items.map { $0.offsetBy(dx: margin, dy: margin - firstTop) }
                used = line.top - firstTop + line.height
                lines = lines.dropFirst()
            }
            let frame = Rect(x: margin, y: margin, width: columnWidth, height: used)
            page.items.append(.outline(frame, width: 0.3, color: Color(red: 0.6, green: 0.6, blue: 0.6)))
            pages.append(page)
        } while !lines.isEmpty
        return pages
    }
}
