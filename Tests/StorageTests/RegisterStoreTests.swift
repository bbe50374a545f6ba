import ConcordatCore
import Foundation
import GRDB
import Governance
import Storage
import Testing

@Suite("Store contract: the decision register")
struct RegisterStoreTests {
    @Test("entries chain across writes; the table refuses updates and deletes, even outside Concordat")
    func appendOnly() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "concordat-\(UUID().uuidString).sqlite"
        ).path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore(path: path)
        let day = Day(year: 2018, month: 1, day: 1)!
        let memorandum = try MemorandumOfUnderstanding(
            seats: ["a", "b", "c"].map { .init(organisation: $0, kind: .party, joined: day) },
            rule: .simpleMajority(quorum: 2), joiningWindow: day...day)
        try await store.adoptMemorandum(memorandum, routes: RatificationRoutes(routes: [:]), detail: "adopted")
        await #expect(throws: StoreError.self) {
            try await store.adoptMemorandum(memorandum, routes: RatificationRoutes(routes: [:]), detail: "again")
        }
        let proposal = Proposal(id: "P1", title: "Test", type: .engagement, tabled: day)
        _ = try await store.updateDecision("P1") { _ in (DecisionRecord(proposal: proposal), .proposal, "tabled") }
        await #expect(throws: VoteCount.Refusal.self) {
            _ = try await store.updateDecision("P1") { existing in
                let voted = try existing!.voted(
                    [Vote(organisation: "z", choice: .yes)], present: [], overrides: [], memorandum: memorandum)
                return (voted, .vote, "never")
            }
        }
        let entries = try await store.registerEntries()
        #expect(entries.map(\.kind.rawValue) == ["memorandum", "proposal"])  // the refused vote left nothing
        #expect(DecisionRegister(entries: entries).firstBrokenEntry == nil)
        let queue = try DatabaseQueue(path: path)
        #expect(throws: (any Error).self) {
            try queue.write { db in
                try db.execute(sql: "UPDATE register_entry SET detail = 'forged' WHERE sequence = 1")
            }
        }
        #expect(throws: (any Error).self) {
            try queue.write { db in try db.execute(sql: "DELETE FROM register_entry") }
        }
        #expect(try await store.registerEntries() == entries)
    }
}
