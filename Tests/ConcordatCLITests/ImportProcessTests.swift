import ConcordatCore
import ConcordatTestSupport
import Foundation
import Ingest
import PostgresNIO
import Storage
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `concordat import` as a user runs it: exit codes, the report, idempotence, and a kill mid-import.
@Suite("concordat import as a process", .serialized)
struct ImportProcessTests {
    static let kent = Result {
        try PublishedSystemAssembly.assemble(from: .bundled("kent-medway"), rules: BundledPacks.kentPlaceRules)
    }

    /// A folder with a database holding Kent & Medway and a synthetic extract of `people`.
    static func setUp(people: Int, seed: UInt64 = 1) throws -> URL {
        let folder = try ConcordatProcess.temporaryFolder("import")
        _ = try SyntheticPopulation.write(
            system: try kent.get(), spec: SyntheticPopulationSpec.kentMedway(seed: seed, people: people),
            to: folder.appendingPathComponent("extract"))
        let (status, output) = try ConcordatProcess.run(["init", "--database", "db.sqlite"], in: folder)
        #expect(status == 0, "\(output)")
        return folder
    }

    @Test(
        "refused without a key (non-zero exit, report names the line); loads with one; the same extract twice changes nothing"
    )
    func importCommand() async throws {
        let folder = try Self.setUp(people: 500)
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try ConcordatProcess.run(
            ["import", "--database", "db.sqlite", "extract", "--extract-date", "2026-07-01"], in: folder)
        #expect(refused.status != 0)
        #expect(refused.output.contains("patients.csv:2: field 'nhs_number'"))
        let report = try String(contentsOf: folder.appendingPathComponent("import-report.txt"), encoding: .utf8)
        #expect(report.contains("nothing was loaded"))
        #expect(try await SQLiteStore(path: folder.appendingPathComponent("db.sqlite").path).datasetSummary() == nil)

        let key = folder.appendingPathComponent("keys/provider.key")
        try Pseudonymiser.generateKeyFile(at: key)
        let arguments = [
            "import", "--database", "db.sqlite", "extract", "--extract-date", "2026-07-01", "--key-file", key.path,
        ]
        let dryRun = try ConcordatProcess.run(arguments + ["--dry-run"], in: folder)
        #expect(dryRun.status == 0, "\(dryRun.output)")
        #expect(dryRun.output.contains("nothing was loaded (--dry-run)"))
        #expect(try await SQLiteStore(path: folder.appendingPathComponent("db.sqlite").path).datasetSummary() == nil)
        let loaded = try ConcordatProcess.run(arguments, in: folder)
        #expect(loaded.status == 0, "\(loaded.output)")
        #expect(loaded.output.contains("Loaded 500 people"))
        let again = try ConcordatProcess.run(arguments, in: folder)
        #expect(again.status == 0)
        #expect(again.output.contains("already loaded; nothing changed"))
        let store = try SQLiteStore(path: folder.appendingPathComponent("db.sqlite").path)
        let dataset = try #require(try await store.loadDataset())
        #expect(dataset.personCount == 500)
        #expect(!dataset.personIDs.strings.contains { $0.count == 10 && $0.allSatisfy(\.isNumber) })
    }

