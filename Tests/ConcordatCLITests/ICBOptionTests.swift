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
        // The store keeps each practice's list size without bands (migration v15).
        let built = try PublishedICB(file: EnglandAllocationFile.bundled(), icb: "QUY").system
        #expect(stored.population(of: "QUY") == built.population(of: "QUY"))
        #expect(stored.population(of: "QUY").total > 900_000 && stored.population(of: "QUY").isFullyBanded == false)
        #expect(stored.sourcePopulations == built.sourcePopulations)
        command = try #require(try ConcordatCommand.parseAsRoot(["init", "--list-icbs"]) as? InitCommand)
        try await command.run()
    }

    @Test("init --icb QUY, pack export DIR, init --pack DIR: the same system, with its list sizes and places")
    func exportRoundTrip() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("icb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (first, second, packFolder) = (
            folder.appendingPathComponent("first.sqlite").path, folder.appendingPathComponent("second.sqlite").path,
            folder.appendingPathComponent("pack").path
        )
        let map = folder.appendingPathComponent("places.csv")
        try Data(
            "district,place_code,place_name\nNorth Somerset,weston,Weston & North Somerset\nSouth Gloucestershire,weston,Weston & North Somerset\n"
                .utf8
        ).write(to: map)
        for arguments in [
            ["init", "--icb", "QUY", "--place-map", map.path, "--database", first],
            ["pack", "export", packFolder, "--database", first],
            ["init", "--pack", packFolder, "--database", second],
        ] {
            var command = try ConcordatCommand.parseAsRoot(arguments)
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        }
        let exported = try #require(try await SQLiteStore(path: first).loadSystem())
        let reloaded = try #require(try await SQLiteStore(path: second).loadSystem())
        #expect(reloaded.code == "QUY" && reloaded.name == exported.name)
        #expect(reloaded.areas == exported.areas)
        #expect(reloaded.levels == exported.levels)
        #expect(reloaded.sourcePopulations == exported.sourcePopulations)
        #expect(reloaded.population(of: "QUY").total == exported.population(of: "QUY").total)
        #expect(reloaded.children(of: "QUY").map(\.code).sorted() == ["bristol-city-of", "weston"])
        #expect(!FileManager.default.fileExists(atPath: packFolder + "/care-networks.json"))
        // The pack is kept with the reloaded system, so it exports again.
        var again = try ConcordatCommand.parseAsRoot(["pack", "export", packFolder + "-2", "--database", second])
        defer { try? FileManager.default.removeItem(atPath: packFolder + "-2") }
        if var asynchronous = again as? any AsyncParsableCommand {
            try await asynchronous.run()
        } else {
            try again.run()
        }
        for file in ["pack.json", "places.csv", "organisations.json", "finance.json", "indicators.json"] {
            #expect(
                FileManager.default.contents(atPath: packFolder + "/" + file)
                    == FileManager.default.contents(atPath: packFolder + "-2/" + file), "\(file)")
        }
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
