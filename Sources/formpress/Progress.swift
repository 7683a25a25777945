import Threads

/// "[3/22] 机关企事业单位党组织党建工作经费" on stderr while rendering many forms.
final class Progress: @unchecked Sendable {
    let total: Int
    let quiet: Bool
    private let lock = Condition()
    private var done = 0

    init(total: Int, quiet: Bool) { self.total = total; self.quiet = quiet }

    func step(_ index: Int, _ name: String) {
        guard !quiet else { return }
        printError("[\(index)/\(total)] \(name)")
    }

    /// The next form is done (from any thread).
    func advance(_ name: String) {
        let index = lock.withLock { () -> Int in
            done += 1
            return done
        }
        step(index, name)
    }
}