    @Test("SIGKILL while the import is writing leaves the previous dataset whole")
    func killDuringImport() async throws {
        let folder = try Self.setUp(people: 300_000, seed: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("db.sqlite").path
        // The previous dataset: a small extract imported first.
        _ = try SyntheticPopulation.write(
            system: try Self.kent.get(), spec: SyntheticPopulationSpec.kentMedway(seed: 3, people: 400),
            to: folder.appendingPathComponent("small"))
        let key = folder.appendingPathComponent("keys/provider.key")
        try Pseudonymiser.generateKeyFile(at: key)
        let common = ["--database", "db.sqlite", "--extract-date", "2026-07-01", "--key-file", key.path]
        let first = try ConcordatProcess.run(["import", "small"] + common, in: folder)
        #expect(first.status == 0, "\(first.output)")
        let before = try #require(try await SQLiteStore(path: database).datasetSummary())

        // Kill the large import once its write transaction is spilling pages into the WAL.
        let wal = database + "-wal"
        func walSize() -> Int { (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0 }
        let startSize = walSize()
        let (process, _) = try ConcordatProcess.start(["import", "extract"] + common, in: folder)
        var killedMidWrite = false
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
            if walSize() > startSize + 8 << 20 {
                kill(process.processIdentifier, SIGKILL)
                killedMidWrite = true
                break
            }
            usleep(1_000)
        }
        process.waitUntilExit()
        #expect(killedMidWrite, "the import finished before its write could be interrupted")
        #expect(process.terminationReason == .uncaughtSignal)

        let store = try SQLiteStore(path: database)
        let after = try #require(try await store.datasetSummary())
        #expect(after == before)
        let dataset = try #require(try await store.loadDataset())
        #expect(dataset.personCount == 400)
        #expect(dataset.eventCount == before.events)
    }

    @Test(
        "SIGKILL while the import is writing to PostgreSQL leaves the previous dataset whole",
        .enabled(if: TestPostgres.url != nil, "CONCORDAT_TEST_POSTGRES names no server"))
    func killDuringPostgresImport() async throws {
        let folder = try Self.setUp(people: 300_000, seed: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TestPostgres.withDatabase { database in
            let name = String(URLComponents(string: database)!.path.dropFirst())
            _ = try SyntheticPopulation.write(
                system: try Self.kent.get(), spec: SyntheticPopulationSpec.kentMedway(seed: 3, people: 400),
                to: folder.appendingPathComponent("small"))
            let key = folder.appendingPathComponent("keys/provider.key")
            try Pseudonymiser.generateKeyFile(at: key)
            let common = ["--database", database, "--extract-date", "2026-07-01", "--key-file", key.path]
            #expect(try ConcordatProcess.run(["init", "--database", database], in: folder).status == 0)
            let first = try ConcordatProcess.run(["import", "small"] + common, in: folder)
            #expect(first.status == 0, "\(first.output)")
            try await PostgresStore.withStore(url: database) { store in
                let before = try #require(try await store.datasetSummary())

                // Kill the large import while its transaction is writing the dataset's columns.
                let (process, _) = try ConcordatProcess.start(["import", "extract"] + common, in: folder)
                var killedMidWrite = false
                try await TestPostgres.admin(TestPostgres.url!) { client in
                    let deadline = Date().addingTimeInterval(120)
                    while process.isRunning, Date() < deadline, !killedMidWrite {
                        let writing =
                            try await client.query(
                                """
                                SELECT count(*) FROM pg_stat_activity WHERE datname = \(name) AND state = 'active'
                                AND query LIKE 'INSERT INTO dataset_column%'
                                """
                            ).collect().first?.decode(Int.self) ?? 0
                        if writing > 0 {
                            kill(process.processIdentifier, SIGKILL)
                            killedMidWrite = true
                        }
                    }
                }
                process.waitUntilExit()
                #expect(killedMidWrite, "the import finished before its write could be interrupted")
                #expect(process.terminationReason == .uncaughtSignal)

                let after = try #require(try await store.datasetSummary())
                #expect(after == before)
                let dataset = try #require(try await store.loadDataset())
                #expect(dataset.personCount == 400)
                #expect(dataset.eventCount == before.events)
            }
        }
    }
}

@Suite("concordat allocate as a process")
struct AllocateProcessTests {
    @Test("JSON budgets add up at every level to the control total; bad totals and years are refused")
    func allocate() throws {
        let folder = try ConcordatProcess.temporaryFolder("allocate")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ConcordatProcess.run(["init", "--database", "db.sqlite"], in: folder).status == 0)
        let result = try ConcordatProcess.run(
            [
                "allocate", "--database", "db.sqlite", "--control-total", "£3.1bn", "--year", "2026/27", "--format",
                "json",
            ], in: folder)
        #expect(result.status == 0, "\(result.output)")
        let document = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(document?["controlTotalPence"] as? Int == 310_000_000_000)
        let allocations = try #require(document?["allocations"] as? [[String: Any]])
        #expect(allocations.count == 1 + 4 + 45 + 175)
        var childrenSum: [String: Int] = [:]
        var budget: [String: Int] = [:]
        for line in allocations {
            budget[line["code"] as! String] = line["budgetPence"] as? Int
            if let parent = line["parent"] as? String { childrenSum[parent, default: 0] += line["budgetPence"] as! Int }
        }
        for (parent, sum) in childrenSum { #expect(budget[parent] == sum, "\(parent)") }
        #expect(budget["QKS"] == 310_000_000_000)
        let explained = try ConcordatProcess.run(
            [
                "allocate", "--database", "db.sqlite", "--control-total", "£3.1bn", "--year", "2026/27", "--explain",
                "G82028",
            ], in: folder)
        #expect(explained.output.contains("SWANLEY MEDICAL PRACTICE"))
        #expect(explained.output.contains("largest remainder"))
        try
            "code,baseline\neast-kent,£1.1bn\nwest-kent,£0.76bn\nmedway-swale,£0.7bn\ndartford-gravesham-swanley,£0.44bn\n"
            .write(
                to: folder.appendingPathComponent("base.csv"), atomically: true, encoding: .utf8)
        let paced = try ConcordatProcess.start(
            [
                "allocate", "--database", "db.sqlite", "--control-total", "£3.1bn", "--year", "2026/27", "--format",
                "json",
                "--pace", "floor=1%,cap=5%", "--baseline", "base.csv",
            ], in: folder)
        let pacedData = paced.1.fileHandleForReading.readDataToEndOfFile()
        paced.0.waitUntilExit()
        #expect(paced.0.terminationStatus == 0)
        let pacedText = String(decoding: pacedData, as: UTF8.self)
        let json = try #require(pacedText.firstIndex(of: "{").map { String(pacedText[$0...]) })
        let pacedDocument = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let pacedLines = try #require(pacedDocument?["allocations"] as? [[String: Any]])
        let places = pacedLines.filter { $0["level"] as? String == "place" }
        #expect(places.reduce(0) { $0 + ($1["budgetPence"] as! Int) } == 310_000_000_000)
        // West Kent starts above its target, so it gets only the 1% floor: £760m × 1.01.
        #expect(places.first { $0["code"] as? String == "west-kent" }?["budgetPence"] as? Int == 76_760_000_000)
        let badTotal = try ConcordatProcess.run(
            ["allocate", "--database", "db.sqlite", "--control-total", "lots", "--year", "2026/27"], in: folder)
        #expect(badTotal.status != 0 && badTotal.output.contains("is not an amount"))
        let badYear = try ConcordatProcess.run(
            ["allocate", "--database", "db.sqlite", "--control-total", "£1m", "--year", "2026/28"], in: folder)
        #expect(badYear.status != 0 && badYear.output.contains("financial year"))
    }
}
