import Foundation
@testable import formpress
import Testing
import Threads

/// Forms typeset ahead by a helper and taken in order by the thread that draws them.
@Suite struct OrderedHandoffTests {
    /// A slow helper: the taker makes items itself while it waits (the one it waits for if no one
    /// has claimed it, or later ones within the window), and every item is made once and taken
    /// in order.
    @Test func theTakerMakesItemsWhileItWaits() throws {
        let count = 40, window = 4
        let handoff = OrderedHandoff<Int>(count: count, window: window)
        let helperStarted = DispatchSemaphore(value: 0)
        let helper = Pending {
            var made: [Int] = []
            while let index = handoff.claim() {
                if made.isEmpty { helperStarted.signal() }
                Thread.sleep(forTimeInterval: 0.002)
                handoff.put(index, .success(index * 10))
                made.append(index)
            }
            return made
        }
        helperStarted.wait()  // however busy the machine, the helper has claimed an item
        var taken: [Int] = []
        var madeHere: [(waitingFor: Int, made: Int)] = []
        for index in 0..<count {
            taken.append(try handoff.take(index) { other in
                madeHere.append((index, other))
                handoff.put(other, .success(other * 10))
            })
        }
        let madeByHelper = try helper.value()
        #expect(taken == (0..<count).map { $0 * 10 })
        #expect(!madeHere.isEmpty && !madeByHelper.isEmpty)
        #expect((madeHere.map(\.made) + madeByHelper).sorted() == Array(0..<count))
        for (waitingFor, made) in madeHere {
            #expect(made >= waitingFor && made < waitingFor + window, "made \(made) while waiting for \(waitingFor)")
        }
    }

    /// An item that failed is thrown where it is taken, whoever made it; cancelling stops the helper.
    @Test func aFailureIsThrownWhereTakenAndCancelStopsTheHelper() throws {
        struct Broken: Error {}
        let handoff = OrderedHandoff<Int>(count: 100, window: 2)
        let make: @Sendable (Int) -> Void = { index in handoff.put(index, index == 1 ? .failure(Broken()) : .success(index)) }
        let helper = Pending {
            var made = 0
            while let index = handoff.claim() {
                make(index)
                made += 1
            }
            return made
        }
        #expect(try handoff.take(0, makingMeanwhile: make) == 0)
        #expect(throws: Broken.self) { try handoff.take(1, makingMeanwhile: make) }
        handoff.cancel()
        #expect(try helper.value() < 100)
        #expect(handoff.claim() == nil)
    }
}
