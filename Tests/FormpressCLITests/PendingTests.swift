@testable import formpress
import Glibc
import Testing

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
}
