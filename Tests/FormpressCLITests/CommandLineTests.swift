import Foundation
import TestSupport
import Testing

/// The `formpress` executable as a user runs it: exit codes, one-line messages, no stray files.
@Suite struct CommandLineTests {
    static let repository = cliRepository

    @Test func renderWritesThePdfAndSaysWhat() throws {
        let out = try temporaryFolder() + "/houjie.pdf"
        let run = try formpress(["render", "Examples/houjie-2026-approval.json", "-o", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("1 form(s)"))
        #expect(try Poppler.info(of: out)["Title"] == "厚街镇部门（单位）整体支出绩效目标批复表")
    }

    /// A PDF of several forms says what they share: the first form does not speak for a batch
    /// of other units' forms (houjie's title and unit stood over dalang's).
    @Test func aDocumentOfSeveralFormsSaysWhatTheyShare() throws {
        let folder = try temporaryFolder()
        #expect(try formpress(["render", "Examples/houjie-2026-approval.json", "Examples/dalang-2024.json", "-o", folder + "/two.pdf"]).status == 0)
        let two = try Poppler.info(of: folder + "/two.pdf")
        #expect(two["Title"] == "预算绩效目标表（共2份）" && two["Author"] == nil && two["Subject"] == "预算绩效目标表（部门整体）", "\(two)")
        #expect(try formpress(["render", "Examples/dongkeng-2024-projects.json", "-o", folder + "/22.pdf", "-q"]).status == 0)
        let projects = try Poppler.info(of: folder + "/22.pdf")
        #expect(projects["Title"] == "项目绩效目标表（共22份）" && projects["Author"] == "东莞市东坑镇党建工作办公室", "\(projects)")
    }

    /// The command's own way (fonts cut ahead from the survey's characters, forms drawn as they
    /// are typeset, one file or one per form): every text of every example is in the PDFs,
    /// in fonts embedded as subsets.
    @Test(arguments: ["houjie-2026-approval", "dongkeng-2024-projects", "dalang-2024", "dongguan-jiguan-2023", "suixi-2024"])
    func everyTextOfAnExampleIsInWhatTheCommandWrites(name: String) throws {
        let folder = try temporaryFolder()
        let single = try formpress(["render", "Examples/\(name).json", "-o", folder + "/one.pdf", "-q"])
        #expect(single.status == 0, "\(single.stderr)")
        let split = try formpress(["render", "Examples/\(name).json", "--split", "-o", folder + "/split", "-q"])
        #expect(split.status == 0, "\(split.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/split").sorted().map { folder + "/split/" + $0 }
        #expect(!files.isEmpty)
        let missing = try textsMissing(from: readBack(folder + "/one.pdf"), ofExample: name)
        #expect(missing.isEmpty, "one PDF: not found: \(missing.prefix(5))")
        let missingInSplit = try textsMissing(from: files.map(readBack).joined(), ofExample: name)
        #expect(missingInSplit.isEmpty, "--split: not found: \(missingInSplit.prefix(5))")
        for pdf in [folder + "/one.pdf"] + files {
            let fonts = try Poppler.fonts(of: pdf)
            #expect(!fonts.isEmpty)
            for row in fonts { #expect(row.contains(" yes yes yes "), "\(pdf): \(row)") }
        }
    }

    @Test func theCreationDateIsCheckedAndWrittenAsGiven() throws {
        let out = try temporaryFolder() + "/dated.pdf"
        func render(date: String) throws -> Run {
            try formpress(["render", "Examples/houjie-2026-approval.json", "-o", out, "-q", "--date", date])
        }
        #expect(try render(date: "2024-03-01T09:30:00+08:00").status == 0)
        // With the D: that ISO 32000-1 §7.9.4 requires (cairo 1.16 leaves it out).
        #expect(try Poppler.info(of: out, rawDates: true)["CreationDate"] == "D:20240301093000+08'00")
        #expect(try Poppler.info(of: out, rawDates: true)["ModDate"] == "D:20240301093000+08'00")
        try FileManager.default.removeItem(atPath: out)
        // cairo would write each of these into the PDF as some other date, or none.
        for date in ["2024-02-30", "2024-03-01T09:30+08:00", "2024-03-01T24:00:00", "2024/03/01", "yesterday"] {
            let run = try render(date: date)
            #expect(run.status == 2, "\(date)")
            #expect(run.stderr.contains("--date must be a date such as 2024-03-01 or 2024-03-01T09:30:00"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func splitWritesOnePdfPerFormAndProgressShowsEach() throws {
        let folder = try temporaryFolder() + "/split"
        let run = try formpress(["render", "Examples/dongkeng-2024-projects.json", "--split", "-o", folder, "--form", "project"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == 22)
        #expect(files.first == "dongkeng-2024-projects-001.pdf")
        #expect(run.stderr.contains("[22/22]"))
        // Each file is a one-page document: no page number (forms.md numbers documents of several).
        #expect(!(try Poppler.text(of: folder + "/" + files[0])).contains("页"))
        let quiet = try formpress(["render", "Examples/dongkeng-2024-projects.json", "--split", "-o", folder, "-q"])
        // Quiet: no progress and no summary; the warning about the identical pair stays.
        #expect(quiet.status == 0)
        #expect(quiet.stderr == "warning: Examples/dongkeng-2024-projects.json forms[4] (form 5 of 22) and "
                + "Examples/dongkeng-2024-projects.json forms[5] (form 6 of 22) are identical forms\n")
    }

    @Test func splitFilesHaveTheirFontsCodedForSpeedUnlessAskedForSmall() throws {
        let folder = try temporaryFolder()
        let example = "Examples/houjie-2026-approval.json", file = "/houjie-2026-approval-001.pdf"
        for arguments in [[example, "-o", folder + "/single.pdf"], [example, "--split", "-o", folder + "/fast"],
                          [example, "--split", "--font-compression", "small", "-o", folder + "/small"]] {
            let run = try formpress(["render"] + arguments + ["-q"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let single = try Data(contentsOf: URL(fileURLWithPath: folder + "/single.pdf"))
        let small = try Data(contentsOf: URL(fileURLWithPath: folder + "/small" + file))
        let fast = try Data(contentsOf: URL(fileURLWithPath: folder + "/fast" + file))
        #expect(small == single)
        #expect(fast.count > small.count && fast.count < small.count * 6 / 5)
        #expect(try Poppler.text(of: folder + "/fast" + file) == Poppler.text(of: folder + "/single.pdf"))
        let images = try formpress(["render", example, "--format", "png", "--font-compression", "fast", "-o", folder + "/png"])
        #expect(images.status == 2 && images.stderr.contains("--font-compression goes with PDF output"))
        let slice = try formpress(["render", example, "--format", "svg", "--shard", "1/2", "-o", folder + "/svg"])
        #expect(slice.status == 2 && slice.stderr.contains("--shard goes with PDF output"))
        let nothing = try formpress(["render", example, "-o", ""])
        #expect(nothing.status == 2 && nothing.stderr.contains("-o names nothing"))
        let slash = try formpress(["render", example, "-o", folder + "/v.pdf/"])
        #expect(slash.status == 2 && slash.stderr.contains("names a folder (it ends in /)"), "\(slash.stderr)")
        // A usage message keeps its lines (values quoted from the input are escaped, not these).
        let usage = try formpress(["render", example, "--dpi", "5"])
        #expect(usage.status == 2)
        #expect(usage.stderr.split(separator: "\n").contains { $0.hasPrefix("Usage: formpress render") }, "\(usage.stderr)")
    }

    @Test func pngPagesGoIntoTheFolder() throws {
        let folder = try temporaryFolder() + "/pages"
        let run = try formpress(["render", "Examples/dongguan-jiguan-2023.json", "--format", "png", "--dpi", "40", "-o", folder])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.contains("page-001.png") && files.count >= 2)
        // The new folder has the mode any new folder there gets (umask 022 here: readable by all).
        let mode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        let sibling = folder + "-made-by-mkdir"
        try FileManager.default.createDirectory(atPath: sibling, withIntermediateDirectories: false)
        #expect(mode == (try FileManager.default.attributesOfItem(atPath: sibling)[.posixPermissions] as? Int))
    }

    /// A page folder holds one run's pages: a shorter run replaces a longer one's whole, a failed
    /// run changes nothing, and files that are not pages stay.
    @Test func pageFoldersAreReplacedWholeOrNotAtAll() throws {
        let root = try temporaryFolder()
        let folder = root + "/pages"
        #expect(try formpress(["render", "Examples/suixi-2024.json", "--format", "svg", "-o", folder]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 8)
        try Data("notes".utf8).write(to: URL(fileURLWithPath: folder + "/keep.txt"))
        let shorter = try formpress(["render", "Examples/houjie-2026-approval.json", "--format", "svg", "-o", folder])
        #expect(shorter.status == 0 && shorter.stderr.contains("3 page(s)"), "\(shorter.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                == ["keep.txt", "page-001.svg", "page-002.svg", "page-003.svg"])
        #expect(try String(contentsOfFile: folder + "/page-001.svg", encoding: .utf8).contains("<svg"))
        // A form that fails to typeset (a character no font has): the folder is as it was.
        let bad = root + "/bad.json"
        let text = try String(contentsOfFile: Self.repository + "/Examples/dalang-2024.json", encoding: .utf8)
        try Data(text.replacingOccurrences(of: "大朗镇", with: "大朗镇😀").utf8).write(to: URL(fileURLWithPath: bad))
        let failed = try formpress(["render", bad, "--format", "png", "-o", folder])
        #expect(failed.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                == ["keep.txt", "page-001.svg", "page-002.svg", "page-003.svg"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["bad.json", "pages"])
        // A folder where a page goes: found before any page moves, so the folder is as it was;
        // a folder named like an earlier page is not removed as one.
        try FileManager.default.createDirectory(atPath: folder + "/page-002.png", withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: folder + "/page-009.svg", withIntermediateDirectories: false)
        let blocked = try formpress(["render", "Examples/houjie-2026-approval.json", "--format", "png", "-o", folder])
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("pages/page-002.png: is a folder: a page cannot take its place; nothing was moved"), "\(blocked.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                == ["keep.txt", "page-001.svg", "page-002.png", "page-002.svg", "page-003.svg", "page-009.svg"])
        let beside = try formpress(["render", "Examples/dongguan-jiguan-2023.json", "--format", "svg", "-o", folder])
        #expect(beside.status == 0, "\(beside.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).contains("page-009.svg"))
    }

    @Test func aFormTypeMismatchIsExitOneAndWritesNothing() throws {
        let folder = try temporaryFolder()
        let run = try formpress(["render", "Examples/suixi-2024.json", "--form", "项目", "-o", folder + "/x.pdf"])
        #expect(run.status == 1)
        #expect(run.stderr == "formpress: Examples/suixi-2024.json: form is \"部门整体\", but --form asks for \"项目\"\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func anUnknownLayoutAndAMissingFileAreExitOne() throws {
        let layout = try formpress(["render", "Examples/suixi-2024.json", "--layout", "省级", "-o", "/tmp/never.pdf"])
        #expect(layout.status == 1)
        #expect(layout.stderr.contains("unknown layout \"省级\""))
        let missing = try formpress(["validate", "Examples/nowhere.json"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "formpress: Examples/nowhere.json: cannot be read (no such file)\n")
        let other = try formpress(["validate", "Examples/dalang-2024.json", "--layout", "项目"])
        #expect(other.status == 1)
        #expect(other.stderr.contains("layout \"项目\" is for 项目 forms, not 部门整体"))
    }

    /// Run from another folder, formpress finds no Layouts/: it says so, rather than "unknown layout".
    @Test func aMissingLayoutsFolderIsNamed() throws {
        let folder = try temporaryFolder()
        let render = try formpress(["render", "Examples/suixi-2024.json", "--layouts-dir", "NoSuchLayouts", "-o", folder + "/x.pdf"])
        #expect(render.status == 1)
        #expect(render.stderr == "formpress: no layouts folder \"NoSuchLayouts\" in the current folder (run formpress from its repository, or give --layouts-dir)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let list = try formpress(["layouts", "--layouts-dir", folder + "/gone"])
        #expect(list.status == 1)
        #expect(list.stderr == "formpress: no layouts folder \"\(folder)/gone\"\n")
    }

    /// A layout path in a document is relative to the document's folder, wherever formpress
    /// runs; a missing one is named with the folder it was looked for in. --layout takes a file
    /// name of the layouts folder as `ls Layouts/` shows it.
    @Test func aLayoutPathInADocumentIsRelativeToTheDocument() throws {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(atPath: Self.repository + "/Layouts/项目.json", toPath: folder + "/town.json")
        let text = try String(contentsOfFile: Self.repository + "/Examples/dongkeng-2024-projects.json", encoding: .utf8)
        for (name, layout) in [("beside.json", "town.json"), ("missing.json", "gone.json")] {
            try Data(text.replacingOccurrences(of: #""layout": "项目""#, with: #""layout": "\#(layout)""#).utf8)
                .write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let beside = try formpress(["validate", folder + "/beside.json"])
        #expect(beside.status == 0, "\(beside.stderr)")
        let missing = try formpress(["validate", folder + "/missing.json"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "formpress: \(folder)/missing.json: layout: no layout file \(folder)/gone.json\n", "\(missing.stderr)")
        let fileName = try formpress(["validate", "Examples/houjie-2026-approval.json", "--layout", "部门整体-批复表.json"])
        #expect(fileName.status == 0, "\(fileName.stderr)")
        let noFile = try formpress(["validate", "Examples/houjie-2026-approval.json", "--layout", "nope.json"])
        #expect(noFile.status == 1 && noFile.stderr.hasPrefix("formpress: unknown layout \"nope.json\" (looked in nope.json and Layouts/; known: 部门整体, "),
                "\(noFile.stderr)")
        // A bare name.json in a document, not beside it, is the layouts folder's, never the one
        // where formpress happens to run (here a broken decoy of that name).
        let elsewhere = try temporaryFolder()
        try Data("{}".utf8).write(to: URL(fileURLWithPath: elsewhere + "/部门整体-批复表.json"))
        let houjie = try String(contentsOfFile: Self.repository + "/Examples/houjie-2026-approval.json", encoding: .utf8)
        try Data(houjie.replacingOccurrences(of: #""layout": "部门整体-批复表""#, with: #""layout": "部门整体-批复表.json""#).utf8)
            .write(to: URL(fileURLWithPath: folder + "/named.json"))
        let decoy = try formpress(["validate", folder + "/named.json", "--layouts-dir", Self.repository + "/Layouts"], in: elsewhere)
        #expect(decoy.status == 0 && decoy.stdout.contains("ok (1 form(s), 3 page(s))"), "\(decoy.stderr)")
    }

    @Test func theVersionIsShown() throws {
        let run = try formpress(["--version"])
        #expect(run.status == 0 && run.stdout == "formpress 0.1.0\n")
    }

    @Test func usageErrorsAreExitTwo() throws {
        #expect(try formpress(["render", "Examples/suixi-2024.json", "--format", "tiff", "-o", "x"]).status == 2)
        #expect(try formpress(["render", "--no-such-option", "Examples/suixi-2024.json"]).status == 2)
        #expect(try formpress(["render", "Examples/suixi-2024.json", "--form", "县级"]).status == 2)
        // A mistyped --fonts-dir would print without the bureau's own fonts, with no word.
        for command in ["render", "validate"] {
            let fonts = try formpress([command, "Examples/suixi-2024.json", "--fonts-dir", "/no/such/fonts", "-q"].filter { command == "render" || $0 != "-q" })
            #expect(fonts.status == 2 && fonts.stderr.contains("--fonts-dir: no folder \"/no/such/fonts\""), "\(fonts.stderr)")
        }
        let empty = try temporaryFolder()
        let noList = try formpress(["validate", "Examples/suixi-2024.json", "--fonts-dir", empty])
        #expect(noList.status == 2 && noList.stderr.contains("--fonts-dir: \"\(empty)\" holds no fonts.json listing its fonts"), "\(noList.stderr)")
    }

    @Test func theOutputMayNotOverwriteAnInput() throws {
        let folder = try temporaryFolder()
        let input = folder + "/in.json"
        try FileManager.default.copyItem(atPath: Self.repository + "/Examples/dalang-2024.json", toPath: input)
        let run = try formpress(["render", input, "-o", input])
        #expect(run.status == 1)
        #expect(run.stderr.contains("is one of the inputs"))
        #expect(try String(contentsOfFile: input, encoding: .utf8).contains("大朗镇"))
        // Nor through a link to it, symbolic or hard.
        for (link, make) in [("soft.json", FileManager.default.createSymbolicLink(atPath:withDestinationPath:)),
                             ("hard.json", FileManager.default.linkItem(atPath:toPath:))] {
            let path = folder + "/" + link
            if link == "hard.json" { try make(input, path) } else { try make(path, input) }
            let linked = try formpress(["render", path, "-o", input])
            #expect(linked.status == 1 && linked.stderr.contains("is one of the inputs"), "\(linked.stderr)")
        }
        #expect(try String(contentsOfFile: input, encoding: .utf8).contains("大朗镇"))
        // A device or a pipe is not replaced by the PDF.
        #expect(mkfifo(folder + "/pipe", 0o644) == 0)
        let pipe = try formpress(["render", input, "-o", folder + "/pipe"])
        #expect(pipe.status == 1 && pipe.stderr.contains("pipe: is a device, a stream, a pipe or a socket, not a file"), "\(pipe.stderr)")
        var status = stat()
        #expect(lstat(folder + "/pipe", &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        // Nor a link to a stream (/dev/stdout is one), though the stream leads to a file: the
        // link itself was replaced, and the stream got nothing.
        let stream = folder + "/stdout.pdf"
        try FileManager.default.createSymbolicLink(atPath: stream, withDestinationPath: "/proc/self/fd/1")
        let linked = try formpress(["render", input, "-o", stream])
        #expect(linked.status == 1 && linked.stderr.contains("stdout.pdf: is a device, a stream, a pipe or a socket, not a file"), "\(linked.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: stream) == "/proc/self/fd/1")
        let device = try formpress(["render", input, "-o", "/dev/stdout"])
        #expect(device.status == 1 && device.stderr.contains("/dev/stdout: is a device"), "\(device.stderr)")
    }

    /// Nor may a --split file, a page or a specimen: the input was replaced by a PDF, or read
    /// back as one after it was written over.
    @Test func noOutputFileReplacesAnInput() throws {
        let folder = try temporaryFolder()
        let form = try Data(contentsOf: URL(fileURLWithPath: Self.repository + "/Examples/houjie-2026-approval.json"))
        for name in ["a.json", "a-001.pdf", "page-001.svg"] { try form.write(to: URL(fileURLWithPath: folder + "/" + name)) }
        for order in [["a.json", "a-001.pdf"], ["a-001.pdf", "a.json"]] {
            let split = try formpress(["render"] + order.map { folder + "/" + $0 } + ["--split", "-o", folder])
            #expect(split.status == 1 && split.stderr.contains("the output \(folder)/a-001.pdf is one of the inputs"), "\(split.stderr)")
        }
        let pages = try formpress(["render", folder + "/page-001.svg", "--format", "svg", "-o", folder])
        #expect(pages.status == 1 && pages.stderr.contains("page-001.svg is named as a page of the output"), "\(pages.stderr)")
        for name in ["a.json", "a-001.pdf", "page-001.svg"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)) == form, "\(name) was written over")
        }
        let notes = folder + "/notes.txt"
        try FileManager.default.copyItem(atPath: Self.repository + "/Examples/specimen.txt", toPath: notes)
        let specimen = try formpress(["specimen", notes, "-o", notes])
        #expect(specimen.status == 1 && specimen.stderr.contains("would replace the input"), "\(specimen.stderr)")
        #expect(try String(contentsOfFile: notes, encoding: .utf8).hasPrefix(try String(contentsOfFile: Self.repository + "/Examples/specimen.txt", encoding: .utf8)))
    }

    /// A folder of output (--split, PNG, SVG) named where a file is: refused before any form is
    /// read (it failed after the first form, saying the folder was not writable).
    @Test func aFolderOutputWhereAFileIsIsRefused() throws {
        let file = try temporaryFolder() + "/file"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: file))
        for extra in [["--split"], ["--format", "png"], ["--format", "svg"]] {
            let run = try formpress(["render", "Examples/dongkeng-2024-projects.json", "-o", file] + extra)
            #expect(run.status == 1)
            #expect(run.stderr == "formpress: \(file): is a file; name a folder for the output\n", "\(run.stderr)")
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep")
        // A folder named like a PDF is made, with a word (--split added to a single PDF's command).
        let named = try formpress(["render", "Examples/houjie-2026-approval.json", "--split", "-q", "-o", file + ".pdf"])
        #expect(named.status == 0)
        #expect(named.stderr == "warning: \(file).pdf is a folder (of PDF files, one per form), not a PDF\n", "\(named.stderr)")
    }

    /// A failed run takes away the folders it made for its output, those above it too.
    @Test func aFailedRunLeavesNoFolderItMade() throws {
        let folder = try temporaryFolder()
        let text = try String(contentsOfFile: Self.repository + "/Examples/houjie-2026-approval.json", encoding: .utf8)
        let bad = folder + "/bad.json"
        try Data(text.replacingOccurrences(of: "厚街镇", with: "厚街镇😀").utf8).write(to: URL(fileURLWithPath: bad))
        for extra in [["--split"], ["--format", "png"]] {
            let run = try formpress(["render", bad, "-o", folder + "/new/deep"] + extra)
            #expect(run.status == 1 && run.stderr.contains("U+1F600"), "\(run.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["bad.json"])
        }
    }

    /// A shorter batch into the folder of a longer one's: the earlier files are left (they may be
    /// another slice's), and the run says how many.
    @Test func splitSaysWhatAnEarlierRunLeftInTheFolder() throws {
        let folder = try temporaryFolder()
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.repository + "/Examples/dongkeng-2024-projects.json"))
        var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        object["forms"] = (object["forms"] as? [Any] ?? []).prefix(5).map { $0 }
        try FileManager.default.createDirectory(atPath: folder + "/short", withIntermediateDirectories: false)
        let short = folder + "/short/dongkeng-2024-projects.json"
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: short))
        #expect(try formpress(["render", "Examples/dongkeng-2024-projects.json", "--split", "-o", folder + "/out", "-q"]).status == 0)
        let run = try formpress(["render", short, "--split", "-o", folder + "/out", "-q"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("out: 17 PDF file(s) of an earlier run will remain beside this run's (dongkeng-2024-projects-006.pdf …)"),
                "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out").count == 22)
        // With --strict, said before anything is written, and the run fails.
        let strict = try formpress(["render", short, "--split", "-o", folder + "/out", "-q", "--strict"])
        #expect(strict.status == 1 && strict.stderr.contains("--strict is on"), "\(strict.stderr)")
    }

    /// --split names files after their input: two inputs of one name, or one given twice, would
    /// write one file twice.
    @Test func splitRefusesTwoFormsForOneFile() throws {
        let folder = try temporaryFolder()
        for side in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + side, withIntermediateDirectories: false)
            try FileManager.default.copyItem(atPath: Self.repository + "/Examples/dalang-2024.json", toPath: folder + "/\(side)/x.json")
        }
        let twoNames = try formpress(["render", folder + "/a/x.json", folder + "/b/x.json", "--split", "-o", folder + "/out"])
        #expect(twoNames.status == 1 && twoNames.stderr.contains("b/x.json: with --split, its forms and those of"), "\(twoNames.stderr)")
        let twice = try formpress(["render", folder + "/a/x.json", folder + "/a/x.json", "--split", "-o", folder + "/out"])
        #expect(twice.status == 1 && twice.stderr.contains("a/x.json: is given twice"), "\(twice.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    /// `fonts` shows each role's chain, and with an input how much of it each face prints: of a
    /// form document its printed texts, not its keys, type, layout or comments.
    @Test func fontsCountThePrintedCharactersOfAnInput() throws {
        let folder = try temporaryFolder()
        try Data(#"{"form": "项目", "layout": "项目", "_source": "注释XYZ", "title": "甲乙", "year": 2024}"#.utf8)
            .write(to: URL(fileURLWithPath: folder + "/form.json"))
        try Data("甲乙丙".utf8).write(to: URL(fileURLWithPath: folder + "/text.txt"))
        let form = try formpress(["fonts", folder + "/form.json"])
        #expect(form.status == 0)
        #expect(form.stdout.split(separator: "\n").filter { $0.hasSuffix(":") }.count == 8)  // 4 roles × 2 weights
        #expect(form.stdout.contains("prints 5 of 5 characters"), "\(form.stdout)")  // 甲 乙 2 0 4
        let text = try formpress(["fonts", folder + "/text.txt"])
        #expect(text.stdout.contains("prints 3 of 3 characters"), "\(text.stdout)")
        // A byte-order mark is no character of the form's; a .json that is not JSON is said so.
        var marked = Data([0xEF, 0xBB, 0xBF])
        marked.append(try Data(contentsOf: URL(fileURLWithPath: folder + "/form.json")))
        try marked.write(to: URL(fileURLWithPath: folder + "/marked.json"))
        #expect(try formpress(["fonts", folder + "/marked.json"]).stdout.contains("prints 5 of 5 characters"))
        try Data(#"{"title": "#.utf8).write(to: URL(fileURLWithPath: folder + "/broken.json"))
        let broken = try formpress(["fonts", folder + "/broken.json"])
        #expect(broken.status == 1 && broken.stderr.contains("broken.json: not valid JSON (byte 10: expected a value)"), "\(broken.stderr)")
    }

    /// --strict over several inputs says how many, not a file called "input".
    @Test func strictOverSeveralInputsSaysHowMany() throws {
        let run = try formpress(["validate", "Examples/dongkeng-2024-projects.json", "Examples/suixi-2024.json", "--strict"])
        #expect(run.status == 1)
        #expect(run.stderr.hasSuffix("formpress: 2 inputs: 2 warning(s), and --strict is on\n"), "\(run.stderr)")
    }

    /// An input given twice is said once, and validate lists it twice, each with its own forms.
    @Test func anInputGivenTwiceIsSaidOnce() throws {
        let example = "Examples/dongkeng-2024-projects.json"
        let run = try formpress(["validate", example, example])
        #expect(run.status == 0)
        #expect(run.stdout == String(repeating: "\(example): ok (22 form(s), 22 page(s))\n", count: 2))
        #expect(run.stderr == "warning: \(example) forms[4] (form 5 of 22) and \(example) forms[5] (form 6 of 22) are identical forms\n"
                + "warning: \(example) is given more than once: its forms print again\n", "\(run.stderr)")
    }

    @Test func validateAndLayoutsList() throws {
        let run = try formpress(["validate", "Examples/houjie-2026-approval.json", "Examples/dongkeng-2024-projects.json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Examples/dongkeng-2024-projects.json: ok (22 form(s), 22 page(s))"))
        let layouts = try formpress(["layouts"])
        // The four stock layouts (a user's own may stand beside them).
        for name in ["部门整体", "部门整体-县级", "部门整体-批复表", "项目"] {
            #expect(layouts.stdout.split(separator: "\n").contains { $0.hasPrefix(name + "\t") }, "\(layouts.stdout)")
        }
        #expect(layouts.stdout.contains("部门整体-县级\t部门整体 (department)"))

        // A broken layout among good ones: the good are listed, the broken named, and the run fails.
        let folder = try temporaryFolder()
        for name in ["项目", "部门整体"] {
            try FileManager.default.copyItem(atPath: Self.repository + "/Layouts/\(name).json", toPath: folder + "/\(name).json")
        }
        try Data(#"{"form": "项目", "columns": [20, 30], "minRowHeight": 80, "sections": []}"#.utf8)
            .write(to: URL(fileURLWithPath: folder + "/tall.json"))
        let mixed = try formpress(["layouts", "--layouts-dir", folder])
        #expect(mixed.status == 1)
        #expect(mixed.stdout.split(separator: "\n").map { $0.prefix { $0 != "\t" } } == ["部门整体", "项目"])
        #expect(mixed.stderr.contains("tall.json: minRowHeight: must be between 0 and 50 mm"))
        #expect(mixed.stderr.contains("1 of 3 layouts are broken"))
        // A bottom margin lower than the page numbers: named with the layout's file and key
        // by `layouts`, before any form is rendered with it.
        try Data(#"{"form": "项目", "page": {"margins": [16, 15, 2, 15]}, "columns": [20, 30], "sections": []}"#.utf8)
            .write(to: URL(fileURLWithPath: folder + "/low.json"))
        let low = try formpress(["layouts", "--layouts-dir", folder])
        #expect(low.stderr.contains("low.json: page.margins: the bottom margin (2.0 mm) is lower than the page numbers (4.3 mm)"), "\(low.stderr)")
    }

    /// Forms whose layouts number pages differently cannot share one PDF (their pages came out
    /// numbered twice, or not at all); split, each file of a document-numbered layout is numbered.
    @Test func oneDocumentIsNumberedOneWay() throws {
        let folder = try temporaryFolder()
        let layouts = folder + "/layouts"
        try FileManager.default.createDirectory(atPath: layouts, withIntermediateDirectories: false)
        let stock = try Data(contentsOf: URL(fileURLWithPath: Self.repository + "/Layouts/部门整体-批复表.json"))
        try stock.write(to: URL(fileURLWithPath: layouts + "/部门整体-批复表.json"))
        var whole = try JSONSerialization.jsonObject(with: stock) as? [String: Any] ?? [:]
        var page = whole["page"] as? [String: Any] ?? [:]
        page["numbering"] = "document"
        whole["page"] = page
        try JSONSerialization.data(withJSONObject: whole).write(to: URL(fileURLWithPath: layouts + "/批复表-全册.json"))
        let text = try String(contentsOfFile: Self.repository + "/Examples/houjie-2026-approval.json", encoding: .utf8)
        let bound = folder + "/bound.json"
        try Data(text.replacingOccurrences(of: #""layout": "部门整体-批复表""#, with: #""layout": "批复表-全册""#).utf8)
            .write(to: URL(fileURLWithPath: bound))
        let mixed = try formpress(["render", "Examples/houjie-2026-approval.json", bound, "--layouts-dir", layouts, "-o", folder + "/x.pdf"])
        #expect(mixed.status == 1)
        #expect(mixed.stderr.contains("批复表-全册.json: page.numbering: numbers pages across the document, and \(layouts)/部门整体-批复表.json per form"),
                "\(mixed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.pdf"))
        let split = try formpress(["render", bound, "--layouts-dir", layouts, "--split", "-o", folder + "/split"])
        #expect(split.status == 0, "\(split.stderr)")
        #expect(try Poppler.text(of: folder + "/split/bound-001.pdf").contains("共 3 页"))
        // Two layouts numbering the document in different styles: the first form's style was
        // used on every page.
        page["pageNumbers"] = "dashes"
        whole["page"] = page
        try JSONSerialization.data(withJSONObject: whole).write(to: URL(fileURLWithPath: layouts + "/批复表-破折号.json"))
        let dashed = folder + "/dashed.json"
        try Data(text.replacingOccurrences(of: #""layout": "部门整体-批复表""#, with: #""layout": "批复表-破折号""#).utf8)
            .write(to: URL(fileURLWithPath: dashed))
        let styles = try formpress(["render", bound, dashed, "--layouts-dir", layouts, "-o", folder + "/y.pdf"])
        #expect(styles.status == 1)
        #expect(styles.stderr.contains("批复表-破折号.json: page: numbers pages across the document as \(layouts)/批复表-全册.json does, but on another page"),
                "\(styles.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/y.pdf"))
    }

    /// validate and specimen give the font warnings render gives (仿宋 printed with 宋体 where
    /// no 仿宋 font is installed, as on CI).
    @Test func validateAndSpecimenWarnOfFontsAsRenderDoes() throws {
        let folder = try temporaryFolder()
        var layout = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.repository + "/Layouts/项目.json"))) as? [String: Any] ?? [:]
        var styles = layout["styles"] as? [String: Any] ?? [:]
        styles["text"] = ["role": "仿宋"]
        styles["title"] = ["role": "楷体"]  // bold, which the manifest below does not list
        layout["styles"] = styles
        try JSONSerialization.data(withJSONObject: layout).write(to: URL(fileURLWithPath: folder + "/fangsong.json"))
        let fonts = folder + "/fonts"
        try FileManager.default.createDirectory(atPath: fonts, withIntermediateDirectories: false)
        try Data(#"{"faces": [{"role": "楷体", "file": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "family": "Noto Sans CJK SC"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: fonts + "/fonts.json"))
        func fontWarnings(_ run: Run) -> Set<Substring> {
            Set(run.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: 仿宋") || $0.hasPrefix("warning: 楷体") })
        }
        let example = "Examples/dongkeng-2024-projects.json"
        let options = ["--layout", folder + "/fangsong.json", "--fonts-dir", fonts]
        let rendered = try formpress(["render", example, "-o", folder + "/x.pdf", "-q"] + options)
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(fontWarnings(rendered).contains("warning: 楷体: \(fonts)/fonts.json lists no bold face; bold text uses the regular one"),
                "\(rendered.stderr)")
        let validated = try formpress(["validate", example] + options)
        #expect(fontWarnings(validated) == fontWarnings(rendered), "\(validated.stderr)")
        try Data("预算绩效目标。".utf8).write(to: URL(fileURLWithPath: folder + "/s.txt"))
        let specimen = try formpress(["specimen", folder + "/s.txt", "--role", "仿宋", "--fonts-dir", fonts, "-o", folder + "/s.pdf"])
        #expect(fontWarnings(specimen) == fontWarnings(rendered).filter { $0.hasPrefix("warning: 仿宋") }, "\(specimen.stderr)")
        // Its PNG pages are named as render names pages.
        let pages = try formpress(["specimen", folder + "/s.txt", "--format", "png", "-o", folder + "/png"])
        #expect(pages.status == 0, "\(pages.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/png") == ["page-001.png"])
    }

    @Test func shardsCoverTheBatchOnceWithTheNamesOfAFullRun() throws {
        let folder = try temporaryFolder()
        var names: [String] = []
        for k in 1...3 {
            let run = try formpress(["render", "Examples/dongkeng-2024-projects.json", "--split", "-o", folder + "/s\(k)",
                                     "--shard", "\(k)/3", "-q"])
            #expect(run.status == 0, "\(run.stderr)")
            names += try FileManager.default.contentsOfDirectory(atPath: folder + "/s\(k)")
        }
        let full = try formpress(["render", "Examples/dongkeng-2024-projects.json", "--split", "-o", folder + "/all", "-q"])
        #expect(full.status == 0)
        #expect(names.sorted() == (try FileManager.default.contentsOfDirectory(atPath: folder + "/all")).sorted())
        #expect(names.count == 22)
        let beyond = try formpress(["render", "Examples/suixi-2024.json", "--shard", "4/3", "-o", folder + "/x.pdf"])
        #expect(beyond.status == 2 && beyond.stderr.contains("must be K/N, the K-th of N slices, with 1 ≤ K ≤ N"), "\(beyond.stderr)")
        #expect(try formpress(["render", "Examples/suixi-2024.json", "--shard", "1//3", "-o", folder + "/x.pdf"]).status == 2)
        #expect(try formpress(["render", "Examples/suixi-2024.json", "--shard", "1/3"]).status == 2)  // shards need -o
        // More shards than forms: an empty one writes nothing and succeeds, as a job runner expects.
        let empty = try formpress(["render", "Examples/suixi-2024.json", "--shard", "1/2", "-o", folder + "/x.pdf"])
        #expect(empty.status == 0 && empty.stderr.contains("none of the forms falls in it"), "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.pdf"))
    }

    @Test func threadsDoNotChangeTheOutput() throws {
        let folder = try temporaryFolder()
        // 110 forms: enough for one helper thread with --jobs 2 and two with --jobs 3.
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.repository + "/Examples/dongkeng-2024-projects.json"))
        var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let forms = object["forms"] as? [[String: Any]] ?? []
        object["forms"] = Array(repeating: forms, count: 5).flatMap { $0 }
        let input = folder + "/batch.json"
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: input))
        for jobs in ["1", "2", "3"] {
            let run = try formpress(["render", input, "-o", folder + "/j\(jobs).pdf", "--jobs", jobs, "-q"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let one = try Data(contentsOf: URL(fileURLWithPath: folder + "/j1.pdf"))
        #expect(one == (try Data(contentsOf: URL(fileURLWithPath: folder + "/j2.pdf"))))
        #expect(one == (try Data(contentsOf: URL(fileURLWithPath: folder + "/j3.pdf"))))
        #expect(try Poppler.info(of: folder + "/j2.pdf")["Pages"] == "110")
    }
}
