import Foundation
import Testing

/// `concordat scenario run` over the demo's stored dataset.
@Suite("concordat scenario run", .serialized)
struct ScenarioCommandTests {
    /// The shipped East Kent frailty example.
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/examples/east-kent-frailty.json")

    @Test(
        "the East Kent frailty example runs: a table, JSON and the CSV tables; a bad definition is refused with its path"
    )
    func runs() async throws {
        let folder = try await FinanceProcessTests.demoFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = try ConcordatProcess.run(["scenario", "run", Self.example.path, "--runs", "20"], in: folder)
        #expect(table.status == 0, "\(table.output)")
        #expect(table.output.contains("East Kent frailty: home first"))
        #expect(table.output.contains("Waterfall, 2031/32"))
        #expect(table.output.contains("interaction"))
        #expect(table.output.contains("ring-fence kcc-social-care"))
        #expect(table.output.contains("Risk share, 2031/32: Tiered corridors"))
        #expect(table.output.contains("to the penny in 20 of 20 runs"))

        let out = folder.appendingPathComponent("results")
        let json = try ConcordatProcess.run(
            ["scenario", "run", Self.example.path, "--runs", "20", "--format", "json", "--out", out.path], in: folder)
        #expect(json.status == 0)
        let object = try FinanceProcessTests.json(json.output)
        #expect(object["runs"] as? Int == 20)
        #expect((object["years"] as? [String])?.count == 5)
        let share = try #require(object["riskShare"] as? [String: Any])
        #expect(share["runsAddingUp"] as? Int == 20 && share["unavailable"] == nil)
        #expect((share["partners"] as? [String])?.contains("RYY") == true)
        for name in [
            "results.json", "projection.csv", "waterfall.csv", "red-lines.csv", "streams.csv", "risk-share.csv",
        ] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let streams = try String(contentsOf: out.appendingPathComponent("streams.csv"), encoding: .utf8)
        #expect(streams.contains("2027/28,RYY,"))
        let riskShare = try String(contentsOf: out.appendingPathComponent("risk-share.csv"), encoding: .utf8)
        #expect(riskShare.hasPrefix("year,partner,budget_pence,"))
        #expect(riskShare.contains("\n2031/32,RYY,"))
        let redLines = try String(contentsOf: out.appendingPathComponent("red-lines.csv"), encoding: .utf8)
        #expect(redLines.contains(",ledger-budget,"))

        let appraised = try ConcordatProcess.run(
            ["scenario", "appraise", Self.example.path, "--runs", "5"], in: folder)
        #expect(appraised.status == 0, "\(appraised.output)")
        #expect(appraised.output.contains("Risk share, 2031/32 (Tiered corridors"))

        let bad = folder.appendingPathComponent("bad.json")
        var text = try String(contentsOf: Self.example, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"horizon\": 5", with: "\"horizon\": 11")
        try Data(text.utf8).write(to: bad)
        let refused = try ConcordatProcess.run(["scenario", "run", bad.path], in: folder)
        #expect(refused.status != 0)
        #expect(refused.output.contains("$.horizon"))
        let missing = try ConcordatProcess.run(["scenario", "run", "nowhere.json"], in: folder)
        #expect(missing.status != 0 && missing.output.contains("nowhere.json"))
    }
}
