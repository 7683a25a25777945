import Foundation

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
    }

    public var entries: [Entry]
    public init(entries: [Entry] = []) { self.entries = entries }

    public static let fileName = "fonts.json"

    /// Reads `directory/fonts.json`; a folder without a manifest gives an empty one.
    public static func load(directory: String) throws -> FontManifest {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return FontManifest() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FontError.invalidManifest(path: path, key: "(file)", problem: "cannot be read")
        }
        return try parse(data, path: path, directory: directory)
    }

    static func parse(_ data: Data, path: String, directory: String) throws -> FontManifest {
        func fail(_ key: String, _ problem: String) -> FontError {
            .invalidManifest(path: path, key: key, problem: problem)
        }
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw fail("(file)", "not valid JSON")
        }
        guard let object = root as? [String: Any] else { throw fail("(root)", "must be an object with \"faces\"") }
        for key in object.keys where key != "faces" && !key.hasPrefix("_") {
            throw fail(key, "unknown key (expected \"faces\")")
        }
        guard let faces = object["faces"] as? [Any] else { throw fail("faces", "must be a list of faces") }

        var entries: [Entry] = []
        for (i, item) in faces.enumerated() {
            let at = "faces[\(i)]"
            guard let face = item as? [String: Any] else { throw fail(at, "must be an object") }
            for key in face.keys where !["role", "file", "family", "weight"].contains(key) && !key.hasPrefix("_") {
                throw fail("\(at).\(key)", "unknown key (expected role, file, family, weight)")
            }
            guard let roleName = face["role"] as? String else { throw fail("\(at).role", "missing (宋体, 黑体, 仿宋 or 楷体)") }
            guard let role = FontRole(name: roleName) else {
                throw fail("\(at).role", "unknown role \"\(roleName)\" (宋体/song, 黑体/hei, 仿宋/fangsong, 楷体/kai)")
            }
            guard let file = face["file"] as? String, !file.isEmpty else { throw fail("\(at).file", "missing font file name") }
            let family = face["family"] as? String
            if face["family"] != nil, family == nil { throw fail("\(at).family", "must be a string") }
            var weight = FontWeight.regular
            if let value = face["weight"] {
                guard let name = value as? String, let parsed = FontWeight(rawValue: name) else {
                    throw fail("\(at).weight", "must be \"regular\" or \"bold\"")
                }
                weight = parsed
            }
            let fullPath = file.hasPrefix("/") ? file : (directory as NSString).appendingPathComponent(file)
            guard FileManager.default.isReadableFile(atPath: fullPath) else {
                throw fail("\(at).file", "\(fullPath) does not exist or cannot be read")
            }
            entries.append(Entry(role: role, path: fullPath, family: family, weight: weight))
        }
        return FontManifest(entries: entries)
    }
}
