import CThreadStart
import Dispatch

/// A value made on a thread of its own while this one goes on, waited for where it is needed.
/// (A thread of its own starts at once, on another CPU; a dispatch queue's first worker can take
/// longer to start than the value takes to be needed. Only if no thread can be made does a
/// dispatch worker make it: never this thread, which may be the one that the making waits for.)
public final class Pending<Value>: @unchecked Sendable {
    private let condition = Condition()
    private var result: Result<Value, Error>?

    public init(_ make: @escaping () throws -> Value) {
        let body = ThreadBody { [self] in finish(Result { try make() }) }
        if !body.startDetached() { DispatchQueue.global().async { body.run() } }
    }

    private func finish(_ made: Result<Value, Error>) {
        condition.withLock {
            result = made
            condition.broadcast()
        }
    }

    /// The value, once made (or the error making it threw).
    public func value() throws -> Value {
        try condition.withLock {
            while true {
                if let result { return try result.get() }
                condition.wait()
            }
        }
    }
}

/// Work for a detached thread, which owns it while it runs (handed to one thread only).
private final class ThreadBody: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }

    /// Starts a thread running the work; false if no thread could be made.
    func startDetached() -> Bool {
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = fp_thread_start_detached({ context in
            guard let context else { return }
            Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().run()
        }, context)
        guard status == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            return false
        }
        return true
    }
}
