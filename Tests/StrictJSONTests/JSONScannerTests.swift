import Foundation
import StrictJSON
import TestSupport
import Testing

/// The scanner reads a document in pieces of any size and finds the same outline and the same
/// first problem as when it reads it whole.
@Suite struct JSONScannerTests {
    /// Scans `text` in pieces of `size` bytes.
    func scan(_ text: Data, pieces size: Int) -> (JSONScanner, JSONSyntax.Problem?) {
        var scanner = JSONScanner()
        text.withUnsafeBytes { bytes in
            var start = 0
            while start < bytes.count {
                scanner.scan(UnsafeRawBufferPointer(rebasing: bytes[start..<min(bytes.count, start + size)]))
                start += size
            }
        }
        let problem = scanner.finish()
        return (scanner, problem)
    }

    @Test func theProjectListIsOutlinedFormByFormInPiecesOfAnySize() throws {
        let text = try Data(contentsOf: URL(fileURLWithPath: Repository.examples + "/dongkeng-2024-projects.json"))
        let (whole, problem) = scan(text, pieces: text.count)
        #expect(problem == nil)
        #expect(whole.isObject)
        #expect(whole.members.map(\.key) == ["form", "layout", "_source", "forms"])
        let items = try #require(whole.members[3].items)
        #expect(whole.members.dropLast().allSatisfy { $0.items == nil })
        #expect(items.count == 22)
        // Each item is one form: its text decodes alone and starts and ends with its braces.
        for item in items {
            #expect(text[item].first == UInt8(ascii: "{") && text[item].last == UInt8(ascii: "}"))
            let form = try JSONSerialization.jsonObject(with: text.subdata(in: item)) as? [String: Any]
            #expect(form?["projectName"] is String)
        }
        #expect(String(decoding: text[whole.members[0].value], as: UTF8.self) == "\"项目\"")
        for size in [1, 2, 3, 7, 64, 4096] {
            let (pieces, problem) = scan(text, pieces: size)
            #expect(problem == nil && pieces.members == whole.members, "pieces of \(size) bytes")
        }
    }

