import Foundation
import Storage
import Testing

@Suite("Store contract: scenarios, their runs and results (migration v17)")
struct ScenarioStoreTests {
    static func draft(_ name: String, author: String = "ana", organisation: String? = "kchft") -> StoredScenario.Draft {
        StoredScenario.Draft(
            name: name, definition: Data(#"{"format":1,"name":"\#(name)","baseYear":"2026/27","horizon":5}"#.utf8),
            author: author, organisation: organisation, createdAt: Date(timeIntervalSince1970: 1_796_000_000.75))
    }

    @Test(
        "a scenario is kept as submitted, queued, then running, then done with its results",
        arguments: StoreContractTests.Adapter.allCases)
    func lifecycle(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            #expect(try await store.scenarios().isEmpty)
            let first = try await store.addScenario(Self.draft("Frailty shift"))
            let second = try await store.addScenario(Self.draft("No change", author: "bob", organisation: nil))
            #expect(first.id != second.id)
            #expect(first.status == .queued && first.progress == 0 && first.results == nil)
            #expect(first.createdAt == Date(timeIntervalSince1970: 1_796_000_000))
            // Read back exactly as added: definition bytes, author, organisation (or none), time.
            #expect(try await store.scenario(id: first.id) == first)
            #expect(try await store.scenario(id: second.id)?.organisation == nil)
            #expect(try await store.scenarios().map(\.name) == ["No change", "Frailty shift"])

            let running = try await store.updateScenario(first.id, .init(status: .running, progress: 0.25))
            #expect(running.status == .running && running.progress == 0.25)
            let document = Data(#"{"name":"Frailty shift","runs":1000,"text":"é £ \" '"}"#.utf8)
            let done = try await store.updateScenario(first.id, .init(status: .done, progress: 1, results: document))
            #expect(done.results == document)
            #expect(try await store.scenario(id: first.id)?.results == document)
            #expect(try await store.scenario(id: first.id)?.definition == first.definition)
        }
    }

    @Test("a failed run keeps its reason; progress is clipped", arguments: StoreContractTests.Adapter.allCases)
    func failure(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            let stored = try await store.addScenario(Self.draft("Too big"))
            let failed = try await store.updateScenario(
                stored.id, .init(status: .failed, progress: .nan, failure: "the dataset holds no activity"))
            #expect(failed.status == .failed && failed.failure == "the dataset holds no activity")
            #expect(failed.progress == 0)
            #expect(try await store.updateScenario(stored.id, .init(status: .running, progress: 7)).progress == 1)
        }
    }

    @Test("another scenario's id is not found", arguments: StoreContractTests.Adapter.allCases)
    func unknown(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            let missing = try await store.scenario(id: 42)
            let negative = try await store.scenario(id: -1)
            #expect(missing == nil && negative == nil)
            await #expect(throws: StoreError.self) {
                try await store.updateScenario(42, .init(status: .done, progress: 1))
            }
            let all = try await store.scenarios()
            #expect(all.isEmpty)
        }
    }

    @Test(
        "a queued or running scenario is cancelled once; a finished one is left; a run ending after it keeps nothing",
        arguments: StoreContractTests.Adapter.allCases)
    func cancelling(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            let queued = try await store.addScenario(Self.draft("Queued"))
            let cancelled = try await store.cancelScenario(queued.id, reason: "cancelled by ana")
            #expect(cancelled.status == .cancelled && cancelled.failure == "cancelled by ana")
            #expect(cancelled.results == nil && cancelled.progress == 0)
            #expect(try await store.scenario(id: queued.id) == cancelled)
            // Twice: left as the first cancellation made it.
            let again = try await store.cancelScenario(queued.id, reason: "cancelled by bob")
            #expect(again == cancelled)

            // A running one, whose run then finishes (or fails, or is marked running) after the cancellation:
            // the late writes are ignored and the scenario is answered as it stands.
            let running = try await store.addScenario(Self.draft("Running"))
            try await store.updateScenario(running.id, .init(status: .running, progress: 0.5))
            #expect(try await store.cancelScenario(running.id, reason: "stop").status == .cancelled)
            let late = try await store.updateScenario(
                running.id, .init(status: .done, progress: 1, results: Data("{}".utf8)))
            #expect(late.status == .cancelled && late.results == nil && late.failure == "stop")
            #expect(
                try await store.updateScenario(running.id, .init(status: .running, progress: 0)).status == .cancelled)
            #expect(
                try await store.updateScenario(running.id, .init(status: .failed, progress: 0)).status == .cancelled)

            // Done first: the cancellation loses the race and changes nothing.
            let done = try await store.addScenario(Self.draft("Done"))
            let finished = try await store.updateScenario(
                done.id, .init(status: .done, progress: 1, results: Data("{\"runs\":1}".utf8)))
            #expect(try await store.cancelScenario(done.id, reason: "too late") == finished)
            let failed = try await store.addScenario(Self.draft("Failed"))
            let stopped = try await store.updateScenario(failed.id, .init(status: .failed, progress: 0, failure: "no"))
            #expect(try await store.cancelScenario(failed.id, reason: "too late") == stopped)

            // Unknown and hostile identifiers are not found; a reason with quotes is kept as given.
            await #expect(throws: StoreError.self) { try await store.cancelScenario(4242, reason: "x") }
            await #expect(throws: StoreError.self) { try await store.cancelScenario(-1, reason: "x") }
            let quoted = try await store.addScenario(Self.draft("Quoted"))
            let reason = "it's \"cancelled\"; DROP TABLE scenario; --"
            #expect(try await store.cancelScenario(quoted.id, reason: reason).failure == reason)
            #expect(try await store.scenarios().filter { $0.status == .cancelled }.count == 3)
        }
    }
}
