import ArgumentParser
import CairoBackend
import FormLayouts
import Fonts
import Forms
import Dispatch
import FoundationEssentials
import Frames
import TableLayout
import TextLayout

/// `formpress render`: form documents in, the official forms out.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render form documents (JSON) to PDF, or to PNG/SVG pages.",
        discussion: """
            Several inputs, or a file with a list of forms, give one PDF with a bookmark per form; \
            --split writes one PDF per form into the folder OUTPUT instead. PNG and SVG give one \
            file per page in the folder OUTPUT. Without -o the PDF is named after the input.

            Examples:
              formpress render Examples/houjie-2026-approval.json -o houjie.pdf
              formpress render Examples/dongkeng-2024-projects.json --split -o dongkeng/
              formpress render Examples/suixi-2024.json --format png --dpi 80 -o pages/ --debug-overlay
              formpress render data.json --form 项目 --layout Layouts/项目.json -o out.pdf
            """)

    /// Forms a helper thread should have to be worth its start (its own fonts and caches).
    static let formsPerThread = 32

    @OptionGroup var formOptions: FormOptions
    @OptionGroup var fontOptions: FontOptions

    @Argument(help: "Form documents (JSON).")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Output PDF, or folder for --split, PNG and SVG.")
    var output: String?

    @Option(help: "pdf, png or svg.")
    var format: String = "pdf"

    @Option(help: "Resolution of PNG pages, in dots per inch.")
    var dpi: Double = 96

    @Flag(help: "One PDF per form, into the folder OUTPUT.")
    var split = false

    @Flag(name: .customLong("debug-overlay"), help: "Draw cell boxes and their grid coordinates (for previews).")
    var debugOverlay = false

    @Option(help: "Creation date written into the PDF (ISO 8601), so that output is reproducible.")
    var date: String = "2000-01-01T00:00:00"

    @Flag(name: .shortAndLong, help: "No progress or summary on stderr (warnings still show).")
    var quiet = false

    @Option(help: "Threads to render a batch with (default: one per core).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Render only the K-th of N slices of the forms (e.g. 3/8), named as in a full run.",
                               valueName: "K/N"))
    var shard: Shard?

    func validate() throws {
        guard ["pdf", "png", "svg"].contains(format) else { throw ValidationError("--format must be pdf, png or svg") }
        guard dpi >= 10, dpi <= 1200 else { throw ValidationError("--dpi must be between 10 and 1200") }
        if split, format != "pdf" { throw ValidationError("--split goes with PDF output") }
        if (split || format != "pdf"), output == nil { throw ValidationError("name the output folder with -o") }
        if output == nil, inputs.count > 1 { throw ValidationError("name the output file with -o when rendering several inputs") }
        if let jobs, jobs < 1 || jobs > 64 { throw ValidationError("--jobs must be between 1 and 64") }
    }

    func run() throws {
        try failing {
            let files = try formOptions.jobs(inputs)
            var work = files.flatMap { file in file.jobs.map { Work(file: file.file, job: $0) } }
            if let shard { work = Array(work[shard.slice(of: work.count)]) }
            let outputPath = output ?? defaultOutput()
            if inputs.contains(where: { samePath($0, outputPath) }) {
                throw ValidationError("the output \(outputPath) is one of the inputs")
            }
            let progress = Progress(total: work.count, quiet: quiet || work.count < 2)
            let context = RenderContext(fontsDirectory: fontOptions.fontsDirectory,
                                        allowMissingGlyphs: fontOptions.allowMissingGlyphs,
                                        debugOverlay: debugOverlay, strict: formOptions.strict, date: date)
            // Threads pay for their own fonts and caches: worth it from a few dozen forms.
            let threads = work.count < Self.formsPerThread ? 1
                : max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, work.count / Self.formsPerThread))
            if format != "pdf" {
                try renderImages(work, outputPath, context.makeTypesetter().typesetter, progress, context)
            } else if split {
                try makeFolder(outputPath)
                try renderSplit(work, outputPath, threads: threads, progress, context)
                report("\(outputPath): \(work.count) PDF file(s)")
            } else {
                let pages = try renderOne(work, outputPath, threads: threads, progress, context)
                report("\(outputPath): \(work.count) form(s), \(pages) page(s)")
            }
        }
    }

    /// One PDF for all forms, a bookmark each. Helper threads typeset ahead; this thread draws
    /// in order. Returns the number of pages.
    private func renderOne(_ work: [Work], _ path: String, threads: Int, _ progress: Progress,
                           _ context: RenderContext) throws -> Int {
        let (typesetter, library) = try context.makeTypesetter()
        defer { for warning in library.warnings { printError("warning: \(warning)") } }
        let fonts = try EmbeddedFonts(.cutAhead(FontSubsets(try context.faceCharacters(of: work, typesetter))))
        let stream = try PDFStream(path: path, info: typesetter.info(work.map(\.job.form), creationDate: context.date),
                                   fonts: fonts)
        // A document numbered as a whole needs all its pages before the first is drawn.
        if let first = work.first, first.job.layout.page.numbering == "document" {
            var pages: [Page] = []
            var marks: [Bookmark] = []
            for (index, item) in work.enumerated() {
                progress.step(index + 1, item.job.form.name)
                marks.append(Bookmark(title: item.job.form.name, pageIndex: pages.count))
                pages += try context.typeset(item, typesetter)
            }
            try typesetter.numberAcrossDocument(&pages, layout: first.job.layout)
            try stream.add(pages, bookmarks: marks)
        } else {
            let helpers = threads > 1 ? threads : 0
            let handoff = OrderedHandoff<[Page]>(window: 8 * max(1, helpers))
            if helpers > 0 {
                for helper in 0..<helpers {
                    let items = work
                    DispatchQueue.global().async {
                        let own = Result { try context.makeTypesetter().typesetter }
                        for index in stride(from: helper, to: items.count, by: helpers) {
                            handoff.waitForRoom(index)
                            handoff.put(index, own.flatMap { typesetter in Result { try context.typeset(items[index], typesetter) } })
                        }
                    }
                }
            }
            for (index, item) in work.enumerated() {
                let pages = helpers > 0 ? try handoff.take(index) : try context.typeset(item, typesetter)
                progress.step(index + 1, item.job.form.name)
                try stream.add(pages, bookmarks: [Bookmark(title: item.job.form.name, pageIndex: 0)])
            }
        }
        try stream.finish()
        return stream.pageCount
    }

    /// One PDF per form, named after its file and position (NAME-001.pdf …): the same names
    /// whatever the shard. Each thread renders a contiguous slice with fonts of its own.
    private func renderSplit(_ work: [Work], _ folder: String, threads: Int, _ progress: Progress,
                             _ context: RenderContext) throws {
        // One set of cuts for the batch, made while the threads start typesetting.
        let subsets = FontSubsets(try context.faceCharacters(of: work, context.makeTypesetter().typesetter))
        _ = try onThreads(threads) { part in
            let range = slices(work.count, into: threads)[part]
            let (typesetter, library) = try context.makeTypesetter()
            let items = Array(work[range])
            let fonts = try EmbeddedFonts(.cutAhead(subsets))
            for item in items {
                let pages = try context.typeset(item, typesetter)
                let name = Self.stem(item.file) + "-" + zeroPadded(item.job.index + 1, 3) + ".pdf"
                let stream = try PDFStream(path: folder + "/" + name,
                                           info: typesetter.info([item.job.form], creationDate: context.date), fonts: fonts)
                try stream.add(pages, bookmarks: [Bookmark(title: item.job.form.name, pageIndex: 0)])
                try stream.finish()
                progress.advance(item.job.form.name)
            }
            if part == 0 { for warning in library.warnings { printError("warning: \(warning)") } }
        }
    }

    /// PNG or SVG pages, page-001.png …
    private func renderImages(_ work: [Work], _ folder: String, _ typesetter: FormTypesetter, _ progress: Progress,
                              _ context: RenderContext) throws {
        try makeFolder(folder)
        let renderer = CairoRenderer()
        var pages: [Page] = []
        for (index, item) in work.enumerated() {
            progress.step(index + 1, item.job.form.name)
            pages += try context.typeset(item, typesetter)
        }
        if let first = work.first { try typesetter.numberAcrossDocument(&pages, layout: first.job.layout) }
        for (i, page) in pages.enumerated() {
            if format == "png" {
                try renderer.writePNG(page, dpi: dpi, to: pagePath(folder, i, "png"))
            } else {
                try renderer.writeSVG(page, to: pagePath(folder, i, "svg"))
            }
        }
        report("\(folder): \(work.count) form(s), \(pages.count) page(s)")
    }

    private func report(_ line: String) { if !quiet { printError(line) } }

    private func defaultOutput() -> String {
        Self.stem(inputs[0]) + ".pdf"
    }

    static func stem(_ file: String) -> String {
        URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    }

    private func pagePath(_ folder: String, _ index: Int, _ ext: String) -> String {
        folder + "/page-" + zeroPadded(index + 1, 3) + "." + ext
    }

    private func makeFolder(_ path: String) throws {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw InputError(file: path, problem: "cannot create the output folder")
        }
    }

    private func samePath(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path
    }
}

