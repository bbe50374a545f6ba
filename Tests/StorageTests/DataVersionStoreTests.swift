import Assurance
import ConcordatCore
import ConcordatTestSupport
import Foundation
import Storage
import Testing

@Suite("Store contract: the data version changes with every write, whoever makes it (migration v19)")
struct DataVersionStoreTests {
    @Test(
        "reads leave it; each kind of write changes it",
        arguments: StoreContractTests.Adapter.allCases)
    func everyWrite(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            var seen: Set<DataVersion> = [try await store.dataVersion()]
            /// Runs `write`, then expects a version never seen before.
            func expectNewVersion(_ what: String, _ write: () async throws -> Void) async throws {
                try await write()
                let version = try await store.dataVersion()
                #expect(!seen.contains(version), "\(what) left the data version as it was")
                seen.insert(version)
            }
            let before = try await store.dataVersion()
            _ = try await store.loadSystem()
            _ = try await store.organisations()
            _ = try await store.risks()
            #expect(try await store.dataVersion() == before, "reads changed the data version")
            try await expectNewVersion("the system") {
                try await store.replaceSystem(try StoreContractTests.kent.get())
            }
            try await expectNewVersion("an organisation") {
                try await store.insertOrganisation(Organisation(code: "new-trust", name: "New", role: .nhsTrust))
            }
            try await expectNewVersion("an organisation changed") {
                try await store.updateOrganisation(Organisation(code: "new-trust", name: "Renamed", role: .nhsTrust))
            }
            try await expectNewVersion("a user") {
                try await store.insertUser(UserAccount(username: "ana", role: .analyst, passwordHash: "$2b$x"))
            }
            try await expectNewVersion("the access log") {
                try await store.recordAccess(
                    AccessLogEntry(at: Date(), username: "ana", action: "read", subject: "G82001", detail: "1"))
            }
            try await expectNewVersion("indicator values") {
                try await store.saveIndicatorValues([
                    IndicatorValue(indicator: "ae-4-hour", area: "east-kent", month: "2026-01", value: 71)
                ])
            }
            // Reading again after all that: still no change without a write.
            let settled = try await store.dataVersion()
            _ = try await store.indicatorValues()
            _ = try await store.accessLog(limit: 5)
            #expect(try await store.dataVersion() == settled)
        }
    }

    @Test(
        "the system version moves when the system, pack, dataset or analysis is replaced, and only then (migration v21)",
        arguments: StoreContractTests.Adapter.allCases)
    func systemVersion(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            var seen: Set<DataVersion> = [try await store.systemVersion()]
            /// Runs `write`, then expects a system version never seen before (`moves`) or the last one.
            func expect(_ what: String, moves: Bool, _ write: () async throws -> Void) async throws {
                let before = try await store.systemVersion()
                try await write()
                let after = try await store.systemVersion()
                if moves {
                    #expect(!seen.contains(after), "\(what) left the system version as it was")
                } else {
                    #expect(after == before, "\(what) moved the system version")
                }
                seen.insert(after)
            }
            try await expect("the system", moves: true) {
                try await store.replaceSystem(try StoreContractTests.kent.get())
            }
            try await expect("the pack", moves: true) {
                try await store.savePack(StoredPack(format: 1, document: Data(#"{"name":"p"}"#.utf8)))
            }
            let dataset = DatasetStoreContractTests.dataset(people: 40, seed: 3)
            try await expect("a dataset", moves: true) {
                try await store.replaceDataset(
                    dataset, summary: DatasetSummary(of: dataset, fingerprint: "f", source: "t"))
            }
            try await expect("an analysis", moves: true) {
                try await store.updateAnalysis(Data("{}".utf8), cohort: [], fingerprint: "f")
            }
            try await expect("an organisation", moves: false) {
                try await store.insertOrganisation(Organisation(code: "new-trust", name: "New", role: .nhsTrust))
            }
            try await expect("a user", moves: false) {
                try await store.insertUser(UserAccount(username: "ana", role: .analyst, passwordHash: "$2b$x"))
            }
            try await expect("indicator values", moves: false) {
                try await store.saveIndicatorValues([
                    IndicatorValue(indicator: "ae-4-hour", area: "east-kent", month: "2026-01", value: 71)
                ])
            }
            // A refused replace changes nothing, the version included.
            try await expect("an analysis for another dataset (refused)", moves: false) {
                await #expect(throws: StoreError.self) {
                    try await store.updateAnalysis(Data("{}".utf8), cohort: [], fingerprint: "not-loaded")
                }
            }
        }
    }

    @Test(
        "a write by another store on the same database is seen at once",
        arguments: [StoreContractTests.Adapter.sqliteFile])
    func anotherStore(adapter: StoreContractTests.Adapter) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "concordat-version-\(UUID().uuidString).sqlite"
        ).path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let serving = try SQLiteStore(path: path)
        let importing = try SQLiteStore(path: path)
        try await sameDatabase(serving, importing)
    }

    @Test(
        "a write by another store on the same PostgreSQL database is seen at once",
        .enabled(if: TestPostgres.url != nil))
    func anotherPostgresStore() async throws {
        try await TestPostgres.withDatabase { url in
            try await PostgresStore.withStore(url: url) { serving in
                try await PostgresStore.withStore(url: url) { importing in try await sameDatabase(serving, importing) }
            }
        }
    }

    /// Writes through `other` and expects `store`'s version to move each time, and the two to agree on
    /// what they read.
    func sameDatabase(_ store: any Store, _ other: any Store) async throws {
        // The other store's start (its migration check, a write transaction) must be over before the
        // first reading, or it is itself the write that moves the version.
        _ = try await other.dataVersion()
        let first = try await store.dataVersion()
        #expect(try await store.dataVersion() == first)
        let system = try await store.systemVersion()
        try await other.replaceSystem(try StoreContractTests.kent.get())
        let second = try await store.dataVersion()
        #expect(second != first)
        #expect(try await store.systemVersion() != system)
        #expect(try await store.loadSystem() != nil)
        try await other.insertUser(UserAccount(username: "ana", role: .analyst, passwordHash: "$2b$x"))
        let third = try await store.dataVersion()
        #expect(third != second && third != first)
        // And the other way round.
        let others = try await other.dataVersion()
        try await store.insertOrganisation(Organisation(code: "new-trust", name: "New", role: .nhsTrust))
        #expect(try await other.dataVersion() != others)
        #expect(try await other.organisations().contains { $0.code == "new-trust" })
    }

    @Test("a restore is a new version, in memory and in a file")
    func restore() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-v-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try SQLiteStore()
        try await source.replaceSystem(try StoreContractTests.kent.get())
        let backup = folder.appendingPathComponent("backup.sqlite").path
        try await source.backup(to: backup)
        for store in [try SQLiteStore(), try SQLiteStore(path: folder.appendingPathComponent("live.sqlite").path)] {
            let before = try await store.dataVersion()
            let system = try await store.systemVersion()
            try await store.restore(from: backup)
            #expect(try await store.dataVersion() != before)
            #expect(try await store.systemVersion() != system)
            #expect(try await store.loadSystem() != nil)
        }
    }
}
