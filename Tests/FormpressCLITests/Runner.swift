import Foundation

import TestSupport

let cliRepository = Repository.folder

/// The built executable, beside the test bundle.
var formpressExecutable: String {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while folder.path != "/", !FileManager.default.fileExists(atPath: folder.appendingPathComponent("formpress").path) {
        folder = folder.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("formpress").path
}

struct Run {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs a command from the repository's folder (or `folder`) and collects what it says.
func runCommand(_ executable: String, _ arguments: [String], in folder: String = cliRepository) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    // stderr goes to a file, so that neither stream can fill up and block the process.
    let errorFile = NSTemporaryDirectory() + "formpress-stderr-\(UUID().uuidString)"
    guard FileManager.default.createFile(atPath: errorFile, contents: nil),
          let errors = FileHandle(forWritingAtPath: errorFile) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: errorFile])
    }
    defer { try? FileManager.default.removeItem(atPath: errorFile) }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = errors
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let stderr = FileManager.default.contents(atPath: errorFile) ?? Data()
    return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
               stderr: String(decoding: stderr, as: UTF8.self))
}

func formpress(_ arguments: [String], in folder: String = cliRepository) throws -> Run {
    try runCommand(formpressExecutable, arguments, in: folder)
}

/// Runs formpress under /usr/bin/time and returns its peak resident memory in kilobytes.
func peakMemory(_ arguments: [String]) throws -> (run: Run, kilobytes: Int) {
    let run = try runCommand("/usr/bin/time", ["-f", "peak %M"] + [formpressExecutable] + arguments)
    let line = run.stderr.split(separator: "\n").last { $0.hasPrefix("peak ") } ?? ""
    return (run, Int(line.dropFirst(5)) ?? -1)
}
