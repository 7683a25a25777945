import CFreeType
import Fonts

/// The FreeType library handle. Faces keep it alive.
final class FreeTypeLibrary {
    let handle: FT_Library

    init() throws {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else { throw RenderError.fontLoad(face: "FreeType") }
        handle = library
    }

    deinit { FT_Done_FreeType(handle) }
}

/// A font file's bytes that FreeType reads in place for as long as a face lives.
protocol FaceBytes: AnyObject, Sendable {
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result
}

extension SubsetBytes: FaceBytes {}

/// A font file's bytes in memory of their own, which stays where it is for FreeType.
final class FontFileBytes: FaceBytes, @unchecked Sendable {  // immutable after init
    private let buffer: UnsafeMutableRawBufferPointer

    init(_ bytes: [UInt8]) {
        buffer = .allocate(byteCount: bytes.count, alignment: 8)
        buffer.copyBytes(from: bytes)
    }

    deinit { buffer.deallocate() }

    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(buffer))
    }
}

/// A FreeType face over the bytes of a cut (kept alive, and read in place). Owns the face;
/// cairo releases it when it no longer draws with it.
final class FreeTypeFace {
    let handle: FT_Face
    private let library: FreeTypeLibrary
    private let bytes: any FaceBytes

    init(library: FreeTypeLibrary, bytes: any FaceBytes, name: String) throws {
        self.library = library
        self.bytes = bytes
        var face: FT_Face?
        // FreeType reads the bytes in place for the face's life: `self.bytes` keeps them.
        let error = bytes.withUnsafeBytes { buffer in
            FT_New_Memory_Face(library.handle, buffer.baseAddress?.assumingMemoryBound(to: FT_Byte.self),
                               FT_Long(buffer.count), 0, &face)
        }
        guard error == 0, let face else { throw RenderError.fontLoad(face: name) }
        handle = face
    }

    deinit { FT_Done_Face(handle) }

    /// Leaves the face with no active character map. A cut has none of its own, but FreeType
    /// makes one up from the names of its Latin glyphs, and cairo walks it for every new glyph
    /// of every file (3% of a split file) before taking the text from the clusters anyway.
    /// FreeType frees its maps from `charmaps`, never from the active one.
    func forgetCharacterMap() {
        handle.pointee.charmap = nil
    }
}
