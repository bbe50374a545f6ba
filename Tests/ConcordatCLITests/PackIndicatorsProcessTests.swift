import Assurance
import Foundation
import Storage
import SystemPack
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// A system's own indicator catalogue, from its pack, reaches the command line, the API and the pages:
/// the LLR pack with an indicator Kent & Medway's lacks and a target of its own.
@Suite("The pack's indicators on the command line, the API and the pages", .serialized)
struct PackIndicatorsProcessTests {
    /// The indicator added to LLR's pack.
    static var added: [String: Any] {
        [
            "code": "virtual-ward-occupancy", "name": "Virtual wards: beds occupied",
            "numerator": "virtual ward beds occupied", "denominator": "virtual ward beds", "unit": "percent",
            "improvement": "increase", "source": "LLR virtual ward returns (monthly)",
            "targets": [["from": "2024-04", "value": 80, "label": "LLR virtual ward ambition: 80%"]],
            "computedFromDataset": false,
        ]
    }

    /// A copy of the bundled LLR pack with ``added`` and a cancer 62-day target of 77%.
    static func llrPack(in folder: URL) throws -> URL {
        let pack = folder.appendingPathComponent("llr-pack")
        try FileManager.default.copyItem(at: PackLoader.bundledDirectory("llr"), to: pack)
        let file = pack.appendingPathComponent("indicators.json")
        var document = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        var indicators = document["indicators"] as! [[String: Any]]
        let cancer = indicators.firstIndex { $0["code"] as? String == "cancer-62-day" }!
        var targets = indicators[cancer]["targets"] as! [[String: Any]]
        targets.append(["from": "2026-04", "value": 77, "label": "LLR's own 2026/27 ambition: 77%"])
        indicators[cancer]["targets"] = targets
        indicators.append(added)
        document["indicators"] = indicators
        try JSONSerialization.data(withJSONObject: document).write(to: file)
        return pack
    }

    @Test("init --pack LLR: indicators list, GET /api/v1/indicators and /assurance show LLR's catalogue")
    func llrCatalogue() async throws {
        let folder = try ConcordatProcess.temporaryFolder("pack-indicators")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = try Self.llrPack(in: folder)
        let load = try ConcordatProcess.run(["init", "--pack", pack.path], in: folder)
        #expect(load.status == 0, "\(load.output)")
        let expected = try PackLoader.load(directory: pack).indicators
        #expect(expected.contains { $0.code == "virtual-ward-occupancy" })

        // The command line, as text and as JSON.
        let text = try ConcordatProcess.run(["indicators", "list"], in: folder)
        #expect(text.status == 0)
        #expect(text.output.contains("Leicester, Leicestershire & Rutland's, from its system pack"), "\(text.output)")
        #expect(text.output.contains("virtual-ward-occupancy"))
        #expect(text.output.contains("from 2026-04: 77.0% — LLR's own 2026/27 ambition"))
        #expect(!text.output.contains("ae-4-hour-type-1"))  // Kent & Medway's, not LLR's
        let json = try CLIAPIEqualityTests.run(["indicators", "list", "--format", "json"], in: folder)
        #expect(json.status == 0, "\(json.stderr)")
        struct Items: Decodable { var items: [Indicator] }
        let printed = try JSONDecoder().decode(Items.self, from: json.stdout).items
        #expect(printed == expected)

        // Values for the new indicator, imported against LLR's catalogue.
        let rows = (1...12).map { "virtual-ward-occupancy,LLR,2025-\(String(format: "%02d", $0)),\(70 + $0 % 4)" }
        try ("indicator,area,month,value\n" + rows.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("values.csv"), atomically: true, encoding: .utf8)
        let imported = try ConcordatProcess.run(["indicators", "import", "values.csv"], in: folder)
        #expect(imported.status == 0 && imported.output.contains("Imported 12 values"), "\(imported.output)")
        try "indicator,area,month,value\nae-4-hour-type-1,LLR,2025-01,70\n".write(
            to: folder.appendingPathComponent("kent.csv"), atomically: true, encoding: .utf8)
        let refused = try ConcordatProcess.run(["indicators", "import", "kent.csv"], in: folder)
        #expect(refused.status != 0 && refused.output.contains("kent.csv:2"), "\(refused.output)")
        #expect(refused.output.contains("not one of Leicester, Leicestershire & Rutland's indicators"))

        // The API and the pages of the same database.
        let port = ConcordatProcess.freePort()
        let (server, _) = try ConcordatProcess.start(
            ["serve"], in: folder, environment: ["CONCORDAT_PORT": String(port)])
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        try #require(try await ConcordatProcess.waitUntilHealthy(port: port))
        let (status, body) = try #require(
            await ConcordatProcess.get(URL(string: "http://127.0.0.1:\(port)/api/v1/indicators")!))
        #expect(status == 200)
        let decoder = JSONDecoder()
        #expect(try decoder.decode(Items.self, from: body).items == printed)
        let spc = await ConcordatProcess.get(
            URL(string: "http://127.0.0.1:\(port)/api/v1/indicators/virtual-ward-occupancy/areas/LLR/spc")!)
        #expect(spc?.0 == 200)
        let kentOnly = await ConcordatProcess.get(
            URL(string: "http://127.0.0.1:\(port)/api/v1/indicators/ae-4-hour-type-1/areas/LLR/spc")!)
        #expect(kentOnly?.0 == 404)
        let dashboard = try #require(
            await ConcordatProcess.get(URL(string: "http://127.0.0.1:\(port)/assurance")!))
        let page = String(decoding: dashboard.1, as: UTF8.self)
        #expect(dashboard.0 == 200)
        #expect(page.contains("Virtual wards: beds occupied"))
        #expect(page.contains("from its system pack (indicators.json)"))
        let area = try #require(await ConcordatProcess.get(URL(string: "http://127.0.0.1:\(port)/assurance/LLR")!))
        let areaPage = String(decoding: area.1, as: UTF8.self)
        #expect(areaPage.contains("80.0% — LLR virtual ward ambition: 80%"), "\(areaPage.prefix(2000))")
        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
    }

    @Test("with no database, indicators list gives the standard catalogue and says so, creating no file")
    func standardWithoutASystem() throws {
        let folder = try ConcordatProcess.temporaryFolder("pack-indicators-none")
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = try ConcordatProcess.run(["indicators", "list"], in: folder)
        #expect(list.status == 0)
        #expect(list.output.contains("No system pack is kept with this system"))
        #expect(list.output.contains("ae-4-hour-type-1") && list.output.contains("constitutional standard"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("concordat.sqlite").path))
    }
}
