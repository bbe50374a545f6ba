import Foundation
import Storage
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// SIGKILL the server while a scenario runs, or just after one is submitted, then open the store and
/// start the server again: the store is whole and holds the scenario as it was left (no half-written
/// results), the restarted server says the run was lost and why, and a new scenario runs to its results.
@Suite("A scenario's server killed mid-run", .serialized)
struct ScenarioKillTests {
    static let password = "correct horse battery"

    /// The shipped East Kent frailty example, renamed, with `runs` runs over the longest horizon (ten years),
    /// so that its run lasts as long as the server allows.
    static func definition(runs: Int, name: String) throws -> Data {
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: ScenarioCommandTests.example)) as? [String: Any])
        object["runs"] = runs
        object["horizon"] = 10
        object["name"] = name
        return try JSONSerialization.data(withJSONObject: object)
    }
    /// A server on the demo's database in `folder`, answering `/health`.
    static func serve(in folder: URL) async throws -> (Process, Int) {
        let port = ConcordatProcess.freePort()
        let (server, output) = try ConcordatProcess.start(
            ["serve"], in: folder, environment: ["CONCORDAT_PORT": String(port)])
        // Its log is read away, so a full pipe never stops the server.
        output.fileHandleForReading.readabilityHandler = { _ = $0.availableData }
        try #require(try await ConcordatProcess.waitUntilHealthy(port: port), "the server did not start")
        return (server, port)
    }

    /// A call to the API as `ana`: the status and the JSON answer (`nil` when nothing answered).
    static func api(_ method: String, _ path: String, port: Int, body: Data? = nil) async -> (Int, [String: Any])? {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(
            "Basic " + Data("ana:\(password)".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        guard let (data, response) = try? await URLSession.shared.data(for: request) else { return nil }
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, object)
    }

    /// Submits a scenario of `runs` runs; its number.
    static func submit(runs: Int, name: String, port: Int) async throws -> Int64 {
        let answer = try #require(
            await api("POST", "/api/v1/scenarios", port: port, body: try definition(runs: runs, name: name)))
        try #require(answer.0 == 202, "the scenario was not accepted: \(answer)")
        return Int64(try #require(answer.1["id"] as? Int))
    }

    /// Polls scenario `id` until `done` holds of its document (at most `seconds`); the last document.
    static func poll(
        _ id: Int64, port: Int, seconds: Int, until done: ([String: Any]) -> Bool
    ) async throws -> [String: Any] {
        var last: [String: Any] = [:]
        for _ in 0..<(seconds * 10) {
            if let (status, document) = await api("GET", "/api/v1/scenarios/\(id)", port: port), status == 200 {
                last = document
                if done(document) { return document }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return last
    }

    /// SIGKILLs `server` and waits for it; whether it died of that signal.
    static func kill(_ server: Process) -> Bool {
        Glibc.kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
        return server.terminationReason == .uncaughtSignal && server.terminationStatus == SIGKILL
    }

    /// How a scenario was found in the store after its server was killed.
    enum Left {
        /// Queued or running, without results: the kill came before its run ended.
        case underWay
        /// Done with results: its run ended before the kill reached the server (it is fast on a small
        /// dataset), so this attempt tells nothing about a kill mid-run.
        case finished
    }

    /// Starts a server, submits a 10,000-run scenario, waits until `ready` holds of its document (`nil`: not
    /// at all) and kills the server; the scenario's number and how the store holds it. A scenario is never
    /// anything but under way without results or done with results.
    static func submitAndKill(
        in folder: URL, name: String, ready: (([String: Any]) -> Bool)?
    ) async throws -> (id: Int64, left: Left) {
        let (server, port) = try await serve(in: folder)
        let id = try await submit(runs: 10_000, name: name, port: port)
        if let ready { _ = try await poll(id, port: port, seconds: 120, until: ready) }
        #expect(
            kill(server), "the server did not die of SIGKILL: \(server.terminationReason) \(server.terminationStatus)")
        let store = try SQLiteStore(path: folder.appendingPathComponent("concordat.sqlite").path)
        #expect(try await store.checkIntegrity().isEmpty)
        let left = try #require(try await store.scenario(id: id))
        if left.status.isUnderWay {
            #expect(left.results == nil, "scenario \(id) is \(left.status) with results")
            return (id, .underWay)
        }
        #expect(left.status == .done, "scenario \(id) is \(left.status)")
        #expect(left.results.map { (try? JSONSerialization.jsonObject(with: $0)) != nil } == true)
        return (id, .finished)
    }

    /// Tries up to five times to kill a server while its scenario is under way; every attempt's scenario,
    /// and the first caught under way.
    static func killUnderWay(
        in folder: URL, name: String, ready: (([String: Any]) -> Bool)?
    ) async throws -> (all: [(Int64, Left)], caught: Int64?) {
        var all: [(Int64, Left)] = []
        for attempt in 1...5 {
            let tried = try await submitAndKill(in: folder, name: "\(name) (\(attempt))", ready: ready)
            all.append(tried)
            if tried.left == .underWay { return (all, tried.id) }
        }
        return (all, nil)
    }

    @Test(
        "killed mid-run or just after a submission: the store is whole, each scenario is left as it was and then said to be lost; a new one runs",
        .timeLimit(.minutes(20)))
    func killMidRun() async throws {
        let folder = try await FinanceProcessTests.demoFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let added = try ConcordatProcess.run(
            [
                "user", "add", "--username", "ana", "--role", "analyst", "--organisation", "kcc", "--password-stdin",
                "--cost", "4",
            ], in: folder, input: Self.password + "\n")
        #expect(added.status == 0, "\(added.output)")

        // 1. A long run, killed once its Monte Carlo runs are under way; 2. another, killed as soon as it has
        // been accepted. A run on this small dataset can end before the kill lands; such an attempt is tried
        // again, and must still have left a whole, done scenario.
        let midRun = try await Self.killUnderWay(in: folder, name: "Killed while running") {
            $0["status"] as? String == "running" && ($0["progress"] as? Double ?? 0) > 0
        }
        let atOnce = try await Self.killUnderWay(in: folder, name: "Killed at once", ready: nil)
        let long = try #require(midRun.caught, "no run was still under way when its server was killed: \(midRun.all)")
        let queued = try #require(
            atOnce.caught, "no scenario was still under way when its server was killed: \(atOnce.all)")

        // Started again: each left under way says its run was lost and why, on the API and in the store;
        // each that finished keeps its results.
        let (server, port) = try await Self.serve(in: folder)
        defer { _ = Self.kill(server) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("concordat.sqlite").path)
        for (id, left) in midRun.all + atOnce.all {
            let answer = try #require(await Self.api("GET", "/api/v1/scenarios/\(id)", port: port))
            #expect(answer.0 == 200)
            switch left {
            case .underWay:
                #expect(answer.1["status"] as? String == "failed")
                #expect(
                    (answer.1["failure"] as? String)?.contains("the server stopped before its run finished") == true)
                #expect(answer.1["results"] == nil)
            case .finished:
                #expect(answer.1["status"] as? String == "done")
                #expect(answer.1["results"] is [String: Any])
            }
        }
        for id in [long, queued] {
            let lost = try #require(try await store.scenario(id: id))
            #expect(lost.status == .failed && lost.results == nil)
        }

        // A new scenario runs to its results on the same store.
        let fresh = try await Self.submit(runs: 10, name: "After the kills", port: port)
        let done = try await Self.poll(fresh, port: port, seconds: 300) {
            ["done", "failed", "cancelled"].contains($0["status"] as? String ?? "")
        }
        #expect(done["status"] as? String == "done", "\(done)")
        #expect((done["results"] as? [String: Any])?["runs"] as? Int == 10)
        #expect(try await store.checkIntegrity().isEmpty)
    }
}
