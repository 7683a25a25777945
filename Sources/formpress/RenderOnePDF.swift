import CairoBackend
import FormLayouts
import Fonts
import Frames
import Threads

/// `formpress render` into one PDF: the forms typeset (ahead, on helper threads, in a big
/// batch) and drawn in order.
extension RenderCommand {
    /// One PDF for all forms, a bookmark each. From 32 forms, helper threads typeset ahead while
    /// this thread draws in order (as many threads in all as the batch's, and at least one
    /// helper) and typesets forms itself rather than wait for the next. Below that, the other
    /// cores are better left to the font cuts, which the first page waits for: with a helper,
    /// 10 forms were no faster or 3.5 ms slower and 22 forms 3.5–5.2 ms slower (alternating runs
    /// in several sessions). Returns the number of pages.
    func renderOne(_ work: [Work], _ path: String, threads: Int,
                   _ tools: (typesetter: FormTypesetter, library: FontLibrary, fonts: EmbeddedFonts),
                   _ summary: FormsSummary, _ progress: Progress, _ context: RenderContext) throws -> Int {
        let typesetter = tools.typesetter
        defer { for warning in tools.library.warnings { printError("warning: \(warning)") } }
        let first = try context.job(work[0], at: 0)
        /// Form `index` typeset (the first, already read for the document's metadata, not read again).
        func typeset(_ index: Int, _ typesetter: FormTypesetter) throws -> TypesetForm {
            try context.typeset(work[index], at: index, typesetter, known: index == 0 ? first : nil)
        }
        let info = work.count == 1 ? typesetter.info(of: first.form, creationDate: context.date)
            : typesetter.info(of: summary, creationDate: context.date)
        let stream = try PDFStream(path: path, info: info,
                                   fonts: tools.fonts, fontCompression: context.fontCompression)
        // A document numbered as a whole needs all its pages before the first is drawn.
        if first.layout.page.numbering == "document" {
            var forms: [TypesetForm] = []
            for index in work.indices {
                try context.interruption.check()
                forms.append(try typeset(index, typesetter))
                progress.step(index + 1, forms[index].name)
            }
            var pages = forms.flatMap(\.pages)
            try typesetter.numberAcrossDocument(&pages, layout: first.layout)
            var start = 0
            for form in forms {
                try context.interruption.check()
                let end = start + form.pages.count
                try form.drawn { try stream.add(Array(pages[start..<end]), bookmarks: [Bookmark(title: form.name, pageIndex: 0)]) }
                start = end
            }
        } else {
            let helpers = jobs == 1 || work.count < Self.formsPerThread ? 0 : max(1, threads - 1)
            let handoff = OrderedHandoff<TypesetForm>(count: work.count, window: 8 * max(1, helpers))
            /// Form `index` typeset with `own` (or the failure to make it), handed to the drawing.
            func hand(_ index: Int, typesetWith own: Result<FormTypesetter, Error>) {
                handoff.put(index, own.flatMap { typesetter in Result { try typeset(index, typesetter) } })
            }
            // The first helper typesets with this thread's typesetter, which this thread then
            // leaves alone; the others make their own.
            let typesetting = (0..<helpers).map { helper in
                Pending {
                    let own = helper == 0 ? .success(typesetter) : Result { try context.makeTypesetter().typesetter }
                    while let index = handoff.claim() { hand(index, typesetWith: own) }
                }
            }
            // Rather than wait for the next form, this thread typesets one (that one, if no helper
            // has taken it, or a later one), with a typesetter of its own made when first needed.
            var mine: Result<FormTypesetter, Error>?
            func typesetMeanwhile(_ index: Int) {
                let own = mine ?? Result { try context.makeTypesetter().typesetter }
                mine = own
                hand(index, typesetWith: own)
            }
            defer {
                handoff.cancel()
                for helper in typesetting { _ = try? helper.value() }  // none outlives this call
            }
            // Alone, this thread typesets the first forms before drawing any: the first page
            // drawn waits for the fonts, which are being cut meanwhile on another core.
            let ahead = helpers > 0 ? [] : try work.indices.prefix(Self.formsPerThread).map { try typeset($0, typesetter) }
            for index in work.indices {
                try context.interruption.check()
                let form = helpers > 0 ? try handoff.take(index, makingMeanwhile: typesetMeanwhile)
                    : index < ahead.count ? ahead[index] : try typeset(index, typesetter)
                progress.step(index + 1, form.name)
                try form.drawn { try stream.add(form.pages, bookmarks: [Bookmark(title: form.name, pageIndex: 0)]) }
            }
        }
        try context.interruption.check()
        try stream.finish()
        return stream.pageCount
    }
}
