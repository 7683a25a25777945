import FoundationEssentials
import StrictJSON

/// The user's fonts, listed in `Fonts/fonts.json`; they come before installed fonts in their role's chain.
///
///     { "faces": [ { "role": "仿宋", "file": "FangSong_GB2312.ttf",
///                    "family": "仿宋_GB2312", "weight": "regular" } ] }
///
/// `file` is relative to the manifest's folder; `family` picks a face inside a collection
/// (optional for a single-face file); `weight` is "regular" (default) or "bold".
public struct FontManifest: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var role: FontRole
        public var path: String
        public var family: String?
        public var weight: FontWeight
        /// Where fonts.json lists it (`faces[2]`), for messages.
        public var key: String = ""
    }

    public var entries: [Entry]
    public init(entries: [Entry] = []) { self.entries = entries }

    public static let fileName = "fonts.json"

    /// Reads `directory/fonts.json`; a folder without a manifest gives an empty one.
    public static func load(directory: String) throws -> FontManifest {
        let path = directory + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return FontManifest() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FontError.invalidManifest(path: path, key: "", problem: "cannot be read")
        }
        return try parse(data, path: path, directory: directory)
    }

    static func parse(_ data: Data, path: String, directory: String) throws -> FontManifest {
        func fail(_ key: String, _ problem: String) -> FontError {
            .invalidManifest(path: path, key: key, problem: problem)
        }
        let file: ManifestFile
        do {
            file = try DecodingProblem.decode(ManifestFile.self, from: data)
        } catch let problem as DecodingProblem {
            throw fail(problem.isSyntax ? "" : problem.path.isEmpty ? "(top level)" : problem.path,
                       problem.isSyntax ? "not valid JSON: \(problem.problem)" : problem.problem)
        }
        var entries: [Entry] = []
        for (i, face) in file.faces.enumerated() {
            let at = "faces[\(i)]"
            guard let role = FontRole(name: face.role) else {
                throw fail("\(at).role", "unknown role \"\(face.role)\" (宋体/song, 黑体/hei, 仿宋/fangsong, 楷体/kai)")
            }
            guard !face.file.isEmpty else { throw fail("\(at).file", "missing font file name") }
            let weight = try face.weight.map { name in
                guard let weight = FontWeight(rawValue: name) else { throw fail("\(at).weight", "must be \"regular\" or \"bold\"") }
                return weight
            } ?? .regular
            let fullPath = face.file.hasPrefix("/") ? face.file : directory + "/" + face.file
            guard FileManager.default.isReadableFile(atPath: fullPath) else {
                throw fail("\(at).file", "\(fullPath) does not exist or cannot be read")
            }
            entries.append(Entry(role: role, path: fullPath, family: face.family, weight: weight, key: at))
        }
        return FontManifest(entries: entries)
    }

    /// fonts.json as written.
    private struct ManifestFile: Decodable {
        var faces: [Face]
        enum CodingKeys: String, CodingKey, CaseIterable { case faces }
        init(from decoder: Decoder) throws {
            faces = try decoder.strictContainer(keyedBy: CodingKeys.self).decode([Face].self, forKey: .faces)
        }
    }

    private struct Face: Decodable {
        var role: String
        var file: String
        var family: String?
        var weight: String?
        enum CodingKeys: String, CodingKey, CaseIterable { case role, file, family, weight }
        init(from decoder: Decoder) throws {
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
            role = try c.decode(String.self, forKey: .role)
            file = try c.decode(String.self, forKey: .file)
            family = try c.decodeIfPresent(String.self, forKey: .family)
            weight = try c.decodeIfPresent(String.self, forKey: .weight)
        }
    }
}
