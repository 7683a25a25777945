import ArgumentParser
import Glibc

/// Reports an error as one line on stderr and exits 1 (bad input), or 128 + the signal when
/// interrupted; usage errors stay with ArgumentParser (exit 2).
func failing<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as Interrupted {
        printError("formpress: \(error)")
        throw ExitCode(128 + error.signal)
    } catch {
        printError("formpress: \(error)")
        throw ExitCode(1)
    }
}

/// One line on standard error, written whole (so lines from several threads do not mix).
func printError(_ message: String) {
    let line = Array((message + "\n").utf8)
    line.withUnsafeBytes { bytes in _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
}
