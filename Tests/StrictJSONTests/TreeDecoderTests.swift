import Foundation
import StrictJSON
import Testing

/// formpress's own decoder reads what Foundation's JSONDecoder reads, to the same values, and
/// its failures become the same messages, each naming its JSON path.
@Suite struct TreeDecoderTests {
    struct Sample: Decodable, Equatable {
        var name: String
        var count: Int
        var ratio: Double
        var done: Bool
        var note: String?
        var tags: [String]
        var parts: [Part]

        struct Part: Decodable, Equatable {
            var label: String
            var width: Double?
            init(label: String, width: Double?) { self.label = label; self.width = width }
            enum CodingKeys: String, CodingKey, CaseIterable { case label, width }
            init(from decoder: Decoder) throws {
                let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
                label = try c.decode(String.self, forKey: .label)
                width = try c.decodeIfPresent(Double.self, forKey: .width)
            }
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case name, count, ratio, done, note, tags, parts }
        init(from decoder: Decoder) throws {
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            count = try c.decode(Int.self, forKey: .count)
            ratio = try c.decode(Double.self, forKey: .ratio)
            done = try c.decode(Bool.self, forKey: .done)
            note = try c.decodeIfPresent(String.self, forKey: .note)
            tags = try c.decode([String].self, forKey: .tags)
            parts = try c.decode([Part].self, forKey: .parts)
        }
    }

    /// The sample object's members as written, each key once.
    static let members: [(String, String)] = [
        ("name", #""绩效\n目标\"表\" \u4e2d\ud83d\ude00""#), ("count", "3"), ("ratio", "-1.25e2"), ("done", "true"),
        ("note", "null"), ("tags", #"["资金到位率", "", "100%"]"#),
        ("parts", #"[{"label": "一级指标"}, {"label": "二级", "width": 12.5}]"#), ("_comment", "1"),
    ]

    /// The sample's text, with the value of `key` replaced by (or a new member given) `value`.
    func sample(_ key: String = "", _ value: String = "") -> String {
        var members = Self.members
        if let index = members.firstIndex(where: { $0.0 == key }) { members[index].1 = value }
        else if !key.isEmpty { members.append((key, value)) }
        return "{" + members.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    func problem(_ text: String) -> DecodingProblem? {
        do {
            _ = try DecodingProblem.decode(Sample.self, from: Data(text.utf8))
            return nil
        } catch {
            return error as? DecodingProblem
        }
    }

    @Test func valuesAreTheSameAsFoundationReads() throws {
        for (key, value) in [("", ""), ("count", "3.0"), ("count", "1e2"), ("note", #""备注""#), ("ratio", "7")] {
            let text = sample(key, value)
            let ours = try DecodingProblem.decode(Sample.self, from: Data(text.utf8))
            let foundation = try JSONDecoder().decode(Sample.self, from: Data(text.utf8))
            #expect(ours == foundation, "\(text)")
        }
        let read = try DecodingProblem.decode(Sample.self, from: Data(sample().utf8))
        #expect(read.name == "绩效\n目标\"表\" 中😀")
        #expect(read.ratio == -125 && read.count == 3 && read.done && read.note == nil)
        #expect(read.parts == [Sample.Part(label: "一级指标", width: nil), Sample.Part(label: "二级", width: 12.5)])
    }

    @Test func failuresNameTheirPathAndProblem() {
        let cases: [(String, String, String)] = [
            ("count", "1.5", "count: the number 1.5 does not fit in Int"),
            ("ratio", "1e400", "ratio: the number 1e400 does not fit in Double"),
            ("ratio", #""12""#, "ratio: expected a number"),
            ("done", "1", "done: expected true or false"),
            ("name", "null", "name: expected a text (a string in quotes), found null"),
            ("tags", #"["a", 2]"#, "tags[1]: expected a text (a string in quotes)"),
            ("tags", #""a""#, "tags: expected a list"),
            ("parts", #"[{"label": "x"}, {"lable": "y"}]"#, #"parts[1].lable: unknown key "lable" (did you mean "label"?)"#),
            ("parts", #"[{"label": "x"}, {"width": 3}]"#, "parts[1].label: missing (required)"),
            ("parts", #"[{"label": "x"}, 7]"#, "parts[1]: expected an object"),
            ("parts", #"[{"label": "x", "label": "y"}]"#, "parts[0].label: written twice (one value would be lost)"),
            ("zzz", "1", #"zzz: unknown key "zzz" (known keys: name, count, ratio, done, note, tags, parts)"#),
        ]
        for (key, value, message) in cases {
            #expect(problem(sample(key, value))?.description == message, "\(key): \(value)")
        }
    }

    @Test func textThatIsNotJSONIsASyntaxProblem() {
        let lone = problem(#"{"name": "\ud800"}"#)
        #expect(lone?.isSyntax == true)
        #expect(lone?.problem.contains("lone surrogate") == true)
        #expect(problem(#"{"name": "x",}"#)?.isSyntax == true)
        #expect(problem("")?.description == "(top level): the file is empty")
        #expect(problem("[1]")?.description == "(top level): expected an object")
    }
}
