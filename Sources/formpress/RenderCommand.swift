import ArgumentParser
import CairoBackend
import Fonts
import FormLayouts
import FoundationEssentials
import Threads

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
              formpress render Examples/suixi-2024.json --format png --dpi 80 -o pages/
              formpress render Examples/suixi-2024.json --debug-overlay -o preview.pdf
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

    @Option(help: ArgumentHelp("""
        How the PDF's fonts are compressed: small (zlib's default) or fast (Huffman coding alone: \
        a third less time per --split file, files about a tenth bigger). Default: fast with --split, \
        small otherwise.
        """, valueName: "small|fast"))
    var fontCompression: FontCompression?

    @Flag(name: .customLong("debug-overlay"), help: "Draw cell boxes and their grid coordinates (for previews).")
    var debugOverlay = false

    @Option(help: "Creation date written into the PDF (ISO 8601: 2024-03-01 or 2024-03-01T09:30:00+08:00), fixed so that output is reproducible.")
    var date: String = "2000-01-01T00:00:00"

    @Flag(name: .shortAndLong, help: "No progress or summary on stderr (warnings still show).")
    var quiet = false

    @Option(help: "Threads to render a batch with (default: one per core).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Render only the K-th of N slices of the forms (e.g. 3/8), named as in a full run.",
                               valueName: "K/N"), transform: Shard.parse)
    var shard: Shard?

    func validate() throws {
        guard ["pdf", "png", "svg"].contains(format) else { throw ValidationError("--format must be pdf, png or svg") }
        guard dpi >= 10, dpi <= 1200 else { throw ValidationError("--dpi must be between 10 and 1200") }
        if split, format != "pdf" { throw ValidationError("--split goes with PDF output") }
        if fontCompression != nil, format != "pdf" { throw ValidationError("--font-compression goes with PDF output") }
        // Each slice's pages would be numbered from page-001 and take the place of another's.
        if shard != nil, format != "pdf" { throw ValidationError("--shard goes with PDF output") }
        if (split || format != "pdf"), output == nil { throw ValidationError("name the output folder with -o") }
        if output?.isEmpty == true { throw ValidationError("-o names nothing: give a file or folder") }
        if let output, !split, format == "pdf", output.hasSuffix("/") {
            throw ValidationError("-o \(output) names a folder (it ends in /): name the PDF file, or add --split")
        }
        if output == nil, inputs.count > 1 { throw ValidationError("name the output file with -o when rendering several inputs") }
        if output == nil, shard != nil { throw ValidationError("name the output with -o when rendering a shard (each shard writes its own PDF)") }
        if let jobs, jobs < 1 || jobs > 64 { throw ValidationError("--jobs must be between 1 and 64") }
        guard CreationDate.isValid(date) else {
            throw ValidationError("--date must be a date such as \(CreationDate.forms), not \"\(date)\"")
        }
    }

    func run() throws {
        let interruption = Interruption()
        let fontconfig = Pending { try FontconfigCatalog() }
        defer { _ = try? fontconfig.value() }  // never return while it is still loading
        try run(fontconfig: fontconfig, interruption: interruption)
    }

    /// Refuses a run that would write over one of its inputs: the PDF, a --split file or a
    /// page named as an input is (the input would be lost, or read back as a PDF).
    private func checkOutputsSpareTheInputs(_ work: [Work], _ outputPath: String) throws {
        func check(_ output: String) throws {
            if inputs.contains(where: { sameFile($0, output) }) { throw ValidationError("the output \(output) is one of the inputs") }
        }
        try check(outputPath)
        if split || format != "pdf" { try NewFolders.checkNotAFile(outputPath) }  // before any form is read
        if format != "pdf" {
            for input in inputs where PageFolder.holdsAPage(named: input, folder: outputPath, fileExtension: format) {
                throw ValidationError("the input \(input) is named as a page of the output; move it out of \(outputPath)")
            }
        } else if split {
            for item in work { try check(outputPath + "/" + SplitFileNames.name(of: item)) }
        }
    }

    /// Renders, with fontconfig's catalog loading (or loaded) on another thread.
    func run(fontconfig: Pending<FontconfigCatalog>, interruption: Interruption) throws {
        try failing {
            var work = try formOptions.work(inputs)
            if split { try SplitFileNames.checkDistinct(work) }  // across all shards
            if let shard { work = Array(work[shard.slice(of: work.count)]) }
            let outputPath = output ?? defaultOutput()
            try checkOutputsSpareTheInputs(work, outputPath)
            guard !work.isEmpty else {
                // More shards than forms: the empty ones have nothing to do, which is no failure.
                return report("shard \(shard?.description ?? ""): none of the forms falls in it; nothing written")
            }
            // Threads pay for their own fonts and caches: worth it from a few dozen forms.
            let cores = jobs ?? ProcessInfo.processInfo.activeProcessorCount
            let threads = work.count < Self.formsPerThread ? 1 : max(1, min(cores, work.count / Self.formsPerThread))
            // A small batch keeps the forms the survey reads: typesetting then decodes none again.
            let survey = try formOptions.survey(work, threads: threads, gathersCharacters: true,
                                                keepsForms: work.count < Self.formsPerThread)
            if !split { try Self.checkOneNumbering(survey.layouts) }
            let context = RenderContext(fontsDirectory: fontOptions.fontsDirectory,
                                        allowMissingGlyphs: fontOptions.allowMissingGlyphs,
                                        debugOverlay: debugOverlay, strict: formOptions.strict, date: date,
                                        fontCompression: fontCompression ?? (split ? .fast : .small),
                                        layoutChoice: formOptions.layouts, catalog: try fontconfig.value(),
                                        layouts: survey.layouts, interruption: interruption,
                                        formsShareADocument: !split && work.count > 1, surveyedForms: survey.keptForms)
            let (typesetter, library) = try context.makeTypesetter()
            let progress = Progress(total: work.count, quiet: quiet || work.count < 2)
            // Said once the folder is made (a failed run makes none): --split added to a PDF's command?
            let namedLikeAPDF = (split || format != "pdf") && outputPath.lowercased().hasSuffix(".pdf")
                && !FileManager.default.fileExists(atPath: outputPath)
            defer {
                if namedLikeAPDF, FileManager.default.fileExists(atPath: outputPath) {
                    printError("warning: \(outputPath) is a folder (of \(split ? "PDF files, one per form" : "\(format.uppercased()) pages")), not a PDF")
                }
            }
            try interruption.startWriting()
            if format != "pdf" {
                let fonts = try EmbeddedFonts(.cutAhead(FontSubsets(survey.faceCharacters(in: library), for: .drawing)))
                try renderImages(work, outputPath, typesetter, fonts, progress, context)
            } else if split {
                try warnOfEarlierFiles(in: outputPath, besides: work)
                let folders = try NewFolders(making: outputPath)
                do {
                    try renderSplit(work, outputPath, threads: threads, FontSubsets(survey.faceCharacters(in: library), for: .embedding),
                                    (typesetter, library), progress, context)
                } catch {
                    folders.removeEmpty()  // left empty by the failure
                    throw error
                }
                report("\(outputPath): \(work.count) PDF file(s)")
            } else {
                let fonts = try EmbeddedFonts(.cutAhead(FontSubsets(survey.faceCharacters(in: library), for: .embedding)))
                let pages = try renderOne(work, outputPath, threads: threads, (typesetter, library, fonts), survey.summary, progress, context)
                report("\(outputPath): \(work.count) form(s), \(pages) page(s)")
            }
        }
    }

    /// Says (before writing) what PDF files of an earlier, longer run this one leaves in the
    /// folder; with --strict, that is an error. A slice of a sharded run says nothing: the other
    /// slices' files are expected there.
    private func warnOfEarlierFiles(in folder: String, besides work: [Work]) throws {
        guard shard == nil else { return }
        let earlier = SplitFileNames.leftovers(in: folder, besides: work)
        guard let first = earlier.first else { return }
        printError("warning: \(folder): \(earlier.count) PDF file(s) of an earlier run will remain beside this run's (\(first) …)")
        if formOptions.strict { throw InputError.strict(1, warningsAbout: folder) }
    }

    /// One PDF, or one folder of pages, is numbered one way: its forms' layouts must all number
    /// per form or all across the document (mixed, pages came out numbered twice, or not at all).
    static func checkOneNumbering(_ layouts: [String: LayoutSpec]) throws {
        let specs = layouts.sorted { $0.key < $1.key }.map(\.value)
        let across = specs.filter { $0.page.numbering == "document" }
        guard let whole = across.first else { return }
        if let perForm = specs.first(where: { $0.page.numbering == "form" }) {
            throw InputError(file: whole.file, problem: "page.numbering: numbers pages across the document, and \(perForm.file) "
                + "per form: their forms cannot share one PDF (render them apart, or with --split)")
        }
        // One count runs over every page, set as the first form's layout sets its numbers.
        if let other = try across.first(where: { try FormTypesetter.pageSpec($0) != FormTypesetter.pageSpec(whole) }) {
            throw InputError(file: other.file, problem: "page: numbers pages across the document as \(whole.file) does, but "
                + "on another page (orientation, margins, pageNumbers or the pageNumber style): their forms cannot share one PDF "
                + "(render them apart, or with --split)")
        }
    }

    func report(_ line: String) { if !quiet { printError(line) } }

    private func defaultOutput() -> String {
        Self.stem(inputs[0]) + ".pdf"
    }

    static func stem(_ file: String) -> String {
        URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    }
}

/// --font-compression small|fast.
extension FontCompression: ExpressibleByArgument {}
