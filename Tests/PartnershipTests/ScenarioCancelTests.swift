import ConcordatCore
import Foundation
import Storage
import Testing

@testable import Partnership

/// Cancelling a stored scenario (issue 17): in the store at once, by an analyst of its organisation only;
/// the run stops while it waits for its turn or at the model's next checkpoint; a run that ends first wins.
@Suite("Cancelling a scenario: who may, when, and the run stopping", .serialized)
struct ScenarioCancelTests {
    static let analyst = ScenarioDeskTests.analyst
    static let author = UserAccount(username: "ann", role: .analyst, organisation: "kcc", passwordHash: "")
    static let otherAnalyst = UserAccount(username: "ola", role: .analyst, organisation: "medway", passwordHash: "")
    static let unaffiliated = UserAccount(username: "una", role: .analyst, organisation: nil, passwordHash: "")
    static let finance = UserAccount(username: "fin", role: .finance, organisation: "kcc", passwordHash: "")

    /// Counts calls across threads.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func next() -> Int {
            lock.withLock {
                count += 1
                return count
            }
        }
    }

    @Test("only an analyst of its organisation (or its author) cancels; unknown is not found; twice and done are 409")
    func whoAndWhen() async throws {
        let store = try await ScenarioStudyTests.store()
        let desk = ScenarioDesk(store: store)
        let queued = try await desk.submit(try ScenarioDeskTests.example(runs: 10), by: Self.author)
        for account in [Self.otherAnalyst, Self.unaffiliated, Self.finance] {
            await #expect(throws: ActionRefused.self, "\(account.username)") {
                try await desk.cancel(queued.id, by: account)
            }
        }
        #expect(try await store.scenario(id: queued.id)?.status == .queued)
        await #expect(throws: StoreError.self) { try await desk.cancel(9_999, by: Self.analyst) }
        await #expect(throws: StoreError.self) { try await desk.cancel(-1, by: Self.analyst) }
        // Another analyst of KCC may; the author's organisation is what counts.
        let cancelled = try await desk.cancel(queued.id, by: Self.analyst)
        #expect(cancelled.status == .cancelled && cancelled.results == nil)
        #expect(cancelled.failure == ScenarioDesk.cancelledReason)
        await #expect {
            try await desk.cancel(queued.id, by: Self.analyst)
        } throws: { ($0 as? ScenarioNotUnderWay)?.scenario.status == .cancelled }
        // A cancelled scenario is not run when its turn comes.
        await #expect(throws: CancellationError.self) { try await desk.run(queued.id) }
        #expect(try await store.scenario(id: queued.id)?.status == .cancelled)

        let done = try await desk.run(try await desk.submit(try ScenarioDeskTests.example(runs: 5), by: Self.author).id)
        #expect(done.status == .done)
        await #expect {
            try await desk.cancel(done.id, by: Self.author)
        } throws: { "\($0)".contains("is done, not queued or running") }
        #expect(try await store.scenario(id: done.id)?.results != nil)
        // An author with no organisation may cancel their own, and no one else without one may.
        let own = try await desk.submit(try ScenarioDeskTests.example(runs: 5), by: Self.unaffiliated)
        let stranger = UserAccount(username: "sol", role: .analyst, organisation: nil, passwordHash: "")
        await #expect(throws: ActionRefused.self) { try await desk.cancel(own.id, by: stranger) }
        #expect(try await desk.cancel(own.id, by: Self.unaffiliated).status == .cancelled)
    }

    @Test("a run waiting for its turn leaves the line when its task is cancelled, and the line moves on")
    func whileQueued() async throws {
        let store = try await ScenarioStudyTests.store()
        let desk = ScenarioDesk(store: store)
        let waiting = try await desk.submit(try ScenarioDeskTests.example(runs: 10), by: Self.analyst)
        try await ScenarioRunQueue.shared.acquire()
        let run = Task { try await desk.run(waiting.id) }
        run.cancel()
        await #expect(throws: CancellationError.self) { try await run.value }
        await ScenarioRunQueue.shared.release()
        let stored = try #require(try await store.scenario(id: waiting.id))
        #expect(stored.status == .cancelled && stored.results == nil)
        // The withdrawn waiter holds no turn: the next scenario runs.
        let next = try await desk.submit(try ScenarioDeskTests.example(runs: 5), by: Self.analyst)
        #expect(try await desk.run(next.id).status == .done)
    }

    @Test("a running scenario stops at the next block of runs when its task is cancelled, and keeps no results")
    func whileRunning() async throws {
        let store = try await ScenarioStudyTests.store()
        let desk = ScenarioDesk(store: store)
        let long = try await desk.submit(try ScenarioDeskTests.example(runs: 5_000), by: Self.analyst)
        let (reached, signal) = AsyncStream<Void>.makeStream()
        let resume = DispatchSemaphore(value: 0)
        let calls = Calls()
        let highest = Calls()
        let run = Task {
            try await desk.run(long.id) { progress in
                if progress >= 0.95 { _ = highest.next() }
                // The first block's report: hold the model's thread until the test has cancelled the task.
                if calls.next() == 1 {
                    signal.yield()
                    resume.wait()
                }
            }
        }
        for await _ in reached { break }
        #expect(try await store.scenario(id: long.id)?.status == .running)
        run.cancel()
        resume.signal()
        await #expect(throws: CancellationError.self) { try await run.value }
        let stored = try #require(try await store.scenario(id: long.id))
        #expect(stored.status == .cancelled && stored.results == nil)
        #expect(stored.failure == ScenarioDesk.cancelledReason)
        // Stopped at the next checkpoint: the second block's report was the last, far short of 5,000 runs.
        #expect(calls.next() <= 3)
        #expect(highest.next() == 1)
    }

    @Test("cancel racing completion: either the run is done with its results, or cancelled with none; never half")
    func race() async throws {
        let store = try await ScenarioStudyTests.store()
        let desk = ScenarioDesk(store: store)
        for _ in 0..<6 {
            let scenario = try await desk.submit(try ScenarioDeskTests.example(runs: 1), by: Self.analyst)
            async let ran: StoredScenario? = try? desk.run(scenario.id)
            async let cancelled: StoredScenario? = try? desk.cancel(scenario.id, by: Self.analyst)
            let (finished, stopped) = await (ran, cancelled)
            let stored = try #require(try await store.scenario(id: scenario.id))
            switch stored.status {
            case .done:
                #expect(stored.results != nil && stopped == nil && finished?.status == .done)
            case .cancelled:
                #expect(stored.results == nil && stopped?.status == .cancelled && finished == nil)
            default:
                Issue.record("left \(stored.status)")
            }
        }
    }
}
