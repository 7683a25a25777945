import ArgumentParser
import CairoBackend
import FormLayouts
import Fonts
import Forms
import Foundation
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

    @Flag(name: .shortAndLong, help: "No progress or summary on stderr.")
    var quiet = false

    func validate() throws {
        guard ["pdf", "png", "svg"].contains(format) else { throw ValidationError("--format must be pdf, png or svg") }
        guard dpi >= 10, dpi <= 1200 else { throw ValidationError("--dpi must be between 10 and 1200") }
        if split, format != "pdf" { throw ValidationError("--split goes with PDF output") }
        if (split || format != "pdf"), output == nil { throw ValidationError("name the output folder with -o") }
        if output == nil, inputs.count > 1 { throw ValidationError("name the output file with -o when rendering several inputs") }
    }

    func run() throws {
        try failing {
            let files = try formOptions.jobs(inputs)
            let jobs = files.flatMap(\.jobs)
            let outputPath = output ?? defaultOutput()
            if inputs.contains(where: { samePath($0, outputPath) }) {
                throw ValidationError("the output \(outputPath) is one of the inputs")
            }
            let library = try FontLibrary(fontsDirectory: fontOptions.fontsDirectory)
            let text = try TextEngine(fonts: library, missingGlyphPolicy: fontOptions.allowMissingGlyphs ? .drawBox : .error)
            let typesetter = FormTypesetter(engine: TableLayoutEngine(text: text),
                                            options: TableLayoutOptions(debugOverlay: debugOverlay))
            let progress = Progress(total: jobs.count, quiet: quiet || jobs.count < 2)
            if format == "pdf" {
                // One cut of each face serves the whole batch: every form is drawn as soon as it is set.
                var characters = Set<Unicode.Scalar>()
                for (file, fileJobs) in files {
                    for job in fileJobs { characters.formUnion(try naming(file) { try typesetter.characters(of: job) }) }
                }
                let fonts = try EmbeddedFonts(.covering(characters))
                if split {
                    try renderSplit(files, outputPath, typesetter, fonts, progress)
                } else {
                    try renderOne(files, outputPath, typesetter, fonts, progress)
                }
            } else {
                try renderImages(files, outputPath, typesetter, progress)
            }
            for warning in library.warnings { printError("warning: \(warning)") }
        }
    }

    /// One PDF for all forms, a bookmark each.
    private func renderOne(_ files: [(file: String, jobs: [FormJob])], _ path: String, _ typesetter: FormTypesetter,
                           _ fonts: EmbeddedFonts, _ progress: Progress) throws {
        let jobs = files.flatMap(\.jobs)
        let info = typesetter.info(jobs.map(\.form), creationDate: date)
        let stream = try PDFStream(path: path, info: info, fonts: fonts)
        // A document numbered as a whole needs all its pages before the first is drawn.
        let numbersWhole = jobs.first?.layout.page.numbering == "document"
        var held: [Page] = []
        var heldMarks: [Bookmark] = []
        var index = 0
        for (file, fileJobs) in files {
            for job in fileJobs {
                index += 1
                progress.step(index, job.form.name)
                let pages = try typeset(job, file, typesetter)
                if numbersWhole {
                    heldMarks.append(Bookmark(title: job.form.name, pageIndex: held.count))
                    held += pages
                } else {
                    try stream.add(pages, bookmarks: [Bookmark(title: job.form.name, pageIndex: 0)])
                }
            }
        }
        if numbersWhole, let first = jobs.first {
            try typesetter.numberAcrossDocument(&held, layout: first.layout)
            try stream.add(held, bookmarks: heldMarks)
        }
        try stream.finish()
        report("\(path): \(jobs.count) form(s), \(stream.pageCount) page(s)")
    }

    /// One PDF per form, named after its file and position: NAME-001.pdf …
    private func renderSplit(_ files: [(file: String, jobs: [FormJob])], _ folder: String, _ typesetter: FormTypesetter,
                             _ fonts: EmbeddedFonts, _ progress: Progress) throws {
        try makeFolder(folder)
        var index = 0
        for (file, fileJobs) in files {
            for job in fileJobs {
                index += 1
                progress.step(index, job.form.name)
                let pages = try typeset(job, file, typesetter)
                let name = stem(file) + "-" + String(format: "%03d", job.index + 1) + ".pdf"
                let stream = try PDFStream(path: (folder as NSString).appendingPathComponent(name),
                                           info: typesetter.info([job.form], creationDate: date), fonts: fonts)
                try stream.add(pages, bookmarks: [Bookmark(title: job.form.name, pageIndex: 0)])
                try stream.finish()
            }
        }
        report("\(folder): \(index) PDF file(s)")
    }

    /// PNG or SVG pages, page-001.png …
    private func renderImages(_ files: [(file: String, jobs: [FormJob])], _ folder: String, _ typesetter: FormTypesetter,
                              _ progress: Progress) throws {
        try makeFolder(folder)
        let renderer = CairoRenderer()
        var pages: [Page] = []
        var index = 0
        for (file, fileJobs) in files {
            for job in fileJobs {
                index += 1
                progress.step(index, job.form.name)
                pages += try typeset(job, file, typesetter)
            }
        }
        if let first = files.first?.jobs.first { try typesetter.numberAcrossDocument(&pages, layout: first.layout) }
        for (i, page) in pages.enumerated() {
            if format == "png" {
                try renderer.writePNG(page, dpi: dpi, to: pagePath(folder, i, "png"))
            } else {
                try renderer.writeSVG(page, to: pagePath(folder, i, "svg"))
            }
        }
        report("\(folder): \(index) form(s), \(pages.count) page(s)")
    }

    /// A form's pages; its warnings printed (and fatal with --strict).
    private func typeset(_ job: FormJob, _ file: String, _ typesetter: FormTypesetter) throws -> [Page] {
        var warnings: [String] = []
        let pages = try naming(file) { try typesetter.pages(of: job, warnings: &warnings) }
        try warn(warnings, file)
        return pages
    }

    private func report(_ line: String) { if !quiet { printError(line) } }

    /// Warnings are printed even with --quiet; with --strict they stop the run.
    private func warn(_ warnings: [String], _ file: String) throws {
        for warning in warnings { printError("warning: \(file): \(warning)") }
        if formOptions.strict, !warnings.isEmpty {
            throw InputError(file: file, problem: "\(warnings.count) warning(s), and --strict is on")
        }
    }

    private func defaultOutput() -> String {
        stem(inputs[0]) + ".pdf"
    }

    private func stem(_ file: String) -> String {
        ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    private func pagePath(_ folder: String, _ index: Int, _ ext: String) -> String {
        (folder as NSString).appendingPathComponent(String(format: "page-%03d.", index + 1) + ext)
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
struct Progress {
    let total: Int
    let quiet: Bool
    func step(_ index: Int, _ name: String) {
        guard !quiet else { return }
        printError("[\(index)/\(total)] \(name)")
    }
}
