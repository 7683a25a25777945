import Foundation
import TestSupport
import Testing

/// Every kind of bad input ends in one clear line naming the file (and JSON path), exit 1,
/// and no output file.
@Suite struct BadInputTests {
    let folder: String
    init() throws { folder = try temporaryFolder("bad-input") }

    var output: String { folder + "/out.pdf" }

    /// Writes `text` as an input file and renders it; checks exit 1 and that nothing was written.
    func failing(_ text: String, name: String = "in.json", extra: [String] = []) throws -> String {
        let input = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: input))
        return try failingRun(["render", input, "-o", output] + extra)
    }

    func failingRun(_ arguments: [String]) throws -> String {
        let run = try formpress(arguments)
        #expect(run.status == 1, "exit \(run.status): \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.allSatisfy { $0.hasSuffix(".json") }, "stray files: \(files)")
        return run.stderr
    }

    /// The project example, changed.
    func project(_ change: (inout [String: Any]) -> Void) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: cliRepository + "/Examples/dongkeng-2024-projects.json"))
        var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        change(&object)
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    func firstForm(_ change: @escaping (inout [String: Any]) -> Void) throws -> String {
        try project { object in
            var forms = object["forms"] as? [[String: Any]] ?? []
            change(&forms[0])
            object["forms"] = Array(forms.prefix(2))
        }
    }

    @Test func notJsonTruncatedEmptyAndBinaryGiveLineAndColumn() throws {
        #expect(try failing("form: 项目").contains("in.json: not valid JSON: line 1, column 1: expected a value"))
        #expect(try failing("{\"form\": \"项目\",\n  \"forms\": [").contains("in.json: not valid JSON: line 2, column 13: unexpected end of file"))
        #expect(try failing("").contains("in.json: not valid JSON: the file is empty"))
        let binary = folder + "/in.json"
        try Data([0x25, 0x50, 0x44, 0x46, 0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: binary))
        #expect(try failingRun(["render", binary, "-o", output]).contains("line 1, column 5: not UTF-8 text"))
    }

    @Test func deepNestingIsRefusedNotCrashed() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(try failing("{\"form\": \"项目\", \"forms\": \(deep)}").contains("nested more than 64 levels deep"))
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let input = folder + "/bom.json"
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(try Data(contentsOf: URL(fileURLWithPath: cliRepository + "/Examples/dongguan-jiguan-2023.json")))
        try data.write(to: URL(fileURLWithPath: input))
        let run = try formpress(["render", input, "-o", output])
        #expect(run.status == 0, "\(run.stderr)")
        try FileManager.default.removeItem(atPath: output)
    }

    @Test func fieldsThatAreWrongNameTheirPath() throws {
        #expect(try failing(try firstForm { $0["budgetAmount"] = ["517200"] })
            .contains("in.json: forms[0].budgetAmount: expected a figure (a number, or a text in quotes)"))
        #expect(try failing(try firstForm { $0["spendingUnit"] = 1 })
            .contains("in.json: forms[0].spendingUnit: expected a text (a string in quotes)"))
        #expect(try failing(try firstForm { $0.removeValue(forKey: "spendingUnit") })
            .contains("in.json: forms[0].spendingUnit: missing (required)"))
        #expect(try failing(try firstForm { $0["projectName"] = "" })
            .contains("in.json: forms[0].projectName: must not be empty"))
        #expect(try failing(try firstForm { $0["projectName"] = "\u{200B}\u{00AD} " })  // invisible: prints nothing
            .contains("in.json: forms[0].projectName: must not be empty"))
        #expect(try failing(try firstForm { $0["annualGoals"] = $0["annualGoal"] })
            .contains("forms[0].annualGoals: unknown key \"annualGoals\" (did you mean \"annualGoal\"?)"))
        #expect(try failing(try project { $0["form"] = "县级项目" })
            .contains("in.json: form: unknown form type \"县级项目\""))
        // A value quoted in a message keeps it on one line and out of the terminal's control.
        let quoted = try failing(try project { $0["form"] = "项目\n\u{1B}[2J" })
        #expect(quoted.contains(#"in.json: form: unknown form type "项目\n\u{1B}[2J""#), "\(quoted)")
        #expect(quoted.split(separator: "\n").count == 1)
    }

    @Test func aKeyWrittenTwiceIsRefused() throws {
        let inForm = try project { _ in }.replacingOccurrences(of: "\"projectName\":", with: "\"projectName\": \"前\", \"projectName\":")
        #expect(try failing(inForm).contains("in.json: forms[0].projectName: written twice (one value would be lost)"))
    }

    /// Threads share out a batch's forms a few at a time; whichever finds a bad form first, the
    /// earliest bad form is the one named.
    @Test func inABatchOnSeveralThreadsTheEarliestBadFormIsNamed() throws {
        let text = try project { object in
            let forms = object["forms"] as? [[String: Any]] ?? []
            var batch = (0..<200).map { index in
                var form = forms[index % forms.count]
                form["projectName"] = "项目\(index)"
                return form
            }
            batch[150]["title"] = 1
            batch[101]["title"] = 2
            batch[177]["title"] = 3
            object["forms"] = batch
        }
        for extra in [["--jobs", "2"], ["--jobs", "2", "--split"]] {
            let message = try failing(text, extra: extra)
            #expect(message.contains("in.json: forms[101].title: expected a text"), "\(extra): \(message)")
        }
    }

    /// From 32 forms a helper thread typesets while this one draws: a form that cannot be
    /// typeset stops the drawing at that form, with nothing written, with or without the helper.
    /// With `--split`, the files of the forms before it are not left behind either (on one
    /// thread and on two, from 64 forms).
    @Test func aFormThatCannotBeTypesetIsNamed() throws {
        for count in [10, 40, 70] {
            let text = try project { object in
                let forms = object["forms"] as? [[String: Any]] ?? []
                var batch = (0..<count).map { forms[$0 % forms.count] }
                batch[26 % count]["projectType"] = "其他特定目标类😀"
                object["forms"] = batch
            }
            let modes = count == 70 ? [["--split"]] : [[], ["--jobs", "1"], ["--split"]]
            for extra in modes {
                let message = try failing(text, extra: extra)
                #expect(message.contains("in.json: forms[\(26 % count)].projectType: no font has the character U+1F600"),
                        "\(count) forms \(extra): \(message)")
            }
        }
    }

    /// Parts of a form that the chosen layout does not print are refused, not dropped.
    @Test func fieldsTheLayoutDoesNotPrintAreRefused() throws {
        func example(_ name: String, _ change: (inout [String: Any]) -> Void = { _ in }) throws -> String {
            let data = try Data(contentsOf: URL(fileURLWithPath: cliRepository + "/Examples/\(name).json"))
            var form = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            change(&form)
            return String(decoding: try JSONSerialization.data(withJSONObject: form), as: UTF8.self)
        }
        // 部门整体 prints neither a 批复单位 nor notes.
        let unit = try failing(try example("houjie-2026-approval"), extra: ["--layout", "部门整体"])
        #expect(unit.contains("in.json: approvingUnit: is given, but layout \"部门整体\" has no place for it"), "\(unit)")
        let notes = try failing(try example("dalang-2024") { $0["notes"] = ["注：金额单位为万元。"] }, extra: ["--layout", "部门整体"])
        #expect(notes.contains("in.json: notes: is given, but layout \"部门整体\" has no place for it"), "\(notes)")
        // The tasks' unit is one the heading can print and the budget check convert by.
        let unitOfTasks = try failing(try example("houjie-2026-approval") { form in
            var tasks = form["tasks"] as? [String: Any] ?? [:]
            tasks["unit"] = "万"
            form["tasks"] = tasks
        })
        #expect(unitOfTasks.contains("in.json: tasks.unit: must be \"万元\" or \"元\", not \"万\""), "\(unitOfTasks)")
        // The approval sheet's layout without its 年度重点工作任务 block, its 其他需完成的任务 block left.
        let sheet = try Data(contentsOf: URL(fileURLWithPath: cliRepository + "/Layouts/部门整体-批复表.json"))
        var sheetObject = try JSONSerialization.jsonObject(with: sheet) as? [String: Any] ?? [:]
        sheetObject["sections"] = (sheetObject["sections"] as? [[String: Any]] ?? []).filter {
            !($0["block"] as? String == "tasks" && ($0["field"] as? String ?? "tasks") == "tasks")
        }
        let noTasks = folder + "/no-tasks.json"
        try JSONSerialization.data(withJSONObject: sheetObject).write(to: URL(fileURLWithPath: noTasks))
        let tasks = try failing(try example("houjie-2026-approval"), extra: ["--layout", noTasks])
        #expect(tasks.contains("in.json: tasks: is given, but layout \"no-tasks\" has no place for it"), "\(tasks)")
        // A layout that leaves out a field or a block the form fills.
        let layout = try Data(contentsOf: URL(fileURLWithPath: cliRepository + "/Layouts/项目.json"))
        var object = try JSONSerialization.jsonObject(with: layout) as? [String: Any] ?? [:]
        let sections = object["sections"] as? [[String: Any]] ?? []
        for (name, left) in [("no-unit", "spendingUnit"), ("no-indicators", "indicators")] {
            object["sections"] = sections.filter { $0["field"] as? String != left && $0["block"] as? String != left }
            let path = folder + "/\(name).json"
            try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
            let message = try failing(try firstForm { _ in }, extra: ["--layout", path])
            #expect(message.contains("in.json: forms[0].\(left): is given, but layout \"\(name)\" has no place for it"), "\(message)")
            try FileManager.default.removeItem(atPath: path)
        }
        // Values on a 二级 indicator, which has 三级 ones under it.
        let message = try failing(try example("dalang-2024") { form in
            var indicators = form["indicators"] as? [[String: Any]] ?? []
            var children = indicators[0]["children"] as? [[String: Any]] ?? []
            children[1]["values"] = ["≥95%", ""]
            indicators[0]["children"] = children
            form["indicators"] = indicators
        })
        #expect(message.contains("in.json: indicators[0].children[1].values: a 二级 indicator prints no values (only 三级 ones do)"), "\(message)")
        // One value where the layout prints two columns: the input's file and field are named, not the layout's.
        let values = try failing(try firstForm { form in
            var indicators = form["indicators"] as? [[String: Any]] ?? []
            var level2 = indicators[0]["children"] as? [[String: Any]] ?? []
            var level3 = level2[0]["children"] as? [[String: Any]] ?? []
            level3[0]["values"] = ["≥95%"]
            level2[0]["children"] = level3
            indicators[0]["children"] = level2
            form["indicators"] = indicators
        })
        #expect(values.contains("formpress: \(folder)/in.json: forms[0].indicators[0].children[0].children[0].values: has 1 value(s), but layout \"项目\" prints 2 value column(s)"), "\(values)")
    }

    @Test func layoutsThatDoNotFitAreNamed() throws {
        let other = try failing(try firstForm { _ in }, extra: ["--layout", "部门整体"])
        #expect(other.contains("layout \"部门整体\" is for 部门整体 forms, not 项目"))
        let unknown = try failing(try firstForm { _ in }, extra: ["--layout", "项目-省级"])
        #expect(unknown.contains("unknown layout \"项目-省级\""))
        // Named by the input, the input's file and key are named too.
        let unknownInData = try failing(try firstForm { $0["layout"] = "项目-旧版" })
        #expect(unknownInData.contains("in.json: forms[0].layout: unknown layout \"项目-旧版\""), "\(unknownInData)")
        let otherInData = try failing(try firstForm { $0["layout"] = "部门整体" })
        #expect(otherInData.contains("in.json: forms[0].layout: layout \"部门整体\" is for 部门整体 forms, not 项目"), "\(otherInData)")
        let brokenLayout = folder + "/broken-layout.json"
        try Data(#"{"form": "项目", "columns": [30, 30], "sections": [{"block": "field", "label": "项目名称", "field": "projectName", "spans": [3]}]}"#.utf8)
            .write(to: URL(fileURLWithPath: brokenLayout))
        let broken = try failing(try firstForm { _ in }, extra: ["--layout", brokenLayout])
        #expect(broken.contains("broken-layout.json: sections[0].spans: labelSpan 1 + spans [3] = 4 columns; the layout has 2"))
        // One layout for two files of different types: the second file is refused too, though
        // the layout is already loaded for the first.
        let department = cliRepository + "/Examples/houjie-2026-approval.json"
        try Data(try firstForm { _ in }.utf8).write(to: URL(fileURLWithPath: folder + "/in.json"))
        let mixed = try failingRun(["render", folder + "/in.json", department, "-o", output, "--layout", "项目"])
        #expect(mixed.contains("houjie-2026-approval.json: layout \"项目\" is for 项目 forms, not 部门整体"), "\(mixed)")
    }

    /// A form in a list may repeat the list's type, not contradict it (it would be read as the list says).
    @Test func aFormInAListNamingAnotherTypeIsRefused() throws {
        let other = try failing(try project { object in
            var forms = object["forms"] as? [[String: Any]] ?? []
            forms[1]["form"] = "部门整体"
            object["forms"] = Array(forms.prefix(2))
        })
        #expect(other.contains("in.json: forms[1].form: names \"部门整体\", but this is a list of 项目 forms"), "\(other)")
        let same = try formpress(["validate", folder + "/in.json"])
        #expect(same.status == 1)
        let repeated = folder + "/repeated.json"
        try Data(try project { object in
            var forms = object["forms"] as? [[String: Any]] ?? []
            forms[1]["form"] = "project"
            object["forms"] = Array(forms.prefix(2))
        }.utf8).write(to: URL(fileURLWithPath: repeated))
        let run = try formpress(["validate", repeated])
        #expect(run.status == 0, "\(run.stderr)")
        try FileManager.default.removeItem(atPath: repeated)
    }

    @Test func textThatCannotBeDrawnIsNamedWithItsPath() throws {
        let emoji = try failing(try firstForm { $0["projectType"] = "其他特定目标类😀" })
        #expect(emoji.contains("in.json: forms[0].projectType: no font has the character U+1F600"))
        let control = try failing(try firstForm { $0["spendingUnit"] = "东坑镇\u{0B}党建办" })
        #expect(control.contains("in.json: forms[0].spendingUnit: control character U+000B"))
        // In a text of several paragraphs, the message says which, and stays on one line.
        let paragraph = try failing(try firstForm { $0["annualGoal"] = ["第一段。", "第二段😀"] })
        #expect(paragraph.contains("in.json: forms[0].annualGoal: no font has the character U+1F600 \"😀\" in paragraph 2: \"第二段😀\"\n"),
                "\(paragraph)")
        // A layout whose first column is too narrow for even one character (绩效指标's label is
        // there alone): refused with its file and key before any form is typeset.
        let narrow = folder + "/narrow.json"
        let layout = try Data(contentsOf: URL(fileURLWithPath: cliRepository + "/Layouts/项目.json"))
        var object = try JSONSerialization.jsonObject(with: layout) as? [String: Any] ?? [:]
        object["columns"] = [4, 38, 26, 52, 30, 30]
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: narrow))
        let tooNarrow = try failing(try firstForm { _ in }, extra: ["--layout", narrow])
        #expect(tooNarrow == "formpress: \(narrow): sections[9].labelSpan: the cell of column 1 is 4.00 mm wide, too narrow for one character: 10.5 pt text inside a cell's padding needs 6.53 mm\n", "\(tooNarrow)")
        // A label or a heading the layout prints that no font has names the layout's file.
        var headings = try JSONSerialization.jsonObject(with: layout) as? [String: Any] ?? [:]
        var sections = headings["sections"] as? [[String: Any]] ?? []
        for (i, section) in sections.enumerated() where section["block"] as? String == "fieldPairs" {
            var pairs = section["pairs"] as? [[String: Any]] ?? []
            pairs[0]["label"] = "名称😀"
            sections[i]["pairs"] = pairs
            break
        }
        headings["sections"] = sections
        let unprintable = folder + "/unprintable.json"
        try JSONSerialization.data(withJSONObject: headings).write(to: URL(fileURLWithPath: unprintable))
        let missing = try failing(try firstForm { _ in }, extra: ["--layout", unprintable])
        #expect(missing.contains("in.json: label \"名称😀\" of layout \(unprintable): no font has the character U+1F600"), "\(missing)")
    }

    /// HarfBuzz composes e + ◌́ into é where the face has it: the fonts cut before shaping must
    /// hold the composed character, which the text never names.
    @Test func marksThatComposeWithTheirBaseAreInTheCutFonts() throws {
        let input = folder + "/marks.json"
        try Data(try firstForm { $0["projectType"] = "其他类e\u{301}\u{302}a\u{30A}" }.utf8).write(to: URL(fileURLWithPath: input))
        let run = try formpress(["render", input, "-o", output])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try Poppler.text(of: output).precomposedStringWithCanonicalMapping
        #expect(text.contains("其他类e\u{301}\u{302}a\u{30A}".precomposedStringWithCanonicalMapping), "\(text)")
        try FileManager.default.removeItem(atPath: output)
    }

    @Test func aMissingGlyphWithTheBoxOptionRendersAndWarns() throws {
        let input = folder + "/emoji.json"
        try Data(try firstForm { $0["projectType"] = "其他特定目标类😀" }.utf8).write(to: URL(fileURLWithPath: input))
        let run = try formpress(["render", input, "-o", output, "--allow-missing-glyphs"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: \(input): forms[0].projectType: no font has the character U+1F600"))
        #expect(try Poppler.text(of: output).contains("其他特定目标类"))
        try FileManager.default.removeItem(atPath: output)
    }

    @Test func filesThatCannotBeReadOrWritten() throws {
        #expect(try failingRun(["render", folder + "/none.json", "-o", output]).contains("none.json: cannot be read (no such file)"))
        #expect(try failingRun(["render", folder, "-o", output]).contains("cannot be read"))
        let input = cliRepository + "/Examples/dongguan-jiguan-2023.json"
        let missingFolder = try formpress(["render", input, "-o", folder + "/no/such/out.pdf"])
        #expect(missingFolder.status == 1)
        #expect(missingFolder.stderr.contains("folder does not exist or is not writable"))
        let notWritable = try formpress(["render", input, "-o", "/proc/out.pdf"])
        #expect(notWritable.status == 1)
        // As root the folder looks writable; the write itself fails, and nothing is left.
        #expect(notWritable.stderr.contains("/proc/out.pdf: cannot write"))
    }

    @Test func aFullDiskLeavesNoFileBehind() throws {
        // A file size limit of 16 KB makes writes fail as a full disk would.
        let input = cliRepository + "/Examples/suixi-2024.json"
        let script = "trap '' XFSZ; ulimit -f 16; exec \"$0\" render \"$1\" -o \"$2\""
        let run = try runCommand("/bin/bash", ["-c", script, formpressExecutable, input, output])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("out.pdf: cannot write"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy { $0.hasSuffix(".json") })
    }

    /// A tab prints as a space, and a joiner or a variation selector with the face's space
    /// glyph, in every face: the fonts are cut with them (a bold title lacking a space failed
    /// to render after validating).
    @Test func tabsAndJoinersInATitlePrint() throws {
        let input = folder + "/in.json"
        try Data(try firstForm { $0["title"] = "项目绩效\t目标表\u{200D}" }.utf8).write(to: URL(fileURLWithPath: input))
        let validated = try formpress(["validate", input])
        #expect(validated.status == 0, "\(validated.stderr)")
        let run = try formpress(["render", input, "-o", output])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Poppler.text(of: output).contains("项目绩效 目标表"))
    }

    @Test func aHugeFormIsRefusedWithAMessage() throws {
        // A list is read one form at a time, whatever its size; one form of 65 MB is too much.
        let input = folder + "/huge.json"
        var text = Data(#"{"form": "项目", "forms": [{"title": ""#.utf8)
        text.append(Data(repeating: UInt8(ascii: "a"), count: 65 << 20))
        text.append(Data(#""}]}"#.utf8))
        try text.write(to: URL(fileURLWithPath: input))
        let message = try failingRun(["render", input, "-o", output])
        #expect(message.contains("huge.json: cannot be read (a form of 65 MB is more than the 64 MB one may hold)"))
        try FileManager.default.removeItem(atPath: input)
    }

    @Test func aBinaryFileStopsAtItsFirstByte() throws {
        let input = folder + "/zeros.json"
        #expect(FileManager.default.createFile(atPath: input, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: input))
        try handle.truncate(atOffset: 100 << 20)  // sparse: 100 MB of zeros on paper
        try handle.close()
        let message = try failingRun(["render", input, "-o", output])
        #expect(message.contains("zeros.json: not valid JSON: line 1, column 1: not UTF-8 text"))
        try FileManager.default.removeItem(atPath: input)
    }

    @Test func warningsHelpAndStrictMakesThemErrors() throws {
        let budget = folder + "/budget.json"
        var data = try Data(contentsOf: URL(fileURLWithPath: cliRepository + "/Examples/dalang-2024.json"))
        data = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"1,046.80\"", with: "\"1,146.80\"").utf8)
        try data.write(to: URL(fileURLWithPath: budget))
        let warned = try formpress(["validate", budget])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("warning: \(budget): budget: 基本支出 + 项目支出 = 1046.80 but 财政拨款 + 其他资金 = 1146.80 (万元)"))
        let strict = try formpress(["render", budget, "-o", output, "--strict"])
        #expect(strict.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output))

        let period = try failing(try firstForm { $0["period"] = ["startYear": "2025", "endYear": "2022"] }, extra: ["--strict"])
        #expect(period.contains("forms[0].period: 起始年度 2025 is after 到期年度 2022"))

        // A warning found while setting the text (a word wider than its cell) is one too, for
        // validate as for render.
        let torn = folder + "/torn.json"
        try Data(try firstForm { form in
            var indicators = form["indicators"] as? [[String: Any]] ?? []
            var level2 = indicators[0]["children"] as? [[String: Any]] ?? []
            var level3 = level2[0]["children"] as? [[String: Any]] ?? []
            level3[0]["values"] = ["440501770038000001234567", "约862人次"]
            level2[0]["children"] = level3
            indicators[0]["children"] = level2
            form["indicators"] = indicators
        }.utf8).write(to: URL(fileURLWithPath: torn))
        let tornWarned = try formpress(["validate", torn])
        #expect(tornWarned.status == 0)
        #expect(tornWarned.stderr.contains("\"440501770038000001234567\" is wider than its cell"), "\(tornWarned.stderr)")
        for command in ["validate", "render"] {
            let tornStrict = try formpress([command, torn, "-o", output, "--strict"].filter { command == "render" || ($0 != "-o" && $0 != output) })
            #expect(tornStrict.status == 1, "\(command) --strict: exit \(tornStrict.status)")
            #expect(tornStrict.stderr.contains("torn.json: 1 warning(s), and --strict is on"), "\(tornStrict.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