    @Test func problemsAreTheSameWhateverThePieces() {
        let cases: [(String, String)] = [
            ("{\"a\": [1, 2,, 3]}", "line 1, column 13: expected a value (a text in \"quotes\", a number, a list or an object)"),
            ("{\"a\": \"全年\n\"}", "line 1, column 10: line break inside a text (write \\n)"),
            ("{\"a\": \"\\u12G4\"}", "line 1, column 8: \\u must be followed by four hexadecimal digits"),
            ("{\"a\": \"\\x\"}", "line 1, column 8: unknown escape \\x"),
            // A character above U+FFFF is two escapes, high half then low: either alone is refused.
            ("{\"a\": \"年\\ud800\"}", "line 1, column 9: a \\u escape of half a character (a lone surrogate)"),
            ("{\"a\": \"\\ud800年\"}", "line 1, column 8: a \\u escape of half a character (a lone surrogate)"),
            ("{\"a\": \"\\ud800\\n\"}", "line 1, column 8: a \\u escape of half a character (a lone surrogate)"),
            ("{\"a\": \"\\ud800\\u0041\"}", "line 1, column 8: a \\u escape of half a character (a lone surrogate)"),
            ("{\"a\": \"x\\udc00\"}", "line 1, column 9: a \\u escape of half a character (a lone surrogate)"),
            ("{\"a\": \"\\ud83d\\ude00\", \"b\": \"\\ud800\"}", "line 1, column 29: a \\u escape of half a character (a lone surrogate)"),
            ("{\"a\": -.5}", "line 1, column 7: malformed number"),
            ("{\"a\": 1e}", "line 1, column 7: malformed number"),
            // A leading zero is not JSON (a code such as 0012 is a text).
            ("{\"a\": 00012}", "line 1, column 7: a number may not start with 0: leave the zeros out, or write it in quotes to keep them"),
            ("{\"a\": [0, -01]}", "line 1, column 11: a number may not start with 0: leave the zeros out, or write it in quotes to keep them"),
            ("{\"a\": nul}", "line 1, column 7: expected a value (a text in \"quotes\", a number, a list or an object)"),
            ("{\"项目\": tru", "line 1, column 8: expected a value (a text in \"quotes\", a number, a list or an object)"),
            ("{\"a\": \"全年", "line 1, column 7: text in quotes is never closed"),
            ("{\"a\": 1}\n x", "line 2, column 2: unexpected text after the end of the document"),
            ("{\"a\" 1}", "line 1, column 6: expected \":\" after the key"),
            ("[1 2]", "line 1, column 4: expected \",\" or \"]\""),
            ("{\"a\": [\n", "line 2, column 1: unexpected end of file"),
        ]
        for (text, expected) in cases {
            for size in [1, 2, 5, 1000] {
                #expect(scan(Data(text.utf8), pieces: size).1?.description == expected, "\(text) in pieces of \(size)")
            }
        }
        // Zero itself, and numbers with a zero before their point or exponent, are fine.
        for text in ["{\"a\": 0}", "{\"a\": [-0, 0.5, 0e3, 10]}"] { #expect(scan(Data(text.utf8), pieces: 3).1 == nil, "\(text)") }
    }

    @Test func brokenUTF8IsNamedEvenAfterASyntaxProblemAndAcrossPieces() {
        // 全 is E5 85 A8: cut after two of its bytes, then a plain letter.
        var text = Data("{\"a\": \"".utf8) + Data([0xE5, 0x85]) + Data("x\"}".utf8)
        for size in [1, 2, 8, 100] {
            #expect(scan(text, pieces: size).1?.description == "line 1, column 8: not UTF-8 text (a binary file, or another encoding)")
        }
        text = Data("{\"a\" 1, \"b\": \"".utf8) + Data([0xFF]) + Data("\"}".utf8)
        #expect(scan(text, pieces: 3).1?.description == "line 1, column 15: not UTF-8 text (a binary file, or another encoding)")
        // Cut short inside a character (a download or copy broken off): said so.
        #expect(scan(Data([0xE5, 0x85]), pieces: 1).1?.description == "line 1, column 1: ends in the middle of a character: the file is cut short (or not UTF-8 text)")
        #expect(scan(Data("{\"a\": \"".utf8) + Data([0xE5, 0x85]), pieces: 3).1?.description
                == "line 1, column 8: ends in the middle of a character: the file is cut short (or not UTF-8 text)")
        // Well-formed in shape but not UTF-8: an overlong /, a surrogate, a code point past U+10FFFF.
        for bytes: [UInt8] in [[0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80]] {
            let bad = Data("{\"a\": \"名".utf8) + Data(bytes) + Data("\"}".utf8)
            for size in [1, 3, 100] {
                #expect(scan(bad, pieces: size).1?.description == "line 1, column 9: not UTF-8 text (a binary file, or another encoding)", "\(bytes) in pieces of \(size)")
            }
        }
        // The largest and smallest sequences of each length are fine.
        for bytes: [UInt8] in [[0xC2, 0x80], [0xEF, 0xBF, 0xBD], [0xED, 0x9F, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF]] {
            #expect(scan(Data("{\"a\": \"".utf8) + Data(bytes) + Data("\"}".utf8), pieces: 2).1 == nil, "\(bytes)")
        }
    }

    @Test func mutatedTextGivesTheSameVerdictWholeAndInPieces() throws {
        let original = try Array(Data(contentsOf: URL(fileURLWithPath: Repository.examples + "/houjie-2026-approval.json")))
        var state: UInt64 = 0x2545F4914F6CDD1D  // xorshift: a failure can be replayed
        func random(_ n: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(max(1, n)))
        }
        let inserts = Array("{}[],:\"\\ 0-e.tnu\n".utf8) + [0x00, 0x1F, 0xE5, 0x85, 0xFF]
        for iteration in 0..<300 {
            var text = original
            for _ in 0...random(4) {
                let at = random(text.count)
                switch random(3) {
                case 0 where !text.isEmpty: text.remove(at: at)
                case 0, 1: text.insert(inserts[random(inserts.count)], at: at)
                default: text = Array(text.prefix(at))
                }
            }
            let data = Data(text)
            let (whole, problem) = scan(data, pieces: max(1, data.count))
            let size = 1 + random(97)
            let (pieces, pieceProblem) = scan(data, pieces: size)
            #expect(problem == pieceProblem, "iteration \(iteration), pieces of \(size)")
            if problem == nil { #expect(whole.members == pieces.members, "iteration \(iteration)") }
        }
    }

    @Test func nestingDeeperThanTheLimitIsRefused() {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(JSONSyntax.check(Data(deep.utf8))?.description == "line 1, column 65: nested more than 64 levels deep")
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(JSONSyntax.check(Data(fine.utf8)) == nil)
    }
}
