import ConcordatCore
import Foundation
import Ingest
import Storage
import Testing

@Suite("concordat import --period and --extract-date as a process")
struct ImportPeriodProcessTests {
    @Test("hostile periods are refused before anything is read; a given period and far extract date are reported")
    func periods() async throws {
        let folder = try ImportProcessTests.setUp(people: 300, seed: 3)
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("keys/provider.key")
        try Pseudonymiser.generateKeyFile(at: key)
        let common = ["import", "--database", "db.sqlite", "extract", "--key-file", key.path]
        let refusals = [
            ("2025-7..2026-06", "is not a month"), ("2026-06..2025-07", "ends before it starts"),
            ("2025-07..2025-06", "has no months"), ("2020-01..2028-04", "100 months long"),
        ]
        for (period, reason) in refusals {
            let refused = try ConcordatProcess.run(common + ["--period", period], in: folder)
            #expect(refused.status != 0, "\(period)")
            #expect(refused.output.contains("--period") && refused.output.contains(reason), "\(refused.output)")
        }
        #expect(try await SQLiteStore(path: folder.appendingPathComponent("db.sqlite").path).datasetSummary() == nil)
        // A period ending after the extract date: refused, nothing loaded.
        let after = try ConcordatProcess.run(
            common + ["--extract-date", "2026-07-01", "--period", "2025-08..2026-07"], in: folder)
        #expect(after.status != 0)
        #expect(after.output.contains("ends on or after the extract date 2026-07-01"), "\(after.output)")
        #expect(try await SQLiteStore(path: folder.appendingPathComponent("db.sqlite").path).datasetSummary() == nil)
        // A far extract date loads, with a warning; the period is the one given.
        let loaded = try ConcordatProcess.run(
            common + ["--extract-date", "2026-12-01", "--period", "2026-01..2026-06"], in: folder)
        #expect(loaded.status == 0, "\(loaded.output)")
        #expect(loaded.output.contains("Warning: the extract date 2026-12-01 is 153 days after"))
        #expect(loaded.output.contains("Analysis period 2026-01..2026-06"))
        #expect(loaded.output.contains("events start outside the analysis period"))
    }
}
