import FoundationEssentials
import Frames

/// The families each role looks for among installed fonts, in order.
public struct DefaultFamilies: Sendable {
    public var families: [FontRole: [String]]

    public static let standard = DefaultFamilies(families: [
        .song: ["Noto Serif CJK SC", "Source Han Serif SC", "FandolSong", "AR PL UMing CN"],
        .hei: ["Noto Sans CJK SC", "Source Han Sans SC", "FandolHei", "WenQuanYi Micro Hei"],
        .fangsong: ["仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "FandolFang"],
        .kai: ["楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "LXGW WenKai", "AR PL UKai CN", "FandolKai"],
    ])

    /// The roles whose faces a role borrows, after its own, for characters it lacks.
    static func fallbackRoles(of role: FontRole) -> [FontRole] {
        switch role {
        case .song: return [.hei]
        case .hei: return [.song]
        case .fangsong, .kai: return [.song, .hei]
        }
    }
}

/// Resolves the font chain of every role and weight, once, and keeps the faces open.
/// One per process (or per thread): it owns FreeType-free HarfBuzz faces and shares a fontconfig
/// catalog, and is the cache that the text engine is handed.
public final class FontLibrary {
    public let manifest: FontManifest
    public let defaults: DefaultFamilies
    /// Notes for the user about how chains were resolved (a role borrowing another's fonts…).
    public private(set) var warnings: [String] = []

    private let catalog: FontconfigCatalog
    private var openFaces: [FaceRef: FontFace] = [:]
    private var ownLinks: [String: [FontChain.Link]] = [:]
    private var chains: [String: FontChain] = [:]
    /// Where the user's fonts are listed, as warnings name it.
    private let manifestPath: String

    /// `fontsDirectory` is the folder with the user's `fonts.json` (nil: none); `catalog`, the
    /// installed fonts as another library found them (nil: fontconfig is asked anew).
    public init(fontsDirectory: String?, defaults: DefaultFamilies = .standard, catalog: FontconfigCatalog? = nil) throws {
        self.manifest = try fontsDirectory.map(FontManifest.load(directory:)) ?? FontManifest()
        manifestPath = (fontsDirectory ?? "Fonts") + "/" + FontManifest.fileName
        self.defaults = defaults
        self.catalog = try catalog ?? FontconfigCatalog()
        // Every face the user lists is found now, used or not: a broken entry for 楷体 is not
        // left to fail on the day a form first prints 楷体.
        for entry in manifest.entries { _ = try manifestFace(entry) }
    }

    /// The chain for a role and weight: the role's own faces (manifest, then installed), then
    /// the faces of its fallback roles. Throws if no face at all is found.
    public func chain(_ role: FontRole, weight: FontWeight = .regular) throws -> FontChain {
        let key = "\(role.rawValue)/\(weight.rawValue)"
        if let known = chains[key] { return known }

        var links = try ownFaces(role, weight: weight)
        if links.isEmpty, role == .fangsong || role == .kai {
            note("\(role.chineseName): none of \(defaults.families[role, default: []].joined(separator: ", ")) "
                + "is installed or listed in \(manifestPath); printing it with \(FontRole.song.chineseName)")
        }
        for other in DefaultFamilies.fallbackRoles(of: role) {
            for link in try ownFaces(other, weight: weight) where !links.contains(where: { $0.face.ref == link.face.ref }) {
                links.append(FontChain.Link(face: link.face, origin: .fallback))
            }
        }
        guard !links.isEmpty else {
            throw FontError.noFaceForRole(role, tried: defaults.families[role, default: []])
        }
        let chain = FontChain(role: role, weight: weight, links: links)
        chains[key] = chain
        return chain
    }

    /// A face by its reference, opened once.
    public func face(_ ref: FaceRef) throws -> FontFace {
        if let open = openFaces[ref] { return open }
        let face = try FontFace(path: ref.path, index: ref.index)
        openFaces[ref] = face
        return face
    }

    /// Records a warning once.
    private func note(_ warning: String) {
        if !warnings.contains(warning) { warnings.append(warning) }
    }

    /// The role's own faces: the manifest's first, then installed default families.
    private func ownFaces(_ role: FontRole, weight: FontWeight) throws -> [FontChain.Link] {
        let key = "\(role.rawValue)/\(weight.rawValue)"
        if let known = ownLinks[key] { return known }
        var links: [FontChain.Link] = []
        func add(_ face: FontFace, _ origin: FaceOrigin) {
            if !links.contains(where: { $0.face.ref == face.ref }) { links.append(.init(face: face, origin: origin)) }
        }

        let listed = manifest.entries.filter { $0.role == role }
        let atWeight = listed.filter { $0.weight == weight }
        if atWeight.isEmpty, !listed.isEmpty, weight == .bold {
            note("\(role.chineseName): \(manifestPath) lists no bold face; bold text uses the regular one")
        }
        for entry in atWeight.isEmpty ? listed : atWeight {
            add(try manifestFace(entry), .manifest)
        }
        for family in defaults.families[role, default: []] {
            if let installed = bestInstalledFace(family: family, weight: weight) {
                add(try face(FaceRef(path: installed.path, index: installed.index)), .installed)
            }
        }
        ownLinks[key] = links
        return links
    }

    /// The face a manifest entry names: by family inside a collection, else the file's first face.
    private func manifestFace(_ entry: FontManifest.Entry) throws -> FontFace {
        func fail(_ key: String, _ problem: String) -> FontError {
            .invalidManifest(path: manifestPath, key: "\(entry.key).\(key)", problem: problem)
        }
        let unreadable = fail("file", "\(entry.path) is not a readable font file")
        func load(_ index: Int) throws -> FontFace {
            do { return try face(FaceRef(path: entry.path, index: index)) } catch FontError.unreadableFontFile { throw unreadable }
        }
        guard let count = FontFace.faceCount(path: entry.path) else { throw unreadable }
        guard let family = entry.family else { return try load(0) }
        var held: [String] = []
        for index in 0..<count {
            let candidate = try load(index)
            if candidate.familyNames.contains(where: { $0.lowercased() == family.lowercased() }) {
                return candidate
            }
            if !held.contains(candidate.family) { held.append(candidate.family) }
        }
        throw fail("family", "\(entry.path) holds no face of the family \"\(family)\" (it holds \(held.joined(separator: ", ")))")
    }

    /// The installed face of a family closest to the weight, upright preferred.
    private func bestInstalledFace(family: String, weight: FontWeight) -> InstalledFace? {
        let target = weight == .bold ? 200 : 80
        return catalog.faces(family: family).min { a, b in
            (a.slant != 0 ? 1 : 0, abs(a.weight - target), a.path, a.index)
                < (b.slant != 0 ? 1 : 0, abs(b.weight - target), b.path, b.index)
        }
    }
}
