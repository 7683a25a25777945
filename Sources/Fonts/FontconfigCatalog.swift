import CFontconfig

/// A face that fontconfig knows: where it is and what it calls itself.
public struct InstalledFace: Hashable, Sendable {
    public var path: String
    public var index: Int
    public var family: String
    public var style: String
    /// fontconfig weight: 80 regular, 200 bold.
    public var weight: Int
    /// fontconfig slant: 0 roman.
    public var slant: Int
}

/// The fonts installed on this machine, as fontconfig lists them. Owns the FcConfig, which
/// takes 4 ms to load: one is shared by the font libraries of every thread. It is never changed
/// after loading, and fontconfig answers lists from several threads at once.
public final class FontconfigCatalog: @unchecked Sendable {
    private let config: OpaquePointer

    public init() throws {
        guard let config = FcInitLoadConfigAndFonts() else { throw FontError.fontconfigUnavailable }
        self.config = config
    }

    deinit { FcConfigDestroy(config) }

    /// Every installed face whose family list contains `family` exactly (fontconfig compares
    /// family names without case and spaces).
    func faces(family: String) -> [InstalledFace] {
        guard let pattern = FcPatternCreate() else { return [] }
        defer { FcPatternDestroy(pattern) }
        _ = family.withCString { FcPatternAddString(pattern, "family", UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }
        guard let objects = FcObjectSetCreate() else { return [] }
        defer { FcObjectSetDestroy(objects) }
        for name in ["file", "index", "family", "style", "weight", "slant"] {
            _ = FcObjectSetAdd(objects, name)
        }
        guard let list = FcFontList(config, pattern, objects) else { return [] }
        defer { FcFontSetDestroy(list) }

        var found: [InstalledFace] = []
        for i in 0..<Int(list.pointee.nfont) {
            guard let font = list.pointee.fonts[i], let path = string(font, "file") else { continue }
            found.append(InstalledFace(
                path: path, index: integer(font, "index") ?? 0,
                family: string(font, "family") ?? family, style: string(font, "style") ?? "",
                weight: integer(font, "weight") ?? 80, slant: integer(font, "slant") ?? 0))
        }
        // fontconfig lists in no fixed order; sort so that resolution is deterministic.
        return found.sorted { ($0.path, $0.index) < ($1.path, $1.index) }
    }

    private func string(_ pattern: OpaquePointer, _ object: String) -> String? {
        var value: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(pattern, object, 0, &value) == FcResultMatch, let value else { return nil }
        return String(cString: value)
    }

    private func integer(_ pattern: OpaquePointer, _ object: String) -> Int? {
        var value: Int32 = 0
        guard FcPatternGetInteger(pattern, object, 0, &value) == FcResultMatch else { return nil }
        return Int(value)
    }
}
