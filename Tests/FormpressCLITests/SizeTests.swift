import Foundation
import TestSupport
import Testing

/// Big inputs render, with progress and with memory that does not grow with the batch.
/// FORMPRESS_LONG_TESTS=1 runs the full sizes of the issue (5,000 forms).
@Suite(.serialized) struct SizeTests {
    let folder: String
    init() throws { folder = try temporaryFolder("sizes") }

    static let long = ProcessInfo.processInfo.environment["FORMPRESS_LONG_TESTS"] != nil

    /// The project example's forms, repeated to `count`, each named apart.
    func batch(_ count: Int, change: ([String: Any]) -> [String: Any] = { $0 }) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: cliRepository + "/Examples/dongkeng-2024-projects.json"))
        guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let forms = object["forms"] as? [[String: Any]] else { throw CocoaError(.fileReadCorruptFile) }
        object["forms"] = (0..<count).map { i -> [String: Any] in
            var form = change(forms[i % forms.count])
            form["projectName"] = "\(form["projectName"] ?? "")（第\(i + 1)项）"
            return form
        }
        let path = "\(folder)/batch-\(count)-\(UUID().uuidString.prefix(4)).json"
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Ctrl-C or a job runner's SIGTERM part-way through the writing: the run cleans up as a
    /// failed one does (no file of the batch, no hidden temporary file) and exits with 128 + the
    /// signal.
    @Test(arguments: [(SIGINT, ["--split", "--jobs", "1"]), (SIGTERM, ["--split", "--jobs", "2"]), (SIGTERM, ["--jobs", "1"]),
                      (SIGINT, ["--format", "png", "--dpi", "10"])])
    func anInterruptedRunLeavesNothing(_ signal: Int32, _ extra: [String]) throws {
        let input = try batch(600)
        let output = folder + "/interrupted-\(signal)-\(extra.joined())"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: formpressExecutable)
        process.arguments = ["render", input, "-o", extra.contains("--split") || extra.contains("png") ? output : output + ".pdf", "-q"] + extra
        process.currentDirectoryURL = URL(fileURLWithPath: cliRepository)
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Interrupt once something is written: a split file, a page, or what cairo has drawn of
        // the one PDF so far, spilled from memory into a hidden file beside it past 512 KB.
        func somethingWritten() -> Bool {
            (FileManager.default.subpaths(atPath: folder) ?? []).contains { path in
                path.hasSuffix(".png") || path.hasSuffix(".cairo") || (path.contains("/") && path.hasSuffix(".pdf"))
            }
        }
        let started = Date()
        while process.isRunning, Date().timeIntervalSince(started) < 60, !somethingWritten() { usleep(2_000) }
        #expect(process.isRunning, "the run ended before it could be interrupted")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasSuffix(".json") }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    /// Before anything is written a signal ends the run at once, even one waiting for its input
    /// (here a pipe no one writes to).
    @Test func aSignalBeforeWritingEndsTheRunAtOnce() throws {
        let pipe = folder + "/waiting.json"
        #expect(mkfifo(pipe, 0o644) == 0)
        defer { unlink(pipe) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: formpressExecutable)
        process.arguments = ["render", pipe, "-o", folder + "/waiting.pdf"]
        process.currentDirectoryURL = URL(fileURLWithPath: cliRepository)
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(300_000)
        kill(process.processIdentifier, SIGTERM)
        let sent = Date()
        while process.isRunning, Date().timeIntervalSince(sent) < 10 { usleep(10_000) }
        #expect(!process.isRunning, "still waiting 10 s after SIGTERM")
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGTERM)
    }

    @Test func twoThousandIndicatorRowsRender() throws {
        let input = try batch(1) { form in
            var form = form
            let row: [String: Any] = ["name": "党员参与率", "values": ["≥90%", "≥90%"]]
            let level2 = (0..<20).map { j in ["name": "数量指标\(j + 1)", "children": Array(repeating: row, count: 100)] as [String: Any] }
            form["indicators"] = [["name": "产出指标", "children": level2]]
            return form
        }
        let run = try formpress(["render", input, "-o", folder + "/rows.pdf"])
        #expect(run.status == 0, "\(run.stderr)")
        let pages = Int(try Poppler.info(of: folder + "/rows.pdf")["Pages"] ?? "") ?? 0
        #expect(pages > 40)
    }

    @Test func aCellOfFiftyThousandCharactersRenders() throws {
        let paragraph = "根据各工作需要，用于教育培训党员、入党积极分子、发展对象和党务工作者；订阅或购买用于开展党员教育的报刊、资料、音像制品和设备。"
        let text = String(String(repeating: paragraph, count: 50_000 / paragraph.count + 1).prefix(50_000))
        let input = try batch(1) { form in
            var form = form
            form["periodGoal"] = [text]
            return form
        }
        let run = try formpress(["render", input, "-o", folder + "/long.pdf"])
        #expect(run.status == 0, "\(run.stderr)")
        // Read back in drawing order, without the page footers and the 总体绩效目标 label that is
        // drawn again beside the text on every page it continues on.
        let read = try Poppler.text(of: folder + "/long.pdf")
            .replacingOccurrences(of: #"第 \d+ 页 共 \d+ 页"#, with: "", options: .regularExpression)
            .withoutWhitespace.replacingOccurrences(of: "总体绩效目标", with: "")
        #expect(read.contains(text.withoutWhitespace))
        let pages = Int(try Poppler.info(of: folder + "/long.pdf")["Pages"] ?? "") ?? 0
        #expect(pages >= 10)
    }

    @Test func aBatchStreamsWithFlatMemoryAndShowsProgress() throws {
        let small = try batch(60), large = try batch(Self.long ? 5000 : 600)
        let a = try peakMemory(["render", small, "-o", folder + "/small.pdf"])
        let b = try peakMemory(["render", large, "-o", folder + "/large.pdf"])
        #expect(a.run.status == 0 && b.run.status == 0, "\(a.run.stderr.suffix(300)) \(b.run.stderr.suffix(300))")
        #expect(b.run.stderr.contains(Self.long ? "[5000/5000]" : "[600/600]"))
        // Ten times the forms, and memory grows by no more than a quarter.
        #expect(b.kilobytes < a.kilobytes * 5 / 4, "60 forms: \(a.kilobytes) KB, large batch: \(b.kilobytes) KB")
        let pages = Int(try Poppler.info(of: folder + "/large.pdf")["Pages"] ?? "") ?? 0
        #expect(pages == (Self.long ? 5000 : 600))
    }
}
