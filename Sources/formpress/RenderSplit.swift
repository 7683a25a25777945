import CairoBackend
import FormLayouts
import Fonts
import Frames

/// `formpress render --split`: one PDF per form, rendered on every core.
extension RenderCommand {
    /// One PDF per form, named after its file and position (see `SplitFileNames`). Alone, this
    /// thread renders with its own typesetter; each helper takes a few forms at a time and
    /// renders them with fonts and caches of its own. A form that fails to typeset (a character
    /// no font has, say, which the survey does not look for) stops the run, and the files it
    /// has written are removed: none is left behind. (Moving all files into place at the end
    /// instead, which would keep an earlier run's files whole, made 1,000 files 12% slower:
    /// fresh folders, alternating runs.)
    func renderSplit(_ work: [Work], _ folder: String, threads: Int, _ subsets: FontSubsets,
                     _ own: (typesetter: FormTypesetter, library: FontLibrary),
                     _ progress: Progress, _ context: RenderContext) throws {
        let written = WrittenFiles()
        do {
            if threads > 1 {
                let queue = ChunkQueue(count: work.count)
                _ = try onThreads(threads) { part in
                    let (typesetter, library) = try context.makeTypesetter()
                    let fonts = try EmbeddedFonts(.cutAhead(subsets))
                    queue.drain { written.add(try Self.renderFile(work[$0], at: $0, folder, typesetter, fonts, progress, context)) }
                    if part == 0 { for warning in library.warnings { printError("warning: \(warning)") } }
                }
                try queue.check()
            } else {
                let fonts = try EmbeddedFonts(.cutAhead(subsets))
                for (position, item) in work.enumerated() {
                    written.add(try Self.renderFile(item, at: position, folder, own.typesetter, fonts, progress, context))
                }
                for warning in own.library.warnings { printError("warning: \(warning)") }
            }
        } catch {
            written.removeAll()
            throw error
        }
    }

    /// The PDF of the form `item`, the `position`-th of the batch; returns its path.
    static func renderFile(_ item: Work, at position: Int, _ folder: String, _ typesetter: FormTypesetter,
                           _ fonts: EmbeddedFonts, _ progress: Progress, _ context: RenderContext) throws -> String {
        try context.interruption.check()
        let form = try context.typeset(item, at: position, typesetter)
        var pages = form.pages
        try typesetter.numberAcrossDocument(&pages, layout: form.job.layout)  // each file is a document
        let path = folder + "/" + SplitFileNames.name(of: item)
        let stream = try PDFStream(path: path, info: typesetter.info(of: form.job.form, creationDate: context.date),
                                   fonts: fonts, fontCompression: context.fontCompression)
        try form.drawn { try stream.add(pages, bookmarks: [Bookmark(title: form.name, pageIndex: 0)]) }
        try stream.finish()
        progress.advance(form.name)
        return path
    }
}