/// "[3/22] 机关企事业单位党组织党建工作经费" on stderr while rendering many forms.
final class Progress: @unchecked Sendable {
    let total: Int
    let quiet: Bool
    private let lock = Condition()
    private var done = 0

    init(total: Int, quiet: Bool) { self.total = total; self.quiet = quiet }

    func step(_ index: Int, _ name: String) {
        guard !quiet else { return }
        printError("[\(index)/\(total)] \(name)")
    }

    /// The next form is done (from any thread).
    func advance(_ name: String) {
        let index = lock.withLock { () -> Int in
            done += 1
            return done
        }
        step(index, name)
    }
}

/// A form to render and the file it came from.
struct Work: Sendable {
    let file: String
    let job: FormJob
}

/// --shard K/N: the K-th of N contiguous slices of the forms.
struct Shard: ExpressibleByArgument, Sendable {
    let index: Int
    let count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        index = k
        count = n
    }

    func slice(of total: Int) -> Range<Int> {
        (total * (index - 1) / count)..<(total * index / count)
    }
}

/// What every thread needs to set and draw forms the same way.
struct RenderContext: Sendable {
    let fontsDirectory: String
    let allowMissingGlyphs: Bool
    let debugOverlay: Bool
    let strict: Bool
    let date: String

    /// A typesetter with fonts and caches of its own (one per thread).
    func makeTypesetter() throws -> (typesetter: FormTypesetter, library: FontLibrary) {
        let library = try FontLibrary(fontsDirectory: fontsDirectory)
        let text = try TextEngine(fonts: library, missingGlyphPolicy: allowMissingGlyphs ? .drawBox : .error)
        return (FormTypesetter(engine: TableLayoutEngine(text: text), options: TableLayoutOptions(debugOverlay: debugOverlay)),
                library)
    }

    /// The faces these forms print with, and the characters each prints.
    func faceCharacters(of work: [Work], _ typesetter: FormTypesetter) throws -> [FaceRef: Set<Unicode.Scalar>] {
        var result: [FaceRef: Set<Unicode.Scalar>] = [:]
        for item in work {
            for (face, characters) in try naming(item.file, { try typesetter.faceCharacters(of: item.job) }) {
                result[face, default: []].formUnion(characters)
            }
        }
        return result
    }

    /// A form's pages; its warnings printed (and fatal with --strict).
    func typeset(_ item: Work, _ typesetter: FormTypesetter) throws -> [Page] {
        var warnings: [String] = []
        let pages = try naming(item.file) { try typesetter.pages(of: item.job, warnings: &warnings) }
        for warning in warnings { printError("warning: \(item.file): \(warning)") }
        if strict, !warnings.isEmpty {
            throw InputError(file: item.file, problem: "\(warnings.count) warning(s), and --strict is on")
        }
        return pages
    }
}

/// "007" for (7, 3).
func zeroPadded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
