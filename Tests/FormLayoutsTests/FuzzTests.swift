import CairoBackend
import Foundation
import FormLayouts
import Forms
import Frames
import TableLayout
import TestSupport
import Testing

/// Thousands of mutated documents through decode → layout → render: refusing one is fine; a
/// trap (which ends the test process), a hang or a layout that fails the engine's own checks
/// (a line outside its cell, a line placed twice or never) is not. FORMPRESS_FUZZ_ITERATIONS
/// runs longer.
@Suite struct FuzzTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let awkwardTexts: [String] = [
        "e\u{301}\u{302}\u{303}", "😀👨‍👩‍👧", "مرحبا بالعالم", "שלום", "\u{200D}\u{200C}\u{FEFF}", "a\u{0}b", "\u{7}\u{1B}[31m",
        "（《“", "”》）。，", String(repeating: "党建", count: 3000), String(repeating: "W", count: 500), "≥90%\u{2028}≤", "", " ",
        "𠀀𠀁𪚥", "\u{E000}\u{F8FF}", "——……", "\r\n\r\n", "\t", String(repeating: "\n", count: 200),
    ]

    /// One random change to a JSON value tree.
    static func mutate(_ value: inout Any, _ random: inout Random, depth: Int = 0) {
        if var object = value as? [String: Any], !object.isEmpty, depth < 6, random.below(12) > 0 {
            let key = random.pick(object.keys.sorted())
            switch random.below(16) {
            case 0: object.removeValue(forKey: key)
            case 1: object[key + "x"] = object[key]
            default:
                var inner = object[key] ?? NSNull()
                mutate(&inner, &random, depth: depth + 1)
                object[key] = inner
            }
            value = object
        } else if var list = value as? [Any], !list.isEmpty, depth < 6, random.below(12) > 0 {
            let index = random.below(list.count)
            switch random.below(10) {
            case 0: list.remove(at: index)
            case 1: list += Array(repeating: list[index], count: random.below(40))
            default: mutate(&list[index], &random, depth: depth + 1)
            }
            value = list
        } else if value is String, random.below(10) < 8 {
            // Mostly keep texts texts, so that layout and drawing see the awkward ones.
            value = random.below(2) == 0 ? random.pick(awkwardTexts) : (value as? String ?? "") + random.pick(awkwardTexts)
        } else {
            switch random.below(9) {
            case 0: value = random.pick(awkwardTexts)
            case 1: value = (value as? String ?? "") + random.pick(awkwardTexts)
            case 2: value = random.pick([0, -1, 1e308, Double.leastNonzeroMagnitude, 123456789012345] as [Double])
            case 3: value = NSNull()
            case 4: value = [value]
            case 5: value = ["name": value]
            case 6: value = random.below(2) == 0
            case 7:
                var nested: Any = "深"
                for _ in 0..<random.below(80) { nested = [nested] }
                value = nested
            default: value = [Any]()
            }
        }
    }

    /// Changes to the text itself: truncation, flipped bytes, escaped surrogates.
    static func mutateText(_ data: Data, _ random: inout Random) -> Data {
        var bytes = [UInt8](data)
        switch random.below(4) {
        case 0: bytes = Array(bytes.prefix(random.below(bytes.count)))
        case 1: for _ in 0..<1 + random.below(4) where !bytes.isEmpty { bytes[random.below(bytes.count)] = UInt8(random.below(256)) }
        case 2:
            // A lone or paired surrogate escape inside some string.
            if let quote = bytes.indices.filter({ bytes[$0] == UInt8(ascii: "\"") }).dropFirst(9).first {
                let escape = random.pick(["\\ud800", "\\udfff", "\\ud83d\\ude00", "\\u0000", "\\u202e"])
                bytes.insert(contentsOf: Array(escape.utf8), at: quote + 1)
            }
        default: bytes.insert(contentsOf: Array(",]}\"[{:".utf8).shuffled(using: &random), at: random.below(bytes.count + 1))
        }
        return Data(bytes)
    }

    @Test func mutatedExamplesNeverCrashOrHang() throws {
        let iterations = Int(ProcessInfo.processInfo.environment["FORMPRESS_FUZZ_ITERATIONS"] ?? "") ?? 1200
        var random = Random(state: 20_261_121)
        let typesetter = try makeTypesetter()
        let folder = try temporaryFolder()
        var seeds: [Data] = []
        for name in ExampleRenderingTests.names {
            var object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(examples)/\(name).json")))
            if var list = object as? [String: Any], let forms = list["forms"] as? [Any] {
                list["forms"] = Array(forms.prefix(2))  // two forms are enough, and quicker
                object = list
            }
            seeds.append(try JSONSerialization.data(withJSONObject: object))
        }
        var outcomes = (decoded: 0, rendered: 0, refused: 0)
        let start = Date()
        for iteration in 0..<iterations {
            let began = Date()
            var data = seeds[iteration % seeds.count]
            if random.below(6) == 0 {
                data = Self.mutateText(data, &random)
            } else {
                var value = try JSONSerialization.jsonObject(with: data)
                for _ in 0..<1 + random.below(3) { Self.mutate(&value, &random) }
                guard JSONSerialization.isValidJSONObject(value) else { continue }
                data = try JSONSerialization.data(withJSONObject: value)
            }
            do {
                let document = try FormDecoder.decode(data, file: "fuzz-\(iteration).json")
                outcomes.decoded += 1
                var pages: [Page] = []
                var warnings: [String] = []
                for (index, form) in document.forms.enumerated() {
                    let layout = try layouts.load(form.layout ?? document.layout ?? document.type.rawValue)
                    pages += try typesetter.pages(of: FormJob(form: form, layout: layout, path: document.path(ofForm: index)),
                                                  warnings: &warnings)
                }
                if iteration % 10 == 0, !pages.isEmpty {
                    try CairoRenderer().writePDF(Document(pages: pages), to: "\(folder)/fuzz.pdf")
                }
                outcomes.rendered += 1
            } catch TableError.invariantViolated(let problem) {
                // Refusing bad input is fine; breaking the engine's own rules is a bug.
                let path = "\(folder)/fuzz-\(iteration).json"
                try data.write(to: URL(fileURLWithPath: path))
                Issue.record("iteration \(iteration) (\(path)): \(problem)")
            } catch {
                outcomes.refused += 1
                #expect(!String(describing: error).isEmpty)
            }
            let seconds = Date().timeIntervalSince(began)
            #expect(seconds < 20, "iteration \(iteration) took \(seconds) s")
        }
        // The mutations must exercise all three outcomes, or they test little.
        #expect(outcomes.decoded > iterations / 10 && outcomes.rendered > iterations / 20 && outcomes.refused > iterations / 10,
                "\(outcomes)")
        print("fuzz: \(iterations) iterations, \(outcomes), \(Int(Date().timeIntervalSince(start))) s")
    }

    /// Real-looking texts of 1 to 300 characters put in place of a third of an example's texts,
    /// all at once: labels of many lines spanning rows that page breaks cut, beside long values.
    /// Every line must be placed once, inside its cell, and every table inside its page.
    @Test func longTextsEverywhereKeepEveryLineInItsCell() throws {
        let iterations = Int(ProcessInfo.processInfo.environment["FORMPRESS_FUZZ_ITERATIONS"] ?? "").map { $0 / 20 } ?? 60
        let pool = Array("开展各类党员培训，包括我镇中层干部、社区“两委”干部及机关基层年轻干部等（含退休），全年组织开展系列专题培训12期。《东莞日报》、《南方日报》≥90%；1,046.80万元/年——2024年度……")
        var random = Random(state: 20_261_122)
        func text() -> String {
            let count = random.pick([1, 8, 20, 60, 200, 300]), start = random.below(pool.count)
            return String((0..<count).map { pool[(start + $0) % pool.count] })
        }
        // Figures and the type and layout keys keep their values: the texts are what is tested.
        let kept: Set<String> = ["form", "layout", "unit", "amount", "basicExpenditure", "projectExpenditure",
                                 "fiscalAppropriation", "otherFunds", "specialFunds", "otherDevelopmentExpenditure",
                                 "cityLevelFunds", "transferFunds", "staffCount", "subordinateUnits", "budgetAmount",
                                 "startYear", "endYear"]
        func lengthen(_ value: Any, key: String? = nil) -> Any {
            if let object = value as? [String: Any] {
                return Dictionary(uniqueKeysWithValues: object.keys.sorted().map { ($0, lengthen(object[$0] ?? NSNull(), key: $0)) })
            }
            if let list = value as? [Any] { return list.map { lengthen($0) } }
            if value is String, !(key.map { kept.contains($0) || $0.hasPrefix("_") } ?? false), random.below(10) < 5 { return text() }
            return value
        }
        let typesetter = try makeTypesetter()
        let folder = try temporaryFolder()
        var laidOut = 0, pagesLaid = 0
        for iteration in 0..<iterations {
            let name = ["houjie-2026-approval", "dalang-2024", "suixi-2024", "dongguan-jiguan-2023"][iteration % 4]
            let example = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(examples)/\(name).json")))
            let data = try JSONSerialization.data(withJSONObject: lengthen(example))
            do {
                let document = try FormDecoder.decode(data, file: "long-\(iteration).json")
                var warnings: [String] = []
                for (index, form) in document.forms.enumerated() {
                    let layout = try layouts.load(form.layout ?? document.layout ?? document.type.rawValue)
                    pagesLaid += try typesetter.pages(of: FormJob(form: form, layout: layout, path: document.path(ofForm: index)), warnings: &warnings).count
                }
                laidOut += 1
            } catch TableError.pageTooSmall {
                continue  // a title of 200 characters may leave the table no room: refused, rightly
            } catch {
                let path = "\(folder)/long-\(iteration).json"
                try data.write(to: URL(fileURLWithPath: path))
                Issue.record("iteration \(iteration) (\(path)): \(error)")
            }
        }
        // Most documents must reach the page breaking, and run over several pages, or this tests little.
        #expect(laidOut > iterations * 3 / 4 && pagesLaid > laidOut * 4, "\(laidOut) of \(iterations) laid out, \(pagesLaid) pages")
    }
}

extension FuzzTests.Random: RandomNumberGenerator {}
