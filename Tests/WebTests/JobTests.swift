import ConcordatCore
import ConcordatTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Ingest
import PopulationHealth
import Storage
import Testing

@testable import Web

@Suite("Background jobs: progress, completion, cancellation", .serialized)
struct JobTests {
    @Test("a cancelled job stops at its next progress report")
    func cancel() async throws {
        let runner = JobRunner()
        let job = await runner.start(kind: .analysis, by: "ann") { handle in
            try await handle.report(0.5, "half way")
            try await Task.sleep(for: .seconds(30))
            try await handle.report(1, "never")
            return "finished"
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(await runner.job(job.id)?.stage == "half way")
        _ = await runner.cancel(job.id)
        let ended = try #require(await runner.wait(job.id))
        #expect(ended.status == .cancelled)
        #expect(ended.progress == 0.5)
    }

    @Test("re-running the engine in the background: 202, progress to done, the new analysis served")
    func analysis() async throws {
        let store = try await makeDatasetStore(people: 3_000, seed: 41)
        for (name, role) in [("ann", Role.analyst), ("vic", .viewer)] {
            try await store.insertUser(
                UserAccount(
                    username: name, role: role, passwordHash: PasswordHashing.hash("correct horse battery", cost: 4)))
        }
        // Make the stored analysis look old, so the job's result is visible.
        let summary = try #require(try await store.datasetSummary())
        var old = try JSONDecoder().decode(PopulationAnalysis.self, from: try #require(summary.analysis))
        old.version = 1
        try await store.updateAnalysis(try JSONEncoder().encode(old), cohort: [], fingerprint: summary.fingerprint)
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/jobs", method: .post, headers: signedIn("vic"),
                body: ByteBuffer(string: #"{"kind":"analysis"}"#)
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/api/v1/jobs", method: .post, headers: signedIn("ann"),
                body: ByteBuffer(string: #"{"kind":"magic"}"#)
            ) { #expect($0.status == .badRequest) }
            try await client.execute(
                uri: "/api/v1/jobs", method: .post, headers: signedIn("ann"),
                body: ByteBuffer(string: #"{"kind":"analysis"}"#)
            ) { #expect($0.status == .accepted) }
            var status = "running"
            for _ in 0..<300 where status == "running" {
                try await Task.sleep(for: .milliseconds(100))
                try await client.execute(uri: "/api/v1/jobs", method: .get) { response in
                    let jobs = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
                    status = ((jobs?["items"] as? [[String: Any]])?.first?["status"] as? String) ?? "missing"
                }
            }
            #expect(status == "done")
            try await client.execute(uri: "/jobs", method: .get) { response in
                // The population at the period's end: the 3,000 loaded less those who died in the period.
                #expect(response.text.contains(" people analysed for 2025-07..2026-06"))
                #expect(response.text.contains("about 2,9"))
                #expect(response.text.contains("<progress max=\"100\" value=\"100\""))
            }
        }
        let refreshed = try JSONDecoder().decode(
            PopulationAnalysis.self, from: try #require(try await store.datasetSummary()?.analysis))
        #expect(refreshed.version == PopulationAnalysis.currentVersion)
        // The job re-ran the engine with the stored period and extract date: exactly the import's analysis.
        let dataset = try #require(try await store.loadDataset())
        let reference = Day(year: 2026, month: 7, day: 1)!
        let imported = PopulationAnalysis.run(
            on: dataset, period: .twelveMonths(before: reference), extractDate: reference
        ).analysis
        #expect(refreshed == imported)
        #expect(refreshed.period?.description == "2025-07..2026-06" && refreshed.extractDate == reference)
    }

    @Test("an administrator imports an extract on the server as a job; others may not")
    func importJob() async throws {
        let kent = try kentMedway.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-job-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SyntheticPopulation.write(
            system: kent, spec: SyntheticPopulationSpec.kentMedway(seed: 3, people: 2_000),
            to: folder.appendingPathComponent("extract"))
        let key = folder.appendingPathComponent("provider.key")
        try Pseudonymiser.generateKeyFile(at: key)
        let store = try SQLiteStore()
        try await store.replaceSystem(kent)
        for (name, role) in [("ada", Role.administrator), ("ann", Role.analyst)] {
            try await store.insertUser(
                UserAccount(
                    username: name, role: role, passwordHash: PasswordHashing.hash("correct horse battery", cost: 4)))
        }
        let app = Application(router: try buildRouter(store: store))
        let body = ByteBuffer(
            string:
                #"{"kind":"import","directory":"\#(folder.appendingPathComponent("extract").path)","keyFile":"\#(key.path)","extractDate":"2026-07-01"}"#
        )
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/jobs", method: .post, headers: signedIn("ann"), body: body) {
                response in
                #expect(response.status == .forbidden, "\(response.text)")
            }
            // A malformed, reversed or over-long period is a 400 naming the field; nothing is started.
            for period in ["2026-06..2025-07", "2025-07", "2020-01..2028-04", "2025-07..2025-06"] {
                let bad = ByteBuffer(
                    string:
                        #"{"kind":"import","directory":"\#(folder.appendingPathComponent("extract").path)","period":"\#(period)"}"#
                )
                try await client.execute(uri: "/api/v1/jobs", method: .post, headers: signedIn("ada"), body: bad) {
                    response in
                    #expect(response.status == .badRequest, "\(period): \(response.text)")
                    #expect(response.text.contains("\"period\""), "\(response.text)")
                }
            }
            try await client.execute(uri: "/api/v1/jobs", method: .post, headers: signedIn("ada"), body: body) {
                #expect($0.status == .accepted)
            }
            var result = ""
            for _ in 0..<300 where !result.contains("loaded") {
                try await Task.sleep(for: .milliseconds(100))
                try await client.execute(uri: "/api/v1/jobs", method: .get) { response in
                    let jobs = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
                    result = ((jobs?["items"] as? [[String: Any]])?.first?["result"] as? String) ?? ""
                }
            }
            // The people shown are the population at the period's end: the 2,000 loaded less the dead.
            #expect(result.hasPrefix("about 1,9") && result.hasSuffix(" people loaded"), "\(result)")
            try await client.execute(uri: "/api/v1/dataset", method: .get) { response in
                #expect(response.text.contains("\"people\":19"))
            }
            // The job and the rows it read are in the metrics; the report's own row count is the reference.
            let report = try DatasetImport(
                system: kent, pseudonymiser: try Pseudonymiser(keyFile: key),
                extractDate: Day(year: 2026, month: 7, day: 1)!
            ).run(directory: folder.appendingPathComponent("extract")).1
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = response.text
                #expect(text.contains(#"concordat_jobs{kind="import",status="done"} 1"#))
                #expect(text.contains(#"concordat_job_progress{job="1",kind="import"} 1"#))
                #expect(
                    text.contains(
                        #"concordat_import_rows{outcome="loaded"} \#(report.goodRows.values.reduce(0, +))"#))
                #expect(text.contains(#"concordat_import_rows{outcome="refused"} 0"#))
            }
        }
    }
}
