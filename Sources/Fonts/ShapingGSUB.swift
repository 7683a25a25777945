import CHarfBuzz

/// A face's GSUB as text in one language sees it: every script keeps its default language
/// system, the language's own and any 'dflt' one, and loses the others.
///
/// hb-subset closes a cut over the substitutions of every language system. A CJK face's
/// Japanese, Korean and traditional Chinese systems substitute hundreds of characters with their
/// local forms (a simplified Chinese county form: 543 characters, 907 glyphs with them, 562
/// without), and flattening glyphs that are never drawn was 40% of the cut. HarfBuzz shapes in
/// a language by its own language system if the script has one, else the script's default, so
/// the closure over what is kept is still every glyph shaping can reach.
enum ShapingGSUB {
    /// The language system tags HarfBuzz may shape `language` (BCP 47) by: its own (ZHS for
    /// zh-Hans), and 'dflt', which HarfBuzz takes where a script lists it but not the language.
    static func languageSystems(_ language: String) -> [hb_tag_t] {
        languageTags(language) + [openTypeTag("dflt")]
    }

    /// The OpenType language tags HarfBuzz shapes `language` (BCP 47) by, e.g. ZHS for zh-Hans.
    static func languageTags(_ language: String) -> [hb_tag_t] {
        var tags = [hb_tag_t](repeating: 0, count: 4)
        var count = UInt32(tags.count)
        hb_ot_tags_from_script_and_language(HB_SCRIPT_COMMON, hb_language_from_string(language, -1),
                                            nil, nil, &count, &tags)
        return Array(tags.prefix(Int(count)))
    }

    /// Makes the GSUB in `bytes` list, in every script, only the language systems in `keep`
    /// (and the script's default); false, with `bytes` left as they may be, if they cannot be
    /// read as GSUB. Only counts and records change, in place: every offset stays valid.
    static func keep(_ keep: [hb_tag_t], in bytes: UnsafeMutableRawBufferPointer) -> Bool {
        func u16(_ at: Int) -> Int? { at >= 0 && at + 2 <= bytes.count ? Int(bytes[at]) << 8 | Int(bytes[at + 1]) : nil }
        func u32(_ at: Int) -> UInt32? {
            guard let high = u16(at), let low = u16(at + 2) else { return nil }
            return UInt32(high) << 16 | UInt32(low)
        }
        guard u16(0) == 1, let scriptListOffset = u16(4), scriptListOffset > 0,
              let scriptCount = u16(scriptListOffset) else { return false }
        for script in 0..<scriptCount {
            let record = scriptListOffset + 2 + script * 6
            guard let offset = u16(record + 4) else { return false }
            let table = scriptListOffset + offset
            guard let languageCount = u16(table + 2) else { return false }
            var kept = 0
            for language in 0..<languageCount {
                let from = table + 4 + language * 6
                guard let tag = u32(from), from + 6 <= bytes.count else { return false }
                guard keep.contains(tag) else { continue }
                let to = table + 4 + kept * 6
                for i in 0..<6 { bytes[to + i] = bytes[from + i] }
                kept += 1
            }
            bytes[table + 2] = UInt8(kept >> 8)
            bytes[table + 3] = UInt8(kept & 0xFF)
        }
        return true
    }
}

/// A face that answers with another face's tables, but its GSUB as `ShapingGSUB` cuts it for
/// `language`: what hb-subset reads when cutting for text in that language. Owns its GSUB copy.
final class LanguageFace {
    let face: OpaquePointer
    static let gsubTag = openTypeTag("GSUB")

    /// Nil if `source` has no GSUB that can be read (cut the source itself then).
    init?(_ source: OpaquePointer, language: String) {
        guard let original = hb_face_reference_table(source, Self.gsubTag) else { return nil }
        defer { hb_blob_destroy(original) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(original, &length), length > 0 else { return nil }
        let tables = Tables(source: source, gsub: UnsafeRawBufferPointer(start: data, count: Int(length)))
        guard ShapingGSUB.keep(ShapingGSUB.languageSystems(language), in: tables.gsub) else { return nil }
        face = hb_face_create_for_tables({ _, tag, context in
            guard let context else { return nil }
            let tables = Unmanaged<Tables>.fromOpaque(context).takeUnretainedValue()
            return tag == LanguageFace.gsubTag ? tables.gsubBlob() : hb_face_reference_table(tables.source, tag)
        }, Unmanaged.passRetained(tables).toOpaque(), { context in
            if let context { Unmanaged<Tables>.fromOpaque(context).release() }
        })
        hb_face_set_index(face, hb_face_get_index(source))
        hb_face_set_upem(face, hb_face_get_upem(source))
        hb_face_set_glyph_count(face, hb_face_get_glyph_count(source))
    }

    deinit { hb_face_destroy(face) }

    /// The source face and its GSUB's copy (to patch), kept alive for as long as the face asks
    /// for them.
    private final class Tables {
        let source: OpaquePointer
        let gsub: UnsafeMutableRawBufferPointer

        init(source: OpaquePointer, gsub: UnsafeRawBufferPointer) {
            self.source = hb_face_reference(source)
            self.gsub = UnsafeMutableRawBufferPointer.allocate(byteCount: gsub.count, alignment: 8)
            self.gsub.copyMemory(from: gsub)
        }

        deinit {
            hb_face_destroy(source)
            gsub.deallocate()
        }

        /// A blob over the patched bytes, which keeps this object (their owner) alive.
        func gsubBlob() -> OpaquePointer? {
            let owner = Unmanaged.passRetained(self).toOpaque()
            return hb_blob_create(gsub.baseAddress?.assumingMemoryBound(to: CChar.self), UInt32(gsub.count),
                                  HB_MEMORY_MODE_READONLY, owner) { context in
                if let context { Unmanaged<Tables>.fromOpaque(context).release() }
            }
        }
    }
}
