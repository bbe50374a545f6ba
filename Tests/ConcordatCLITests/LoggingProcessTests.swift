import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// `--log-format json` as a log shipper sees it: one JSON object per line, every request logged by route
/// template and status, and nothing patient-level (no pseudonym from a cohort read, no path values).
@Suite("Structured logs", .serialized)
struct LoggingProcessTests {
    @Test("JSON lines with time, level and message; requests by route template; no pseudonyms")
    func jsonLogs() async throws {
        let folder = try ConcordatProcess.temporaryFolder("logs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = ConcordatProcess.freePort()
        let (server, output) = try ConcordatProcess.start(
            ["demo", "--people", "2000", "--log-format", "json"], in: folder,
            environment: ["CONCORDAT_PORT": String(port)])
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        let base = "http://127.0.0.1:\(port)"
        try #require(try await ConcordatProcess.waitUntilHealthy(port: port))
        #expect(
            try ConcordatProcess.run(
                ["user", "add", "--username", "ann", "--role", "analyst", "--password-stdin", "--cost", "4"],
                in: folder, input: "correct horse battery\n"
            ).status == 0)
        // A practice with a top-risk cohort (its count may be hidden by the disclosure gate).
        let (_, model) = try #require(await ConcordatProcess.get(URL(string: "\(base)/api/v1/models/admission-risk")!))
        let byPractice = try #require(
            ((try JSONSerialization.jsonObject(with: model) as? [String: Any])?["report"] as? [String: Any])?[
                "cohortByPractice"] as? [String: Any])
        let practice = try #require(byPractice.keys.sorted().first)
        var request = URLRequest(url: URL(string: "\(base)/api/v1/practices/\(practice)/cohort")!)
        request.setValue(
            "Basic " + Data("ann:correct horse battery".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization"
        )
        let (cohortData, cohortResponse) = try await URLSession.shared.data(for: request)
        #expect((cohortResponse as? HTTPURLResponse)?.statusCode == 200)
        let people = try #require(
            (try JSONSerialization.jsonObject(with: cohortData) as? [String: Any])?["people"] as? [[String: Any]]
        ).compactMap { $0["personId"] as? String }
        #expect(!people.isEmpty)
        _ = await ConcordatProcess.get(URL(string: "\(base)/areas/\(practice)?sort=name")!)
        _ = await ConcordatProcess.get(URL(string: "\(base)/api/v1/nowhere")!)

        kill(server.processIdentifier, SIGINT)
        server.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(lines.count > 5)
        var requests: [[String: String]] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            for key in ["time", "level", "logger", "message"] { #expect(object[key] != nil, "\(line)") }
            if object["message"] == "request" { requests.append(object) }
        }
        #expect(requests.contains { $0["route"] == "/api/v1/practices/{code}/cohort" && $0["status"] == "200" })
        #expect(requests.contains { $0["route"] == "/areas/{code}" && $0["status"] == "200" })
        #expect(requests.contains { $0["status"] == "404" })
        for person in people { #expect(!text.contains(person), "a pseudonym reached the log") }
        #expect(!requests.contains { ($0["route"] ?? "").contains(practice) }, "a path value reached the log")
    }
}
