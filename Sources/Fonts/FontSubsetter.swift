import CHarfBuzz
import CHarfBuzzSubset
import FoundationEssentials
import Frames

/// A face cut down to some glyphs: the font's bytes, and where each original glyph went.
public struct FontSubset: Sendable {
    public var bytes: SubsetBytes
    /// Original glyph id → glyph id in the subset.
    public var glyphMap: [UInt32: UInt32]

    /// A copy of the font's bytes (to write it out or read its tables).
    public var data: Data { bytes.withUnsafeBytes { Data($0) } }
}

/// The bytes of a cut where hb-subset made them: a CJK cut is a few hundred KB, and the
/// FreeType faces of every thread read them in place rather than each from a copy.
public final class SubsetBytes: @unchecked Sendable {  // immutable after init
    private let blob: OpaquePointer
    private let buffer: UnsafeRawBufferPointer

    /// Takes over one reference to `blob`; nil (the reference released) if it holds no bytes.
    init?(taking blob: OpaquePointer) {
        var length: UInt32 = 0
        guard let bytes = hb_blob_get_data(blob, &length), length > 0 else {
            hb_blob_destroy(blob)
            return nil
        }
        self.blob = blob
        buffer = UnsafeRawBufferPointer(start: bytes, count: Int(length))
    }

    deinit { hb_blob_destroy(blob) }

    /// The bytes, in place. They stay valid while this object lives: a reader that keeps the
    /// pointer (a FreeType face) must keep the object too.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(buffer)
    }
}

/// Cuts a face down to the glyphs a document uses, for embedding.
///
/// Glyphs are renumbered compactly (keeping the 65,535 empty slots of a CJK face costs more time
/// than the rest of the document), subroutines flattened and hinting dropped: cairo 1.16 would
/// otherwise embed every subroutine of a CJK face (about 0.5 MB each).
public enum FontSubsetter {
    /// `glyphs` (and .notdef) of `face`, and those of `characters` with every glyph shaping
    /// reaches from them in horizontal simplified Chinese text (`FontFace.language`).
    ///
    /// The cut is for cairo, which draws by glyph id and takes its text from clusters: it has no
    /// character map and no positioning tables, and its GSUB is the face's own, uncut (it names
    /// the face's glyph ids, not the cut's: nothing may shape with it). With `toShapeWith` (as
    /// tests make) it keeps every table, cut to match, and closes over vertical forms and every
    /// language's local forms too, as hb-subset does by default.
    public static func subset(_ face: FaceRef, glyphs: Set<UInt32>, characters: Set<Unicode.Scalar> = [],
                              toShapeWith: Bool = false) throws -> FontSubset {
        guard let blob = hb_blob_create_from_file_or_fail(face.path) else {
            throw FontError.unreadableFontFile(path: face.path)
        }
        defer { hb_blob_destroy(blob) }
        guard let source = hb_face_create(blob, UInt32(face.index)) else {
            throw FontError.unreadableFontFile(path: face.path)
        }
        defer { hb_face_destroy(source) }
        guard let input = hb_subset_input_create_or_fail() else {
            throw FontError.subsetFailed(face: face.path)
        }
        defer { hb_subset_input_destroy(input) }

        // hb-subset keeps .notdef anyway; naming any glyph makes it read the whole character
        // map (45,000 entries in a CJK face: 4 to 6 ms a cut), so glyphs are named only if asked for.
        let glyphSet = hb_subset_input_glyph_set(input)
        for glyph in glyphs.sorted() { hb_set_add(glyphSet, glyph) }
        let unicodeSet = hb_subset_input_unicode_set(input)
        for character in characters { hb_set_add(unicodeSet, character.value) }
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_DESUBROUTINIZE.rawValue | HB_SUBSET_FLAGS_NO_HINTING.rawValue)
        if !toShapeWith {
            // Lines are set horizontally: a CJK face's vertical forms cost the first cut of a
            // process more than the rest of it (hb-subset readies every lookup it closes over).
            let features = hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG)
            for feature in ["vert", "vrt2", "vkna", "vkrn", "vpal", "vhal", "valt"] { hb_set_del(features, openTypeTag(feature)) }
            // cairo takes each glyph's text from the clusters it is drawn with; given a map it
            // first searches it backwards for every new glyph of every file (7% of a split file).
            let dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
            for table in ["cmap", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG"] { hb_set_add(dropped, openTypeTag(table)) }
            // GSUB stays, or hb-subset would not close over substitutions, but it is copied as
            // it is, not cut: nothing reads it from the cut (cairo embeds the outlines alone),
            // and cutting a CJK face's GSUB costs more than a fifth of the whole cut.
            hb_set_add(hb_subset_input_set(input, HB_SUBSET_SETS_NO_SUBSET_TABLE_TAG), openTypeTag("GSUB"))
        }

        // Cut from the face as shaping in our language sees it (see `ShapingGSUB`).
        let shapingFace = toShapeWith ? nil : LanguageFace(source, language: FontFace.language)
        guard let plan = hb_subset_plan_create_or_fail(shapingFace?.face ?? source, input) else {
            throw FontError.subsetFailed(face: "\(face.path)#\(face.index)")
        }
        defer { hb_subset_plan_destroy(plan) }
        var glyphMap: [UInt32: UInt32] = [:]
        // New glyph ids are compact (0 ..< count): walk them (HarfBuzz 6 cannot iterate a map).
        let newToOld = hb_subset_plan_new_to_old_glyph_mapping(plan)
        for new in 0..<hb_map_get_population(newToOld) {
            let old = hb_map_get(newToOld, new)
            if old != UInt32.max { glyphMap[old] = new }  // UInt32.max: HB_MAP_VALUE_INVALID
        }
        for glyph in glyphs where glyphMap[glyph] == nil {
            throw FontError.subsetFailed(face: "\(face.path) glyph \(glyph)")
        }
        guard let subset = hb_subset_plan_execute_or_fail(plan) else {
            throw FontError.subsetFailed(face: "\(face.path)#\(face.index)")
        }
        defer { hb_face_destroy(subset) }
        guard let result = hb_face_reference_blob(subset), let bytes = SubsetBytes(taking: result) else {
            throw FontError.subsetFailed(face: face.path)
        }
        return FontSubset(bytes: bytes, glyphMap: glyphMap)
    }
}
