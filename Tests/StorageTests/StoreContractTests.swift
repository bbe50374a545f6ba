import ConcordatCore
import ConcordatTestSupport
import Foundation
import Ingest
import Storage
import Testing

/// The contract every ``Store`` adapter must meet. Each test runs once per adapter that can run here.
@Suite("Store contract")
struct StoreContractTests {
    /// An adapter under test, opened fresh for each test. PostgreSQL joins the list when
    /// `CONCORDAT_TEST_POSTGRES` names a server (`.ci/run` starts one and sets it).
    enum Adapter: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case sqliteInMemory = "SQLite (in memory)"
        case sqliteFile = "SQLite (file, WAL)"
        case postgres = "PostgreSQL"

        var testDescription: String { rawValue }

        static var allCases: [Adapter] {
            TestPostgres.url == nil ? [.sqliteInMemory, .sqliteFile] : [.sqliteInMemory, .sqliteFile, .postgres]
        }

        /// Runs `body` with a fresh, empty store, and removes it afterwards.
        func withStore(_ body: (any Store) async throws -> Void) async throws {
            switch self {
            case .sqliteInMemory:
                return try await body(try SQLiteStore())
            case .sqliteFile:
                let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "concordat-\(UUID().uuidString).sqlite"
                ).path
                defer {
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                }
                return try await body(try SQLiteStore(path: path))
            case .postgres:
                return try await TestPostgres.withDatabase { url in
                    try await PostgresStore.withStore(url: url) { store in try await body(store) }
                }
            }
        }
    }

    static let kent = BundledPacks.kentSystem

    @Test("an empty store holds no system", arguments: Adapter.allCases)
    func emptyStore(adapter: Adapter) async throws {
        try await adapter.withStore { store in
            let system = try await store.loadSystem()
            #expect(system == nil)
            #expect(try await store.organisations().isEmpty)
        }
    }

    @Test(
        "Kent & Medway round-trips whole: areas, populations, organisations, notes, sources",
        arguments: Adapter.allCases)
    func roundTrip(adapter: Adapter) async throws {
        try await adapter.withStore { store in
            let kent = try Self.kent.get()
            try await store.replaceSystem(kent)
            let loaded = try #require(try await store.loadSystem())
            #expect(loaded == kent)
            #expect(loaded.population(of: "QKS").total == 2_039_483)
            #expect(loaded.organisations.map(\.code) == kent.organisations.map(\.code))
        }
    }

    @Test(
        "an ICB built from NHS England's file alone keeps its list sizes without bands (migration v15)",
        arguments: Adapter.allCases)
    func unbanded(adapter: Adapter) async throws {
        try await adapter.withStore { store in
            let quy = try PublishedICB(file: EnglandAllocationFile.bundled(), icb: "QUY").system
            try await store.replaceSystem(quy)
            let loaded = try #require(try await store.loadSystem())
            #expect(loaded == quy)
            #expect(loaded.sourcePopulations == quy.sourcePopulations)
            #expect(loaded.population(of: "QUY").unbanded == quy.population(of: "QUY").total)
            #expect(loaded.population(of: "QUY").total > 900_000)
            // Kent & Medway, all banded, has no unbanded people after it.
            try await store.replaceSystem(try Self.kent.get())
            #expect(try await store.loadSystem()?.population(of: "QKS").unbanded == 0)
        }
    }

    @Test("replacing a system replaces everything", arguments: Adapter.allCases)
    func replace(adapter: Adapter) async throws {
        try await adapter.withStore { store in
            try await store.replaceSystem(try Self.kent.get())
            let llr = try BundledPacks.llrSystem.get()
            try await store.replaceSystem(llr)
            let loaded = try #require(try await store.loadSystem())
            #expect(loaded == llr)
            #expect(loaded.area("QKS") == nil)
            #expect(try await store.organisations().count == 8)
        }
    }

    @Test("a replace that fails part-way leaves the previous system untouched", arguments: Adapter.allCases)
    func failedReplaceIsAtomic(adapter: Adapter) async throws {
        try await adapter.withStore { store in
            let llr = try BundledPacks.llrSystem.get()
            try await store.replaceSystem(llr)
            // A negative count breaks a constraint after most rows have been written.
            var broken = PopulationProfile()
            broken[.female, AgeBand(index: 0)!] = 5
            broken[.male, AgeBand(index: 19)!] = -1
            let bad = try HealthSystem(
                code: "BAD", name: "Bad", levels: llr.levels,
                areas: [Area(code: "BAD", name: "Bad", level: "system", parentCode: nil)], populations: ["BAD": broken],
                organisations: BundledPacks.kent.get().organisations)
            await #expect(throws: (any Error).self) { try await store.replaceSystem(bad) }
            #expect(try await store.loadSystem() == llr)
        }
    }

    @Test(
        "a system replaced with its pack stores both in one transaction; a failed replace keeps the old pack",
        arguments: Adapter.allCases)
    func replaceWithPack(adapter: Adapter) async throws {
        try await adapter.withStore { store in
            let llr = try BundledPacks.llrSystem.get()
            let first = StoredPack(format: 1, document: Data(#"{"name":"first"}"#.utf8))
            try await store.replaceSystem(llr, pack: first)
            #expect(try await store.loadSystem() == llr)
            #expect(try await store.pack() == first)
            // Without a pack, the stored one is left as it is.
            try await store.replaceSystem(llr)
            #expect(try await store.pack() == first)
            var broken = PopulationProfile()
            broken[.male, AgeBand(index: 19)!] = -1
            let bad = try HealthSystem(
                code: "BAD", name: "Bad", levels: llr.levels,
                areas: [Area(code: "BAD", name: "Bad", level: "system", parentCode: nil)], populations: ["BAD": broken],
                organisations: [])
            let second = StoredPack(format: 1, document: Data(#"{"name":"second"}"#.utf8))
            await #expect(throws: (any Error).self) { try await store.replaceSystem(bad, pack: second) }
            #expect(try await store.loadSystem() == llr)
            #expect(try await store.pack() == first)
        }
    }

    @Test("organisations: add, read, conflict, update, not found", arguments: Adapter.allCases)
    func organisations(adapter: Adapter) async throws {
        try await adapter.withStore { store in
            let newcomer = Organisation(code: "medway-council", name: "Medway Council", role: .localAuthority)
            await #expect { try await store.insertOrganisation(newcomer) } throws: {
                ($0 as? StoreError)?.code == .noSystem
            }
            try await store.replaceSystem(try Self.kent.get())
            try await store.insertOrganisation(newcomer)
            #expect(try await store.organisation(code: "medway-council") == newcomer)
            #expect(try await store.organisations().last == newcomer)
            await #expect { try await store.insertOrganisation(newcomer) } throws: {
                ($0 as? StoreError)?.code == .conflict
            }
            var renamed = newcomer
            renamed.name = "Medway Council (unitary authority)"
            try await store.updateOrganisation(renamed)
            #expect(try await store.organisation(code: "medway-council").name == "Medway Council (unitary authority)")
            #expect(try await store.organisations().last?.code == "medway-council")  // position kept
            await #expect { try await store.organisation(code: "nobody") } throws: {
                ($0 as? StoreError)?.code == .notFound
            }
            let ghost = Organisation(code: "nobody", name: "Nobody", role: .adviser)
            await #expect { try await store.updateOrganisation(ghost) } throws: {
                ($0 as? StoreError)?.code == .notFound
            }
        }
    }
}

