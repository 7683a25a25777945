import CHarfBuzz
import Frames

/// A glyph as HarfBuzz shaped it, in em units (1.0 = the font size).
public struct ShapedGlyph: Hashable, Sendable {
    public var id: UInt32
    /// Index of the first Unicode scalar of the text this glyph belongs to.
    public var cluster: Int
    public var advance: Double
    public var xOffset: Double
    public var yOffset: Double
}

/// One face of a font file, loaded for shaping. Owns its HarfBuzz blob, face, font and buffer.
public final class FontFace {
    public let ref: FaceRef
    /// The family names the face gives itself (all languages), e.g. "Noto Serif CJK SC".
    public let familyNames: [String]
    public let unitsPerEm: Double

    private let blob: OpaquePointer
    private let face: OpaquePointer
    private let font: OpaquePointer
    private let buffer: OpaquePointer
    private var coverageCache: [UInt32: UInt32?] = [:]
    /// Shape plans by script (direction and language are always the same). hb_shape would
    /// look the plan up among the face's for every text (5% of typesetting's instructions).
    private var plans: [UInt32: OpaquePointer] = [:]

    /// The language all text is shaped in (BCP 47): simplified Chinese.
    static let language = "zh-Hans"

    /// Opens face `index` of the file at `path`.
    public init(path: String, index: Int) throws {
        guard let blob = hb_blob_create_from_file_or_fail(path) else {
            throw FontError.unreadableFontFile(path: path)
        }
        guard index >= 0, index < Int(hb_face_count(blob)), let face = hb_face_create(blob, UInt32(index)),
              hb_face_get_glyph_count(face) > 0
        else {
            hb_blob_destroy(blob)
            throw FontError.unreadableFontFile(path: path)
        }
        self.blob = blob
        self.face = face
        self.font = hb_font_create(face)
        self.buffer = hb_buffer_create()
        let upem = hb_face_get_upem(face)
        self.unitsPerEm = Double(upem)
        hb_font_set_scale(font, Int32(upem), Int32(upem))
        self.ref = FaceRef(path: path, index: index)
        self.familyNames = FontFace.familyNames(of: face)
    }

    deinit {
        for plan in plans.values { hb_shape_plan_destroy(plan) }
        hb_buffer_destroy(buffer)
        hb_font_destroy(font)
        hb_face_destroy(face)
        hb_blob_destroy(blob)
    }

    /// How many faces the file at `path` holds (1 for a plain .ttf/.otf), or nil if unreadable.
    public static func faceCount(path: String) -> Int? {
        guard let blob = hb_blob_create_from_file_or_fail(path) else { return nil }
        defer { hb_blob_destroy(blob) }
        let count = Int(hb_face_count(blob))
        return count > 0 ? count : nil
    }

    /// The name the face is best known by: its first family name.
    public var family: String { familyNames.first ?? ref.path }

    /// The glyph that prints `scalar` in this face, or nil if the face lacks it.
    public func glyph(for scalar: Unicode.Scalar) -> UInt32? {
        if let known = coverageCache[scalar.value] { return known }
        var glyph: hb_codepoint_t = 0
        let found = hb_font_get_nominal_glyph(font, scalar.value, &glyph) != 0 && glyph != 0
        let result: UInt32? = found ? glyph : nil
        coverageCache[scalar.value] = result
        return result
    }

    public func covers(_ scalar: Unicode.Scalar) -> Bool { glyph(for: scalar) != nil }

    /// Shapes `text[range]` (Unicode scalar values), left to right, as Chinese text; the whole
    /// text is given as context. Clusters are indices into `text`.
    public func shape(_ text: [UInt32], range: Range<Int>) -> [ShapedGlyph] {
        hb_buffer_clear_contents(buffer)
        text.withUnsafeBufferPointer { scalars in
            hb_buffer_add_utf32(buffer, scalars.baseAddress, Int32(scalars.count),
                                UInt32(range.lowerBound), Int32(range.count))
        }
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        hb_buffer_set_language(buffer, hb_language_from_string(Self.language, -1))
        hb_buffer_guess_segment_properties(buffer)
        if let plan = plan(for: buffer) {
            hb_shape_plan_execute(plan, font, buffer, nil, 0)
        } else {
            hb_shape(font, buffer, nil, 0)
        }

        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count),
              let positions = hb_buffer_get_glyph_positions(buffer, &count)
        else { return [] }
        let scale = 1 / unitsPerEm
        return (0..<Int(count)).map { i in
            ShapedGlyph(id: infos[i].codepoint, cluster: Int(infos[i].cluster),
                        advance: Double(positions[i].x_advance) * scale,
                        xOffset: Double(positions[i].x_offset) * scale,
                        yOffset: Double(positions[i].y_offset) * scale)
        }
    }

    /// The face's plan for shaping text with the buffer's segment properties.
    private func plan(for buffer: OpaquePointer) -> OpaquePointer? {
        var properties = hb_segment_properties_t()
        hb_buffer_get_segment_properties(buffer, &properties)
        if let known = plans[properties.script.rawValue] { return known }
        let plan = hb_shape_plan_create_cached(face, &properties, nil, 0, nil)
        plans[properties.script.rawValue] = plan
        return plan
    }

    /// The glyph's advance in em units.
    public func advance(of glyph: UInt32) -> Double {
        Double(hb_font_get_glyph_h_advance(font, glyph)) / unitsPerEm
    }

    /// Family names (name ids 1 and 16, every language) of a face.
    private static func familyNames(of face: OpaquePointer) -> [String] {
        var count: UInt32 = 0
        guard let entries = hb_ot_name_list_names(face, &count) else { return [] }
        var english: [String] = []
        var others: [String] = []
        for i in 0..<Int(count) {
            let entry = entries[i]
            guard entry.name_id == HB_OT_NAME_ID_FONT_FAMILY || entry.name_id == HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY
            else { continue }
            var length = hb_ot_name_get_utf8(face, entry.name_id, entry.language, nil, nil) + 1
            var bytes = [CChar](repeating: 0, count: Int(length))
            _ = hb_ot_name_get_utf8(face, entry.name_id, entry.language, &length, &bytes)
            let name = String(decoding: bytes.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard !name.isEmpty else { continue }
            let language = hb_language_to_string(entry.language).map { String(cString: $0) } ?? ""
            if language.hasPrefix("en") { english.append(name) } else { others.append(name) }
        }
        // English first: it is the name fontconfig and users know the face by.
        var names: [String] = []
        for name in english + others where !names.contains(name) { names.append(name) }
        return names
    }
}
