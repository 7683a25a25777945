import CHarfBuzz
import CHarfBuzzSubset
import Foundation
import Frames

/// Cuts a face down to the glyphs a document uses, for embedding.
///
/// Glyph ids are retained (so laid-out runs stay valid), subroutines flattened and hinting
/// dropped: cairo 1.16 would otherwise embed every subroutine of a CJK face (about 0.5 MB each).
public enum FontSubsetter {
    /// The bytes of a font holding only `glyphs` (and .notdef) of `face`; `characters` keeps
    /// those characters (and their glyphs) in the font's character map too.
    public static func subset(_ face: FaceRef, glyphs: Set<UInt32>,
                              characters: Set<Unicode.Scalar> = []) throws -> Data {
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

        let glyphSet = hb_subset_input_glyph_set(input)
        hb_set_add(glyphSet, 0)
        for glyph in glyphs.sorted() { hb_set_add(glyphSet, glyph) }
        let unicodeSet = hb_subset_input_unicode_set(input)
        for character in characters { hb_set_add(unicodeSet, character.value) }
        let flags = HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue | HB_SUBSET_FLAGS_DESUBROUTINIZE.rawValue
            | HB_SUBSET_FLAGS_NO_HINTING.rawValue
        hb_subset_input_set_flags(input, flags)

        guard let subset = hb_subset_or_fail(source, input) else {
            throw FontError.subsetFailed(face: "\(face.path)#\(face.index)")
        }
        defer { hb_face_destroy(subset) }
        guard let result = hb_face_reference_blob(subset) else { throw FontError.subsetFailed(face: face.path) }
        defer { hb_blob_destroy(result) }
        var length: UInt32 = 0
        guard let bytes = hb_blob_get_data(result, &length), length > 0 else {
            throw FontError.subsetFailed(face: face.path)
        }
        return Data(bytes: bytes, count: Int(length))
    }
}
