import ConcordatCore
import Foundation
import Ingest
import Storage
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// An extract with bad NHS numbers, refused by `concordat import` and by the web's import job, searched
/// in every output for the numbers and for the pseudonyms of the people already loaded.
@Suite("No identifier leaves a refused import", .serialized)
struct RefusedImportLeakTests {
    /// One bad number for each check, by the check's name in the report.
    static let badNumbers = [
        ("length check", "943476591"),
        ("digit check", "94347A5919"),
        ("check digit", "9434765918"),
        ("all-same-digit check", "1111111111"),
    ]

    @Test("the CLI, its report, the jobs API and page, the JSON log and /metrics hold no bad number or pseudonym")
    func noIdentifiers() async throws {
        let folder = try ImportProcessTests.setUp(people: 300, seed: 9)
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("provider.key")
        try Pseudonymiser.generateKeyFile(at: key)
        let common = ["--database", "db.sqlite", "--extract-date", "2026-07-01", "--key-file", key.path]
        let first = try ConcordatProcess.run(["import", "extract"] + common, in: folder)
        #expect(first.status == 0, "\(first.output)")
        let before = try #require(
            try await SQLiteStore(path: folder.appendingPathComponent("db.sqlite").path).datasetSummary())
        // The people already loaded, as pseudonyms: none may appear in any output either.
        let pseudonymiser = try Pseudonymiser(keyFile: key)
        let patients = try String(
            contentsOf: folder.appendingPathComponent("extract/patients.csv"), encoding: .utf8)
        var lines = patients.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let pseudonyms = try lines.dropFirst().prefix(300).compactMap { line -> String? in
            guard let number = line.split(separator: ",").first, number.count == 10 else { return nil }
            return pseudonymiser.pseudonym(for: try NHSNumber(validating: String(number)))
        }
        #expect(pseudonyms.count > 250)
        // The bad extract: four people's NHS numbers (person_id and nhs_number) replaced.
        let bad = folder.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        for (index, (_, number)) in Self.badNumbers.enumerated() {
            var fields = lines[index + 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[0] = number
            fields[1] = number
            lines[index + 1] = fields.joined(separator: ",")
        }
        try lines.joined(separator: "\n").write(
            to: bad.appendingPathComponent("patients.csv"), atomically: true, encoding: .utf8)
        for file in ["diagnoses.csv", "events.csv"] {
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent("extract/\(file)"), to: bad.appendingPathComponent(file))
        }
        var outputs: [(String, String)] = []

        // 1. The command line: refused, its output and report name the field and the check only.
        let cli = try ConcordatProcess.run(["import", "bad", "--report", "refused.txt"] + common, in: folder)
        #expect(cli.status != 0)
        let report = try String(contentsOf: folder.appendingPathComponent("refused.txt"), encoding: .utf8)
        for (check, _) in Self.badNumbers {
            #expect(report.contains(check), "the report should name the \(check)")
        }
        #expect(report.contains("patients.csv:2: field 'nhs_number'"))
        outputs += [("concordat import", cli.output), ("the report", report)]

        // 2. The web: the same extract as an import job on a server logging JSON.
        #expect(
            try ConcordatProcess.run(
                [
                    "user", "add", "--database", "db.sqlite", "--username", "ada", "--role", "administrator",
                    "--password-stdin", "--cost", "4",
                ], in: folder, input: "correct horse battery\n"
            ).status == 0)
        let port = ConcordatProcess.freePort()
        let (server, log) = try ConcordatProcess.start(
            ["serve", "--database", "db.sqlite", "--log-format", "json"], in: folder,
            environment: ["CONCORDAT_PORT": String(port)])
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        let base = "http://127.0.0.1:\(port)"
        try #require(try await ConcordatProcess.waitUntilHealthy(port: port))
        var request = URLRequest(url: URL(string: "\(base)/api/v1/jobs")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(
            "Basic " + Data("ada:correct horse battery".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization"
        )
        request.httpBody = try JSONSerialization.data(withJSONObject: [
            "kind": "import", "directory": bad.path, "keyFile": key.path, "extractDate": "2026-07-01",
        ])
        let (_, started) = try await URLSession.shared.data(for: request)
        #expect((started as? HTTPURLResponse)?.statusCode == 202)
        var job: [String: Any] = [:]
        var jobs = ""
        for _ in 0..<240 where (job["status"] as? String ?? "running") == "running" {
            try await Task.sleep(for: .milliseconds(250))
            let (_, data) = try #require(await ConcordatProcess.get(URL(string: "\(base)/api/v1/jobs")!))
            jobs = String(decoding: data, as: UTF8.self)
            job =
                ((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["items"] as? [[String: Any]])?
                .first ?? [:]
        }
        #expect(job["status"] as? String == "refused", "\(job)")
        #expect(job["rowsLoaded"] as? Int == 0)
        #expect((job["result"] as? String)?.contains("nothing loaded") == true)
        let page = String(
            decoding: try #require(await ConcordatProcess.get(URL(string: "\(base)/jobs")!)).1, as: UTF8.self)
        #expect(page.contains("refused"))
        let metrics = String(
            decoding: try #require(await ConcordatProcess.get(URL(string: "\(base)/metrics")!)).1, as: UTF8.self)
        #expect(metrics.contains(#"concordat_jobs{kind="import",status="refused"} 1"#))
        kill(server.processIdentifier, SIGINT)
        server.waitUntilExit()
        let serverLog = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        outputs += [
            ("GET /api/v1/jobs", jobs), ("the /jobs page", page), ("/metrics", metrics), ("the server log", serverLog),
        ]

        // 3. Nowhere a bad number or a pseudonym; the dataset is the one loaded before.
        for (name, text) in outputs {
            for (check, number) in Self.badNumbers {
                #expect(!text.contains(number), "\(name) shows the NHS number refused by the \(check)")
            }
            #expect(!pseudonyms.contains { text.contains($0) }, "\(name) shows a pseudonym")
        }
        let after = try #require(
            try await SQLiteStore(path: folder.appendingPathComponent("db.sqlite").path).datasetSummary())
        #expect(after.fingerprint == before.fingerprint)
        #expect(after.people == before.people)
    }
}
