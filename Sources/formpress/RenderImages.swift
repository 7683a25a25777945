import CairoBackend
import FormLayouts
import Frames

/// `formpress render --format png|svg`: a folder of pages.
extension RenderCommand {
    /// PNG or SVG pages, page-001.png … (see `PageFolder`), written form by form as each is
    /// typeset, unless the layout numbers pages across the whole document, which needs them all
    /// first.
    func renderImages(_ work: [Work], _ folderPath: String, _ typesetter: FormTypesetter, _ fonts: EmbeddedFonts,
                      _ progress: Progress, _ context: RenderContext) throws {
        var folder = try PageFolder(target: folderPath, fileExtension: format)
        let renderer = CairoRenderer()
        func write(_ pages: [Page]) throws {
            for page in pages {
                try context.interruption.check()
                if format == "png" {
                    try renderer.writePNG(page, dpi: dpi, to: folder.nextPage(), fonts: fonts)
                } else {
                    try renderer.writeSVG(page, to: folder.nextPage(), fonts: fonts)
                }
            }
        }
        do {
            let first = try context.job(work[0], at: 0)
            var held: [Page] = []
            for (index, item) in work.enumerated() {
                try context.interruption.check()
                let form = try context.typeset(item, at: index, typesetter, known: index == 0 ? first : nil)
                progress.step(index + 1, form.name)
                if first.layout.page.numbering == "document" { held += form.pages } else { try write(form.pages) }
            }
            if !held.isEmpty {
                try typesetter.numberAcrossDocument(&held, layout: first.layout)
                try write(held)
            }
            try context.interruption.check()
            try folder.commit()
        } catch {
            folder.abort()
            throw error
        }
        report("\(folderPath): \(work.count) form(s), \(folder.count) page(s)")
    }
}
