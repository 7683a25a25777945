import FoundationEssentials

/// The files of `--split`: one per form, named after its input file and position
/// (NAME-001.pdf …), the same whatever the shard.
enum SplitFileNames {
    /// The file name of `item`'s PDF. Numbers have at least three digits, and as many as the
    /// input's last form needs, so that the names sort in the order of the forms.
    static func name(of item: Work) -> String {
        let width = max(3, String(item.source.count).count)
        return RenderCommand.stem(item.file) + "-" + zeroPadded(item.index + 1, width) + ".pdf"
    }

    /// Refuses a batch in which two forms would be written under one name (two inputs of the
    /// same name from different folders, or one input given twice): the second would replace
    /// the first without a word.
    static func checkDistinct(_ work: [Work]) throws {
        var firstWith: [String: Work] = [:]
        for item in work {
            let name = name(of: item)
            if let first = firstWith[name] {
                throw InputError(file: item.file, problem: sameFile(first.file, item.file)
                    ? "is given twice: with --split its forms would be written twice to the same files"
                    : "with --split, its forms and those of \(first.file) would be written to the same files (\(name)); give the inputs different names")
            }
            firstWith[name] = item
        }
    }

    /// Files in `folder` named as this batch's inputs name theirs (NAME-012.pdf) that the batch
    /// did not write: an earlier run's, of a longer batch. They are not removed (they may be
    /// another slice's), but the run says so.
    static func leftovers(in folder: String, besides work: [Work]) -> [String] {
        let written = Set(work.map(name(of:)))
        let stems = Set(work.map { RenderCommand.stem($0.file) + "-" })
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { file in
            // The longest stem that fits (a-b-023.pdf is a-b's, not a's).
            guard file.hasSuffix(".pdf"), !written.contains(file),
                  let stem = stems.filter({ file.hasPrefix($0) }).max(by: { $0.count < $1.count }) else { return false }
            let number = file.dropFirst(stem.count).dropLast(4)
            return number.count >= 3 && number.allSatisfy { $0.isASCII && $0.isNumber }
        }.sorted()
    }
}
