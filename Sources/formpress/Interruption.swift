import Glibc
import Threads

/// Ctrl-C (SIGINT) and a job runner's stop (SIGTERM). Until the render starts writing, a
/// signal ends the process at once: there is nothing to clean up, and it may be waiting for a
/// slow input or surveying a big batch. From then on it becomes a flag that the rendering
/// reads between forms and pages, so that an interrupted render cleans up as a failed one does
/// (no hidden temporary file left, no part of a `--split` batch, a page folder as it was) and
/// exits with 128 + the signal's number, as a shell expects. Signals that follow are ignored
/// while it cleans up (SIGKILL still ends it, leaving what it was writing).
final class Interruption: @unchecked Sendable {
    private let state = Condition()
    private var signal: Int32 = 0
    private var writing = false

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
                let exitsAtOnce = state.withLock {
                    if signal == 0 { signal = received }
                    return !writing
                }
                if exitsAtOnce { _exit(128 + received) }
            }
        }
    }

    /// From now on output is being written: a signal is read between forms, not obeyed at once.
    /// Throws if one has come already.
    func startWriting() throws {
        let received = state.withLock {
            writing = true
            return signal
        }
        if received != 0 { throw Interrupted(signal: received) }
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
