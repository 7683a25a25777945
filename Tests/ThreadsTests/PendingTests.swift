import CThreadStart
import Glibc
import Testing
import Threads

/// A value made on a thread of its own: fontconfig's catalog loads so while a render starts.
@Suite struct PendingTests {
    @Test func givesTheValueMadeOnAnotherThread() throws {
        let caller = pthread_self()
        let pending = Pending { () -> Bool in pthread_equal(pthread_self(), caller) != 0 }
        #expect(try pending.value() == false)
        #expect(try pending.value() == false)  // asked again, the same value
    }

    @Test func givesTheErrorMakingItThrew() {
        struct Unreadable: Error {}
        let pending = Pending { () throws -> Int in throw Unreadable() }
        #expect(throws: Unreadable.self) { try pending.value() }
    }

    /// Started away from the caller's CPU, the thread is then free to run on all of the caller's.
    @Test func theThreadMayRunOnEveryCPUTheCallerMay() throws {
        let cpus = Pending { fp_thread_allowed_cpus() }
        #expect(try cpus.value() == fp_thread_allowed_cpus())
    }

    @Test func manyThreadsEachGiveTheirOwnValue() throws {
        let pendings = (0..<16).map { index in Pending { index * index } }
        #expect(try pendings.map { try $0.value() } == (0..<16).map { $0 * $0 })
    }
}