@Suite("SQLite specifics")
struct SQLiteStoreTests {
    @Test("a file database persists across opens and runs in WAL mode")
    func persists() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "concordat-\(UUID().uuidString).sqlite"
        ).path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let store = try SQLiteStore(path: path)
            try await store.replaceSystem(try BundledPacks.llrSystem.get())
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.loadSystem()?.code == "LLR")
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("a path that cannot be opened is a clear 'unavailable' error")
    func unavailable() {
        #expect { try SQLiteStore(path: "/nonexistent-dir-\(UUID().uuidString)/x.sqlite") } throws: { error in
            (error as? StoreError)?.code == .unavailable
        }
    }
}

@Suite("Store contract: the integrated dataset")
struct DatasetStoreContractTests {
    /// A small dataset with every column filled.
    static func dataset(people: Int, seed: Int) -> IntegratedDataset {
        var dataset = IntegratedDataset()
        dataset.practiceCodes = PackedStrings(["G82002", "G82028"])
        dataset.lsoaCodes = PackedStrings(["E01024345", "E01024346"])
        dataset.providerCodes = PackedStrings(["RVV", "G82002"])
        dataset.codes = PackedStrings(["I219", "E119"])
        for index in 0..<people {
            dataset.personIDs.append("person-\(seed)-\(index)")
            dataset.birthYear.append(UInt16(1930 + index % 90))
            dataset.birthMonth.append(UInt8(1 + index % 12))
            dataset.sex.append(UInt8(index % 2))
            dataset.lsoa.append(UInt32(index % 2))
            dataset.imdDecile.append(UInt8(1 + index % 10))
            dataset.practice.append(UInt16(index % 2))
            dataset.registeredFrom.append(Int32(15_000 + index))
            dataset.diedOn.append(index % 50 == 0 ? 20_500 : IntegratedDataset.noDate)
            dataset.diagnosisPerson.append(UInt32(index))
            dataset.diagnosisSystem.append(CodeSystem.icd10.rawValue)
            dataset.diagnosisCode.append(UInt32(index % 2))
            dataset.diagnosisRecordedOn.append(19_000)
            for event in 0..<3 {
                dataset.eventPerson.append(UInt32(index))
                dataset.eventSetting.append(UInt8(event))
                dataset.eventProvider.append(UInt32(event % 2))
                dataset.eventStart.append(Int32(20_300 + event))
                dataset.eventEnd.append(event == 0 ? IntegratedDataset.noDate : Int32(20_305))
                dataset.eventCostPence.append(Int64(4_200 * (event + 1) + seed))
                dataset.eventPrimaryCode.append(event == 1 ? 0 : IntegratedDataset.noCode)
            }
        }
        return dataset
    }

