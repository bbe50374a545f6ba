import ConcordatCore
import ConcordatTestSupport
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

/// Integrity as a user meets it, through the real executable: a report that cannot be written, a
/// damaged database, a full disk.
@Suite("Integrity through the real executable", .serialized)
struct IntegrityProcessTests {
    @Test("an import whose report cannot be written loads nothing: the previous dataset stays")
    func unwritableReport() async throws {
        let folder = try ImportProcessTests.setUp(people: 300)
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("keys/provider.key")
        try Pseudonymiser.generateKeyFile(at: key)
        let common = ["--database", "db.sqlite", "--extract-date", "2026-07-01", "--key-file", key.path]
        let first = try ConcordatProcess.run(["import", "extract"] + common, in: folder)
        #expect(first.status == 0, "\(first.output)")
        let database = folder.appendingPathComponent("db.sqlite").path
        let before = try #require(try await SQLiteStore(path: database).datasetSummary())

        _ = try SyntheticPopulation.write(
            system: try ImportProcessTests.kent.get(), spec: SyntheticPopulationSpec.kentMedway(seed: 9, people: 200),
            to: folder.appendingPathComponent("other"))
        let refused = try ConcordatProcess.run(
            ["import", "other", "--report", "/nonexistent/r.txt"] + common, in: folder)
        #expect(refused.status != 0)
        #expect(refused.output.contains("/nonexistent/r.txt cannot be written"), "\(refused.output)")
        #expect(refused.output.contains("nothing was imported"))
        let after = try #require(try await SQLiteStore(path: database).datasetSummary())
        #expect(after.fingerprint == before.fingerprint)
        #expect(after.people == 300)
    }

    @Test("a database with a damaged page is served with /health 503 'degraded', and `backup` refuses it")
    func damagedDatabase() async throws {
        let folder = try ConcordatProcess.temporaryFolder("damaged")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ConcordatProcess.run(["init", "--database", "db.sqlite"], in: folder).status == 0)
        let database = folder.appendingPathComponent("db.sqlite").path
        // Whole, it backs up, checked, with the register's head printed.
        let good = try ConcordatProcess.run(["backup", "--database", "db.sqlite", "--to", "good.sqlite"], in: folder)
        #expect(good.status == 0, "\(good.output)")
        #expect(good.output.contains("checked whole"))
        #expect(good.output.contains("Decision register head: 0 entries, hash \(String(repeating: "0", count: 64))"))
        try await DamagedSQLite.damageLastPage(of: database)

        let backup = try ConcordatProcess.run(["backup", "--database", "db.sqlite", "--to", "b.sqlite"], in: folder)
        #expect(backup.status != 0, "\(backup.output)")
        #expect(backup.output.contains("integrity check") || backup.output.contains("damaged"), "\(backup.output)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.sqlite").path))

        let port = ConcordatProcess.freePort()
        let (server, _) = try ConcordatProcess.start(
            ["serve", "--database", "db.sqlite"], in: folder, environment: ["CONCORDAT_PORT": String(port)])
        defer {
            kill(server.processIdentifier, SIGTERM)
            server.waitUntilExit()
        }
        var health: (Int, Data)?
        for _ in 0..<100 where health == nil {
            try await Task.sleep(for: .milliseconds(100))
            health = await ConcordatProcess.get(URL(string: "http://127.0.0.1:\(port)/health")!)
        }
        let (status, body) = try #require(health)
        #expect(status == 503)
        let report = try JSONDecoder().decode([String: String].self, from: body)
        #expect(report["status"] == "degraded")
        #expect(report["reason"]?.contains("damaged") == true)
    }

    /// Whether this process may mount a tmpfs (it runs as root), to make a disk that fills.
    static let canMountTmpfs: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-tmpfs-probe-\(UUID())")
        try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: probe) }
        guard mount("tmpfs", probe.path, "tmpfs", 0, "size=1m") == 0 else { return false }
        umount(probe.path)
        return true
    }()

    @Test(
        "a write on a full disk answers 503 problem+json and /health says degraded, until space is freed",
        .enabled(if: canMountTmpfs, "needs root to mount a small tmpfs"))
    func fullDisk() async throws {
        let folder = try ConcordatProcess.temporaryFolder("full")
        defer { try? FileManager.default.removeItem(at: folder) }
        try #require(mount("tmpfs", folder.path, "tmpfs", 0, "size=48m") == 0)
        defer { umount2(folder.path, Int32(MNT_DETACH)) }
        let running = try await PayingServer.start(database: "db.sqlite", in: folder)
        defer { running.stop() }
        #expect(await running.pay() == 201)

        // Fill the disk to the last byte.
        let filler = folder.appendingPathComponent("filler")
        FileManager.default.createFile(atPath: filler.path, contents: nil)
        let handle = try FileHandle(forWritingTo: filler)
        let chunk = Data(repeating: 0, count: 64 * 1024)
        while (try? handle.write(contentsOf: chunk)) != nil {}
        for size in [4096, 512, 1] { while (try? handle.write(contentsOf: Data(count: size))) != nil {} }
        try? handle.close()

        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(running.port)/api/v1/pools/test-pool/payments")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(
            "Basic " + Data("fin:correct horse battery".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization"
        )
        // A long description, so the write needs new pages however much the log has room for.
        request.httpBody = Data(
            (#"{"partner":"kcc","setting":"community","area":"east-kent","month":"2026-11","amountPence":100,"#
                + #""description":"\#(String(repeating: "x", count: 9_000))"}"#).utf8)
        var refused: (Data, HTTPURLResponse)?
        for _ in 0..<50 where refused == nil {
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            if http.statusCode != 201 { refused = (data, http) }
        }
        let (data, response) = try #require(refused, "every write succeeded on a full disk")
        #expect(response.statusCode == 503)
        #expect(response.value(forHTTPHeaderField: "Content-Type") == "application/problem+json")
        #expect(String(decoding: data, as: UTF8.self).contains("no space"))
        let (status, body) = try #require(
            await ConcordatProcess.get(URL(string: "http://127.0.0.1:\(running.port)/health")!))
        #expect(status == 503)
        #expect(String(decoding: body, as: UTF8.self).contains("degraded"))

        // Space again: the next write succeeds and /health recovers.
        try FileManager.default.removeItem(at: filler)
        #expect(await running.pay() == 201)
        #expect(await running.status("/health") == 200)
    }
}
