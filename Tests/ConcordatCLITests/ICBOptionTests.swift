import ArgumentParser
import Foundation
import Ingest
import Storage
import Testing

@testable import ConcordatCLI

@Suite("concordat init --icb: any ICB in England from the shipped allocation file")
struct ICBOptionTests {
    private func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("icb-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("init --icb QUY loads 77 practices in three places into the database")
    func loads() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("icb-\(UUID().uuidString).sqlite")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var command = try #require(
            try ConcordatCommand.parseAsRoot(["init", "--icb", "QUY", "--database", path]) as? InitCommand)
        try await command.run()
        let stored = try #require(try await SQLiteStore(path: path).loadSystem())
        #expect(stored.code == "QUY")
        #expect(stored.areas(atLevel: "practice").count == 77)
        #expect(stored.children(of: "QUY").count == 3)
        // The store keeps age/sex cells only; the list sizes come back from the shipped file.
        let restored = try EnglandAllocationFile.bundled().withListSizes(stored)
        let built = try PublishedICB(file: EnglandAllocationFile.bundled(), icb: "QUY").system
        #expect(restored.population(of: "QUY") == built.population(of: "QUY"))
        command = try #require(try ConcordatCommand.parseAsRoot(["init", "--list-icbs"]) as? InitCommand)
        try await command.run()
    }

    @Test("a bad --icb, or options that do not go together, are refused naming the option and why")
    func refusals() throws {
        func message(_ arguments: [String]) -> String {
            do {
                _ = try ConcordatCommand.parseAsRoot(arguments)
                return "accepted"
            } catch { return ConcordatCommand.message(for: error) }
        }
        #expect(message(["init", "--icb", "QUZ"]).contains("--icb: 'QUZ' is not the code or name of an ICB"))
        #expect(message(["init", "--icb", "QUZ"]).contains("QUY"))
        #expect(message(["init", "--icb", ""]).contains("--icb: no ICB was given"))
        #expect(message(["init", "--icb", "QUY;rm -rf /"]).contains("--icb: the ICB given has characters"))
        #expect(
            message(["init", "--icb", "QUY", "--example", "llr"]).contains("give one of --example, --pack and --icb"))
        #expect(message(["init", "--icb", "QUY", "--data", "/tmp"]).contains("--data and --place-overrides"))
        #expect(message(["init", "--place-map", "x.csv"]).contains("--place-map and --pcn-map apply to --icb only"))
        #expect(message(["init", "--icb", "QUY", "--place-map", "x.csv"]) == "accepted")
    }

    @Test("a place map naming an unknown district is refused with its file, line and field")
    func badPlaceMap() throws {
        let path = try temporaryFile("district,place_code,place_name\nBristol, City of\nNowhere,n,N\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let command = try #require(
            try ConcordatCommand.parseAsRoot(["init", "--icb", "QUY", "--place-map", path]) as? InitCommand)
        #expect(throws: IngestError.self) { try command.source.system() }
        let quoted = try temporaryFile("district,place_code,place_name\n\"Bristol, City of\",b,B\nNowhere,n,N\n")
        defer { try? FileManager.default.removeItem(atPath: quoted) }
        let second = try #require(
            try ConcordatCommand.parseAsRoot(["init", "--icb", "QUY", "--place-map", quoted]) as? InitCommand)
        do {
            _ = try second.source.system()
            Issue.record("an unknown district was accepted")
        } catch let error as IngestError {
            #expect(error.file == quoted)
            #expect(error.line == 3)
            #expect(error.field == "district")
            #expect(error.reason.contains("'Nowhere' is not a district of this ICB"))
        }
        let missing = try #require(
            try ConcordatCommand.parseAsRoot(["init", "--icb", "QUY", "--pcn-map", "/nonexistent/pcn.csv"])
                as? InitCommand)
        #expect(throws: IngestError.self) { try missing.source.system() }
    }
}
