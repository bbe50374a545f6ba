import ConcordatCore
import ConcordatTestSupport
import Finance
import Foundation
import Governance
import Ingest
import Storage
import Testing

@Suite("Store contract: backup and restore")
struct BackupStoreTests {
    static func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("concordat-\(UUID().uuidString)-\(name)").path
    }

    @Test(
        "a backup restores the store exactly as it was, undoing every later change",
        arguments: StoreContractTests.Adapter.allCases)
    func roundTrip(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            let file = Self.temporaryFile("backup")
            defer { try? FileManager.default.removeItem(atPath: file) }
            let llr = try BundledPacks.llrSystem.get()
            try await store.replaceSystem(llr)
            let dataset = DatasetStoreContractTests.dataset(people: 200, seed: 3)
            try await store.replaceDataset(
                dataset, summary: DatasetSummary(of: dataset, fingerprint: "f", source: "s"),
                cohort: [RiskCohortMember(personID: "p1", practice: "G82002", risk: 0.5, rank: 1)])
            try await store.savePool(PoolStoreTests.pool)
            _ = try await PoolStoreTests.admit(PoolStoreTests.payment(1_000), districtsOfArea: ["Swale"], in: store)
            try await store.adoptMemorandum(
                try GovernanceStoreTests.memorandum(), routes: RatificationRoutes(routes: [:]), detail: "adopted")
            try await store.backup(to: file)
            #expect(try StoreBackup.kind(of: file) == (adapter == .postgres ? .postgres : .sqlite))
            let entries = try await store.registerEntries()

            // Changes after the backup…
            try await store.replaceSystem(try Self.kent())
            _ = try await PoolStoreTests.admit(PoolStoreTests.payment(2_000), districtsOfArea: ["Swale"], in: store)
            try await store.adoptMemorandum(
                try GovernanceStoreTests.memorandum(version: 2), routes: RatificationRoutes(routes: [:]),
                detail: "reopened")
            // …are undone by the restore.
            try await store.restore(from: file)
            #expect(try await store.loadSystem() == llr)
            #expect(try await store.loadDataset() == dataset)
            #expect(try await store.riskCohort(practice: "G82002").map(\.personID) == ["p1"])
            #expect(
                try await store.poolAccount(code: PoolStoreTests.pool.code).payments == [PoolStoreTests.payment(1_000)])
            #expect(try await store.registerEntries() == entries)
            #expect(try await store.memorandum()?.memorandum.version == 1)
            // The restored store goes on working: the register chain continues from the restored head.
            try await store.adoptMemorandum(
                try GovernanceStoreTests.memorandum(version: 2), routes: RatificationRoutes(routes: [:]),
                detail: "reopened")
            #expect(DecisionRegister(entries: try await store.registerEntries()).firstBrokenEntry == nil)
        }
    }

    @Test(
        "a damaged, foreign or wrong-kind backup is refused and the store is left as it was",
        arguments: StoreContractTests.Adapter.allCases)
    func refusals(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            let llr = try BundledPacks.llrSystem.get()
            try await store.replaceSystem(llr)
            let junk = Self.temporaryFile("junk")
            let truncated = Self.temporaryFile("truncated")
            let other = Self.temporaryFile("other")
            defer { for path in [junk, truncated, other] { try? FileManager.default.removeItem(atPath: path) } }
            try Data("not a backup".utf8).write(to: URL(fileURLWithPath: junk))
            await #expect { try await store.restore(from: junk) } throws: { ($0 as? StoreError)?.code == .corrupt }
            await #expect { try await store.restore(from: "/nonexistent/backup") } throws: {
                ($0 as? StoreError)?.code == .notFound
            }
            // A backup cut short is refused whole.
            try await store.backup(to: other)
            let whole = try Data(contentsOf: URL(fileURLWithPath: other))
            try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: truncated))
            await #expect(throws: StoreError.self) { try await store.restore(from: truncated) }
            // The other kind's backup is refused with the reason.
            let foreign = adapter == .postgres ? Self.temporaryFile("x.sqlite") : Self.temporaryFile("x.dump")
            defer { try? FileManager.default.removeItem(atPath: foreign) }
            try (adapter == .postgres ? Data("SQLite format 3\u{0}".utf8) : Data("PGDMP".utf8))
                .write(to: URL(fileURLWithPath: foreign))
            await #expect { try await store.restore(from: foreign) } throws: { ($0 as? StoreError)?.code == .corrupt }
            #expect(try await store.loadSystem() == llr)
        }
    }

    static func kent() throws -> HealthSystem {
        try BundledPacks.kentSystem.get()
    }
}
