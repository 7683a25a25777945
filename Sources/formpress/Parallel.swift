import Glibc
import Threads

/// Runs `work` on `count` threads at once (index 0 on this one, the others on threads of their
/// own, which start at once) and waits for all of them; the first failure, by index, is thrown.
func onThreads<Value>(_ count: Int, _ work: @escaping @Sendable (Int) throws -> Value) throws -> [Value] {
    let others = (1..<max(1, count)).map { index in Pending { try work(index) } }
    let first = Result { try work(0) }
    let rest = others.map { other in Result { try other.value() } }
    return try ([first] + rest).map { try $0.get() }
}

/// A batch's items handed out a few at a time to whichever thread asks next, so that a thread
/// slowed by other work on the machine does not leave the others idle at the end. After a
/// failure no more are handed out, and the failure of the earliest item is the one reported.
final class ChunkQueue: @unchecked Sendable {
    private let lock = Condition()
    private var next = 0
    private let count: Int
    private let chunk: Int
    private var failure: (at: Int, error: Error)?

    /// `chunk`: few, so threads finish together; enough that taking is rare.
    init(count: Int, chunk: Int = 8) {
        self.count = count
        self.chunk = max(1, chunk)
    }

    /// Runs `body` on each item of the chunks this thread takes, until none are left or some
    /// thread has failed.
    func drain(_ body: (Int) throws -> Void) {
        while let range = take() {
            for at in range {
                do { try body(at) } catch {
                    lock.withLock {
                        if at < failure?.at ?? Int.max { failure = (at, error) }
                        next = count
                    }
                    return
                }
            }
        }
    }

    /// Throws the failure of the earliest item, if any item failed.
    func check() throws {
        if let failure = lock.withLock({ failure }) { throw failure.error }
    }

    private func take() -> Range<Int>? {
        lock.withLock {
            guard next < count else { return nil }
            let range = next..<min(count, next + chunk)
            next = range.upperBound
            return range
        }
    }
}

/// Items made ahead by worker threads and taken in order by the thread that uses them, which
/// makes some itself rather than wait idle. Items are claimed in order by whoever is free; none
/// is claimed more than `window` items ahead of the next to take, so memory stays bounded.
final class OrderedHandoff<Value>: @unchecked Sendable {
    private let condition = Condition()
    private var ready: [Int: Result<Value, Error>] = [:]
    private var next = 0
    private var unclaimed = 0
    private var cancelled = false
    private let count: Int
    private let window: Int

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// The next item to make, once it is within the window; nil when every item is claimed or
    /// the taker has stopped taking.
    func claim() -> Int? {
        condition.withLock {
            while unclaimed < count, unclaimed >= next + window, !cancelled { condition.wait() }
            return claimNow()
        }
    }

    /// With the lock held: the next item to make, if one is within the window.
    private func claimNow() -> Int? {
        guard !cancelled, unclaimed < count, unclaimed < next + window else { return nil }
        defer { unclaimed += 1 }
        return unclaimed
    }

    func put(_ index: Int, _ result: Result<Value, Error>) {
        condition.withLock {
            ready[index] = result
            condition.broadcast()
        }
    }

    /// Takes item `index` (the next in order) once it is ready; while it is not, this thread
    /// makes unclaimed items with `make` (which puts them).
    func take(_ index: Int, makingMeanwhile make: (Int) -> Void) throws -> Value {
        condition.lock()
        while ready[index] == nil {
            if let other = claimNow() {
                condition.unlock()
                make(other)
                condition.lock()
            } else {
                condition.wait()
            }
        }
        next = index + 1
        condition.broadcast()
        let result = ready.removeValue(forKey: index)
        condition.unlock()
        guard let result else { throw CancellationError() }
        return try result.get()
    }

    /// Takes no more: workers waiting for room, or asking for it later, are told to stop.
    func cancel() {
        condition.withLock {
            cancelled = true
            condition.broadcast()
        }
    }
}

/// The files a run has written so far, from any thread, to be removed if the run fails.
final class WrittenFiles: @unchecked Sendable {
    private let lock = Condition()
    private var paths: [String] = []

    func add(_ path: String) { lock.withLock { paths.append(path) } }

    func removeAll() {
        lock.withLock {
            for path in paths { unlink(path) }
            paths = []
        }
    }
}
