import Fonts
import FormLayouts
import Forms
import Frames

/// A first pass over a batch, holding one form per thread at a time: every form is read and
/// paired with its layout (so a bad form stops the run before anything is written; what only
/// typesetting finds stops it later, and `--split` then removes the files it wrote), its
/// warnings are gathered, identical forms found, and the characters each face will print
/// noted (so fonts are cut ahead of drawing). Drawing reads each form again, unless the survey
/// was asked to keep the forms it read (a small batch: see `keptForms`).
struct BatchSurvey: Sendable {
    /// Every layout the forms use, by the name they use it by.
    var layouts: [String: LayoutSpec] = [:]
    /// What the forms share, for the metadata of a PDF of them all.
    private(set) var summary = FormsSummary()
    /// The characters each chain of faces will print (when gathered).
    private var characters = ChainCharacters()
    /// Warnings, each under the position (in the batch) of its form.
    private var warnings: [(at: Int, message: String)] = []
    private var fingerprints: [(hash: Int, at: Int)] = []
    /// The forms read, each with its position in the batch (when asked to keep them).
    private var kept: [(at: Int, job: FormJob)] = []

    /// Surveys `work` on `threads` threads, gathering the characters it prints if asked to
    /// (gathering needs no fonts; settling which face prints each character does), and keeping
    /// the forms it reads if asked to (memory then grows with the batch).
    static func run(_ work: [Work], _ choice: LayoutChoice, threads: Int, gathersCharacters: Bool,
                    keepsForms: Bool = false) throws -> BatchSurvey {
        var result: BatchSurvey
        if threads > 1 {
            let queue = ChunkQueue(count: work.count)
            let surveys = try onThreads(threads) { _ in
                var survey = BatchSurvey()
                queue.drain { try survey.add(work[$0], at: $0, choice, gathersCharacters, keepsForms) }
                return survey
            }
            try queue.check()
            result = surveys.dropFirst().reduce(into: surveys[0]) { $0.merge($1) }
        } else {
            result = BatchSurvey()
            for at in work.indices { try result.add(work[at], at: at, choice, gathersCharacters, keepsForms) }
        }
        return result
    }

    /// The characters each face will print, once fonts settle which face prints each.
    func faceCharacters(in fonts: FontLibrary) throws -> [FaceRef: Set<Unicode.Scalar>] {
        try characters.faces(in: fonts)
    }

    /// The forms read, in the order of the batch, if the survey was asked to keep them (else
    /// none): drawing a small batch then decodes each form once, not twice (a form of the 22
    /// project forms takes about 460,000 instructions to decode).
    var keptForms: [FormJob] { kept.sorted { $0.at < $1.at }.map(\.job) }

    /// Surveys the form `item`, the `at`-th of the batch.
    private mutating func add(_ item: Work, at: Int, _ choice: LayoutChoice, _ gathersCharacters: Bool,
                              _ keepsForms: Bool) throws {
        let job = try item.job(choice, loaded: layouts)
        if keepsForms { kept.append((at, job)) }
        layouts[choice.name(of: job.form, in: item.source)] = job.layout
        if gathersCharacters {
            try naming(item.file) { try FormTypesetter.gatherCharacters(of: job, into: &characters) }
        }
        warnings += FormChecks.warnings(for: job.form, at: item.path).map { (at, "\(item.file): \($0)") }
        fingerprints.append((job.form.hashValue, at))
        summary.add(job.form)
    }

    private mutating func merge(_ other: BatchSurvey) {
        layouts.merge(other.layouts) { mine, _ in mine }
        characters.formUnion(other.characters)
        warnings += other.warnings
        fingerprints += other.fingerprints
        kept += other.kept
        summary.merge(other.summary)
    }

    /// The warnings in the order of the forms, then the identical forms (read again to be sure).
    func allWarnings(_ work: [Work]) throws -> [String] {
        var duplicates: [(at: Int, message: String)] = []
        var givenAgain: Set<String> = []
        for group in Dictionary(grouping: fingerprints, by: \.hash).values where group.count > 1 {
            let positions = group.map(\.at).sorted()
            var distinct: [(at: Int, form: Form)] = []
            for at in positions {
                let form = try work[at].source.form(at: work[at].index)
                if let first = distinct.first(where: { $0.form == form }) {
                    let (a, b) = (work[first.at], work[at])
                    if a.index == b.index, sameFile(a.file, b.file) {
                        // One input given twice: said once, not once per form.
                        if givenAgain.insert(b.file).inserted { duplicates.append((at, "\(b.file) is given more than once: its forms print again")) }
                    } else {
                        duplicates.append((at, "\(Self.position(a)) and \(Self.position(b)) are identical forms"))
                    }
                } else {
                    distinct.append((at, form))
                }
            }
        }
        var said: Set<String> = []  // the pairs of a file given twice are the same pairs
        return (warnings.sorted { $0.at < $1.at } + duplicates.sorted { $0.at < $1.at }).map(\.message).filter { said.insert($0).inserted }
    }

    /// Where a form is: its JSON path (counted from 0), and its place as progress and --split
    /// count it (from 1), so that neither is taken for the other.
    private static func position(_ item: Work) -> String {
        "\(item.file) " + (item.path.isEmpty ? "(form)" : "\(item.path) (form \(item.index + 1) of \(item.source.count))")
    }
}
