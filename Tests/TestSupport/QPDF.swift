import Foundation

/// Reads a PDF's structure with qpdf: what poppler's tools do not show (object streams, the
/// cross-reference, bookmarks).
public enum QPDF {
    /// `qpdf --check`'s report; throws unless the file has neither errors nor warnings.
    @discardableResult
    public static func check(_ pdf: String) throws -> String {
        String(decoding: try runTool("qpdf", ["--check", pdf]), as: UTF8.self)
    }

    /// One line per object of `qpdf --show-xref`: `3/0: uncompressed; offset = 15`,
    /// `1/0: compressed; stream = 7, index = 0`.
    public static func crossReference(of pdf: String) throws -> [String] {
        String(decoding: try runTool("qpdf", ["--show-xref", pdf]), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// An object as qpdf prints it (a stream: its dictionary).
    public static func object(_ number: Int, of pdf: String) throws -> String {
        String(decoding: try runTool("qpdf", ["--show-object=\(number)", pdf]), as: UTF8.self)
    }

    /// A stream's data as stored, filters not undone.
    public static func rawStreamData(_ number: Int, of pdf: String) throws -> Data {
        try runTool("qpdf", ["--show-object=\(number)", "--raw-stream-data", pdf])
    }

    /// A stream's data with its filters undone.
    public static func streamData(_ number: Int, of pdf: String) throws -> Data {
        try runTool("qpdf", ["--show-object=\(number)", "--filtered-stream-data", pdf])
    }

    /// The numbers of the objects that are streams (streams are never inside object streams).
    public static func streams(of pdf: String) throws -> [Int] {
        try crossReference(of: pdf).compactMap { line in
            guard line.contains("uncompressed"), let number = Int(line.prefix(while: \.isNumber)) else { return nil }
            return try object(number, of: pdf).contains("/Length") ? number : nil
        }
    }

    /// The bookmarks, depth first, as `title → p.N` (N counts pages from 1).
    public static func bookmarks(of pdf: String) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: runTool("qpdf", ["--json", "--json-key=outlines", pdf]))
        func lines(_ items: Any?) -> [String] {
            (items as? [[String: Any]] ?? []).flatMap { item in
                ["\(item["title"] as? String ?? "") → p.\(item["destpageposfrom1"] as? Int ?? 0)"] + lines(item["kids"])
            }
        }
        return lines((json as? [String: Any])?["outlines"])
    }
}
