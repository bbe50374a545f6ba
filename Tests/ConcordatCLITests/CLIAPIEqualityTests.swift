import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The same finance question asked of `concordat … --format json` and of the API gives the same bytes:
/// both shells call Partnership's use cases and print its one JSON encoding.
@Suite("The command line and the API answer finance questions identically", .serialized)
struct CLIAPIEqualityTests {
    /// Runs `concordat arguments…` in `folder`; its exit status, standard output and standard error apart.
    static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, stdout: Data, stderr: String) {
        let process = Process()
        process.executableURL = ConcordatProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "CONCORDAT_DATABASE")
        process.environment = environment
        let errors = folder.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        let errorHandle = try FileHandle(forWritingTo: errors)
        defer { try? FileManager.default.removeItem(at: errors) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        return (process.terminationStatus, data, try String(contentsOf: errors, encoding: .utf8))
    }

    /// `text` percent-encoded for a query value (only unreserved characters left as they are).
    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(
            withAllowedCharacters: CharacterSet(
                charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"))!
    }

    @Test(
        "allocation, pace, explain, component and network matrices, ledger by partner, place and pool, and settlement")
    func identical() async throws {
        let folder = try await FinanceProcessTests.demoFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = ConcordatProcess.freePort()
        let (server, _) = try ConcordatProcess.start(
            ["serve"], in: folder, environment: ["CONCORDAT_PORT": String(port)])
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        try #require(try await ConcordatProcess.waitUntilHealthy(port: port))

        /// Asks the CLI (`command + --format json`) and the API (`path?query`); both bodies.
        func ask(_ command: [String], _ path: String, _ query: [(String, String)]) async throws -> (
            cli: Data, api: Data
        ) {
            let cli = try Self.run(command + ["--format", "json"], in: folder)
            #expect(cli.status == 0, "\(command): \(cli.stderr)")
            let url = URL(
                string: "http://127.0.0.1:\(port)\(path)?"
                    + query.map { "\($0.0)=\(Self.encoded($0.1))" }.joined(separator: "&"))!
            let (status, body) = try #require(await ConcordatProcess.get(url))
            #expect(status == 200, "\(url): \(String(decoding: body, as: UTF8.self).prefix(400))")
            var printed = cli.stdout
            if printed.last == UInt8(ascii: "\n") { printed.removeLast() }
            return (printed, body)
        }
        func expectIdentical(_ answers: (cli: Data, api: Data), _ what: String) {
            #expect(!answers.cli.isEmpty, "\(what): the command line printed nothing")
            #expect(
                answers.cli == answers.api,
                "\(what) differs:\nCLI \(String(decoding: answers.cli.prefix(600), as: UTF8.self))\nAPI \(String(decoding: answers.api.prefix(600), as: UTF8.self))"
            )
        }
        let allocation = try await ask(
            ["allocate", "--control-total", "£7m", "--year", "2026/27"], "/api/v1/allocation",
            [("controlTotal", "£7m"), ("year", "2026/27")])
        expectIdentical(allocation, "the allocation")
        let document = try #require(try JSONSerialization.jsonObject(with: allocation.api) as? [String: Any])
        #expect(document["controlTotalPence"] as? Int == 700_000_000)
        let places = try #require(document["allocations"] as? [[String: Any]]).filter {
            $0["level"] as? String == "place"
        }
        #expect(places.count == 4)

        // Explanation of a practice's budget, every step from the control total.
        let practice = try #require(
            (document["allocations"] as? [[String: Any]])?.first { $0["level"] as? String == "practice" }?["code"]
                as? String)
        let explained = try await ask(
            ["allocate", "--control-total", "£7m", "--year", "2026/27", "--explain", practice], "/api/v1/allocation",
            [("controlTotal", "£7m"), ("year", "2026/27"), ("explain", practice)])
        expectIdentical(explained, "the explanation")
        let explanation = try #require(
            (try JSONSerialization.jsonObject(with: explained.api) as? [String: Any])?["explanation"] as? [String: Any])
        #expect((explanation["steps"] as? [Any])?.count == 3)
        #expect((explanation["text"] as? [String])?.first?.contains("for 2026/27") == true)

        // Pace of change from last year's budgets (each place's target less 3%, the odd pence to the first).
        var baselines = places.map { ($0["code"] as! String, ($0["budgetPence"] as! Int) * 97 / 100) }
        baselines[0].1 += 7
        func pounds(_ pence: Int) -> String { "\(pence / 100)." + (pence % 100 < 10 ? "0" : "") + "\(pence % 100)" }
        try (["code,baseline"] + baselines.map { "\($0.0),\(pounds($0.1))" }).joined(separator: "\n").write(
            to: folder.appendingPathComponent("baseline.csv"), atomically: true, encoding: .utf8)
        let paced = try await ask(
            [
                "allocate", "--control-total", "£7m", "--year", "2026/27", "--pace", "floor=1%,cap=5%", "--baseline",
                "baseline.csv",
            ], "/api/v1/allocation",
            [
                ("controlTotal", "£7m"), ("year", "2026/27"), ("pace", "floor=1%,cap=5%"),
                (
                    "baselines",
                    baselines.map { "\($0.0)=£\(pounds($0.1))" }.joined(separator: ",")
                ),
            ])
        expectIdentical(paced, "the paced allocation")
        let pace = try #require(
            (try JSONSerialization.jsonObject(with: paced.api) as? [String: Any])?["pace"] as? [[String: Any]])
        #expect(pace.count == 4)
        #expect(pace.reduce(0) { $0 + ($1["budgetPence"] as! Int) } == 700_000_000)

        // Component shares the way a finance user writes them, on both.
        let shares = "G&A=55%,CS=10%,MH=12%,Mat=3%,Health Ineq=2%,Prescr=18%"
        expectIdentical(
            try await ask(
                [
                    "allocate", "--control-total", "£7m", "--year", "2026/27", "--by", "component",
                    "--component-shares", shares,
                ], "/api/v1/allocation",
                [("controlTotal", "£7m"), ("by", "component"), ("componentShares", shares)]), "the component matrix")
        expectIdentical(
            try await ask(
                ["allocate", "--control-total", "£7m", "--year", "2026/27", "--by", "network"], "/api/v1/allocation",
                [("controlTotal", "£7m"), ("by", "network")]), "the care-network matrix")

        for grouping in ["partner", "place", "pool"] {
            let ledger = try await ask(
                ["ledger", "--control-total", "£7m", "--months", "6", "--by", grouping, "--forecast", "seasonal"],
                "/api/v1/ledger",
                [("controlTotal", "£7m"), ("months", "6"), ("by", grouping), ("forecast", "seasonal")])
            expectIdentical(ledger, "the ledger by \(grouping)")
            let groups = try #require(
                (try JSONSerialization.jsonObject(with: ledger.api) as? [String: Any])?["groups"] as? [[String: Any]])
            let names = groups.map { $0["name"] as! String }
            if grouping == "pool" {
                #expect(names.last == "Not pooled" && groups.last?["code"] as? String == "none", "\(names)")
                #expect(Array(names.dropLast()) == names.dropLast().sorted())
            } else {
                #expect(names == names.sorted(), "\(names)")
            }
        }
        expectIdentical(
            try await ask(
                ["settle", "--control-total", "£7m", "--months", "6"], "/api/v1/settlement",
                [("controlTotal", "£7m"), ("months", "6")]), "the settlement")
    }
}
