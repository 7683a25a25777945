import CFontDeflate

/// How a PDF's embedded fonts are compressed (cairo deflates them when the file is finished).
public enum FontCompression: String, Sendable, CaseIterable {
    /// zlib's default level: the smallest files.
    case small
    /// Huffman coding alone, with no search for repeated strings: a font program's outlines
    /// compress only by a fifth, and that search was about a third of the time a one-form PDF
    /// took. About a third less time per one-form file, for about a tenth more bytes.
    case fast

    /// `body`, which finishes a cairo PDF, with this thread's deflate streams started as chosen.
    func applied<Result>(to body: () throws -> Result) rethrows -> Result {
        guard self == .fast else { return try body() }
        fp_deflate_huffman_only(1)
        defer { fp_deflate_huffman_only(0) }
        return try body()
    }
}
