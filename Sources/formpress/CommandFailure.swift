import ArgumentParser
import Foundation

/// Reports an error as one line on stderr and exits 1 (bad input); usage errors stay with
/// ArgumentParser (exit 2).
func failing<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        printError("formpress: \(error)")
        throw ExitCode(1)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
