import CHarfBuzz
import Fonts

/// The tables of an sfnt (OpenType or TrueType) face, read through HarfBuzz, some replaced, and
/// written out again as a font file.
struct SFNTTables {
    private let face: OpaquePointer
    private var tags: [hb_tag_t]
    private var replaced: [hb_tag_t: [UInt8]] = [:]

    /// `body` given a HarfBuzz face reading `bytes` in place (nil if they hold no face).
    static func withFace<Result>(reading bytes: UnsafeRawBufferPointer, _ body: (OpaquePointer) -> Result?) -> Result? {
        guard let blob = hb_blob_create(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), UInt32(bytes.count),
                                        HB_MEMORY_MODE_READONLY, nil, nil) else { return nil }
        defer { hb_blob_destroy(blob) }
        guard let face = hb_face_create(blob, 0) else { return nil }
        defer { hb_face_destroy(face) }
        return body(face)
    }

    /// The tables of `face` (which must outlive this value).
    init(_ face: OpaquePointer) {
        self.face = face
        var count = hb_face_get_table_tags(face, 0, nil, nil)
        var tags = [hb_tag_t](repeating: 0, count: Int(count))
        hb_face_get_table_tags(face, 0, &count, &tags)
        self.tags = Array(tags.prefix(Int(count)))
    }

    func has(_ tag: String) -> Bool { tags.contains(openTypeTag(tag)) }

    /// A copy of a table's bytes (nil if the face has no such table).
    func bytes(_ tag: String) -> [UInt8]? {
        let tag = openTypeTag(tag)
        if let bytes = replaced[tag] { return bytes }
        guard tags.contains(tag) else { return nil }
        return withTable(tag) { Array($0) }
    }

    /// Puts `bytes` in place of a table, or adds it.
    mutating func replace(_ tag: String, with bytes: [UInt8]) {
        let tag = openTypeTag(tag)
        if !tags.contains(tag) { tags.append(tag) }
        replaced[tag] = bytes
    }

    /// The font file: the table directory (tags in order; checksums left zero, as FreeType and
    /// cairo do not read them), then each table on a four-byte boundary.
    func sfnt(version: UInt32) -> [UInt8] {
        let tags = tags.sorted()
        let lengths = tags.map { tag in replaced[tag]?.count ?? withTable(tag) { $0.count } }
        let padded = { (length: Int) in (length + 3) & ~3 }
        var file = BigEndianBytes(capacity: 12 + 16 * tags.count + lengths.map(padded).reduce(0, +))
        var power = 1, log = 0
        while power * 2 <= tags.count { power *= 2; log += 1 }
        file.append(version)
        for value in [tags.count, 16 * power, log, 16 * (tags.count - power)] { file.append(UInt16(value)) }
        var offset = 12 + 16 * tags.count
        for (tag, length) in zip(tags, lengths) {
            for value in [tag, 0, UInt32(offset), UInt32(length)] { file.append(value) }
            offset += padded(length)
        }
        for (tag, length) in zip(tags, lengths) {
            if let bytes = replaced[tag] { file.bytes += bytes } else { withTable(tag) { file.bytes += $0 } }
            for _ in length..<padded(length) { file.append(UInt8(0)) }
        }
        return file.bytes
    }

    private func withTable<Result>(_ tag: hb_tag_t, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let blob = hb_face_reference_table(face, tag)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        let data = hb_blob_get_data(blob, &length)
        return body(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : Int(length)))
    }
}

/// Bytes written big-endian, as sfnt tables are.
struct BigEndianBytes {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func append(_ value: UInt8) { bytes.append(value) }

    mutating func append(_ value: UInt16) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xFF))
    }

    mutating func append(_ value: Int16) { append(UInt16(bitPattern: value)) }

    mutating func append(_ value: UInt32) {
        append(UInt16(value >> 16))
        append(UInt16(value & 0xFFFF))
    }
}
