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
/// Control characters a message quotes from the input are escaped: a newline in a value does
/// not split the line, nor an escape sequence reach the terminal. `keepingLines`: the message
/// is the command's own, of several lines (a usage message).
func printError(_ message: String, keepingLines: Bool = false) {
    let line = Array((visible(message, keepingLines: keepingLines) + "\n").utf8)
    line.withUnsafeBytes { bytes in _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
}

/// `text` with its control characters and line separators written as escapes (`\n`, `\u{1B}`),
/// its line ends kept if asked.
func visible(_ text: String, keepingLines: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { isControl($0) && !(keepingLines && $0 == "\n") }) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n" where keepingLines: result.unicodeScalars.append(scalar)
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case _ where isControl(scalar): result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}

private func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
}
