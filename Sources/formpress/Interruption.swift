import Glibc
import Threads

/// Ctrl-C (SIGINT) and a job runner's stop (SIGTERM), turned into a flag that the rendering
/// reads between forms: an interrupted render then cleans up as a failed one does (no hidden
/// temporary file left, no part of a `--split` batch, a page folder as it was) and exits with
/// 128 + the signal's number, as a shell expects. A second signal ends the process at once.
final class Interruption: @unchecked Sendable {
    private let state = Condition()
    private var signal: Int32 = 0

    /// Blocks both signals in this thread and in every thread started from it afterwards (so
    /// make this before any other), and waits for them on a thread of its own.
    init() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let awaited = signals
        _ = Pending { [self] in
            var waitingFor = awaited
            while true {
                var received: Int32 = 0
                guard sigwait(&waitingFor, &received) == 0 else { continue }
                let first = state.withLock {
                    defer { if signal == 0 { signal = received } }
                    return signal == 0
                }
                if !first { _exit(128 + received) }
            }
        }
    }

    /// Throws once a signal has come.
    func check() throws {
        let received = state.withLock { signal }
        if received != 0 { throw Interrupted(signal: received) }
    }
}

/// A render stopped by a signal.
struct Interrupted: Error, CustomStringConvertible {
    let signal: Int32
    var description: String {
        "interrupted (\(signal == SIGINT ? "SIGINT" : "SIGTERM")); what was being written is removed"
    }
}
