import Foundation

/// Reads PDFs back with poppler-utils, as a reader's tools would.
public enum Poppler {
    /// The text of a PDF (`pdftotext`): in drawing order (`-raw`), or as laid out on the page (`-layout`).
    public static func text(of pdf: String, layout: Bool = false) throws -> String {
        try run("pdftotext", [layout ? "-layout" : "-raw", pdf, "-"])
    }

    /// The rows of `pdffonts`: one per font, the header dropped.
    public static func fonts(of pdf: String) throws -> [String] {
        Array(try run("pdffonts", [pdf]).split(separator: "\n").dropFirst(2).map(String.init))
    }

    /// `pdfinfo` as key → value; dates in local time, or as the PDF writes them with `rawDates`.
    public static func info(of pdf: String, rawDates: Bool = false) throws -> [String: String] {
        var info: [String: String] = [:]
        for line in try run("pdfinfo", (rawDates ? ["-rawdates"] : []) + [pdf]).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            info[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return info
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        String(decoding: try runTool(tool, arguments), as: UTF8.self)
    }
}

/// What `tool` prints on standard output; throws when it exits with another status than 0.
func runTool(_ tool: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw Poppler.Failure(description: "\(tool) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
    }
    return data
}

/// A fresh folder under the system's temporary folder.
public func temporaryFolder(_ name: String = #function) throws -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let path = NSTemporaryDirectory() + "formpress-tests/\(safe)-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

extension String {
    /// The text with every white-space character removed (PDF text comparisons).
    public var withoutWhitespace: String { String(unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }
}