    @Test("a dataset round-trips column for column, with its summary", arguments: StoreContractTests.Adapter.allCases)
    func roundTrip(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            #expect(try await store.datasetSummary() == nil)
            #expect(try await store.loadDataset() == nil)
            let dataset = Self.dataset(people: 500, seed: 1)
            let summary = DatasetSummary(
                of: dataset, fingerprint: "abc", source: "test", importedAt: Date(timeIntervalSince1970: 1_800_000_000))
            try await store.replaceDataset(dataset, summary: summary)
            #expect(try await store.loadDataset() == dataset)
            #expect(try await store.datasetSummary() == summary)
            #expect(summary.peopleByPractice == ["G82002": 250, "G82028": 250])
        }
    }

    @Test("replacing a dataset replaces it whole", arguments: StoreContractTests.Adapter.allCases)
    func replace(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            let first = Self.dataset(people: 300, seed: 1)
            let second = Self.dataset(people: 120, seed: 2)
            try await store.replaceDataset(first, summary: DatasetSummary(of: first, fingerprint: "one", source: "a"))
            try await store.replaceDataset(second, summary: DatasetSummary(of: second, fingerprint: "two", source: "b"))
            #expect(try await store.loadDataset() == second)
            #expect(try await store.datasetSummary()?.fingerprint == "two")
            #expect(try await store.datasetSummary()?.people == 120)
        }
    }
}
