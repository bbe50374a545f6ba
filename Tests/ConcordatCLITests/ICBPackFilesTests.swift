import ArgumentParser
import ConcordatCore
import Foundation
import Ingest
import Storage
import SystemPack
import Testing

@testable import ConcordatCLI

/// What `init --icb` keeps in its pack: the PCN level of `--pcn-map` survives export and reload, and a
/// pack's own age/sex reference is what `synth` gives its people.
@Suite("An ICB's pack keeps its PCNs and its age/sex reference")
struct ICBPackFilesTests {
    /// Runs one command in process.
    static func run(_ arguments: [String]) async throws {
        var command = try ConcordatCommand.parseAsRoot(arguments)
        if var asynchronous = command as? any AsyncParsableCommand {
            try await asynchronous.run()
        } else {
            try command.run()
        }
    }

    /// QUY's practice codes, sorted.
    static func practices() throws -> [String] {
        try PublishedICB(file: EnglandAllocationFile.bundled(), icb: "QUY").system.areas(atLevel: "practice").map(
            \.code
        ).sorted()
    }

    @Test("init --icb QUY --pcn-map, pack export, init --pack: the same hierarchy, PCNs included")
    func pcnRoundTrip() async throws {
        let folder = try ConcordatProcess.temporaryFolder("icb-pcn")
        defer { try? FileManager.default.removeItem(at: folder) }
        let practices = try Self.practices()
        // Two PCNs, one unallocated practice, and a practice of another ICB (not kept).
        let map = folder.appendingPathComponent("pcn.csv")
        try Data(
            ("PRACTICE_CODE,PCN_CODE,PCN_NAME,OTHER\n\(practices[0]),U00001,ONE PCN,x\n\(practices[1]),U00001,ONE PCN,x\n"
                + "\(practices[2]),U00002,\"TWO, PCN\",x\n\(practices[3]),,Unallocated,x\nG82002,U34235,DOVER TOWN PCN,x\n")
                .utf8
        ).write(to: map)
        let (first, second, exported) = (
            folder.appendingPathComponent("first.sqlite").path, folder.appendingPathComponent("second.sqlite").path,
            folder.appendingPathComponent("pack")
        )
        try await Self.run(["init", "--icb", "QUY", "--pcn-map", map.path, "--database", first])
        try await Self.run(["pack", "export", exported.path, "--database", first])
        let written = try String(contentsOf: exported.appendingPathComponent("pcn-map.csv"), encoding: .utf8)
        #expect(written.hasPrefix("PRACTICE_CODE,PCN_CODE,PCN_NAME\n"))
        #expect(written.contains("\"TWO, PCN\"") && !written.contains("G82002"))
        try await Self.run(["init", "--pack", exported.path, "--database", second])

        let original = try #require(try await SQLiteStore(path: first).loadSystem())
        let reloaded = try #require(try await SQLiteStore(path: second).loadSystem())
        #expect(original.levels.map(\.key) == ["system", "place", "neighbourhood", "practice"])
        #expect(reloaded.levels == original.levels)
        #expect(reloaded.areas == original.areas)
        #expect(Set(reloaded.children(of: "U00001").map(\.code)) == [practices[0], practices[1]])
        #expect(reloaded.area("U00002")?.name == "TWO, PCN")
        #expect(reloaded.area(practices[3])?.parentCode == original.area(practices[3])?.parentCode)
        #expect(reloaded.population(of: "QUY") == original.population(of: "QUY"))
        // Stored with the reloaded system, the pack exports the same files again.
        try await Self.run(["pack", "export", exported.path + "-2", "--database", second])
        defer { try? FileManager.default.removeItem(atPath: exported.path + "-2") }
        for file in ["pack.json", "places.csv", "pcn-map.csv", "indicators.json"] {
            #expect(
                FileManager.default.contents(atPath: exported.appendingPathComponent(file).path)
                    == FileManager.default.contents(atPath: exported.path + "-2/" + file), "\(file)")
        }
    }

    @Test("synth gives an ICB pack's people its own age/sex reference, and says so; without one it says what it uses")
    func synthUsesThePacksReference() async throws {
        let folder = try ConcordatProcess.temporaryFolder("icb-ages")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("db.sqlite").path
        let pack = folder.appendingPathComponent("pack")
        try await Self.run(["init", "--icb", "QUY", "--database", database])
        try await Self.run(["pack", "export", pack.path, "--database", database])
        // Only women aged 40–44 and men aged 85–89: every synthetic person must be one of them.
        try Data("sex,age_band,people\nfemale,40_44,300\nmale,85_89,100\n".utf8).write(
            to: pack.appendingPathComponent("age-sex.csv"))
        let out = folder.appendingPathComponent("extract")
        let synth = try ConcordatProcess.run(
            ["synth", "--pack", pack.path, "--people", "400", "--out", out.path], in: folder)
        #expect(synth.status == 0, "\(synth.output)")
        #expect(synth.output.contains("own age/sex reference from its system pack (age-sex.csv; 400 people)"))
        let table = try CSVTable(
            parsing: Data(contentsOf: out.appendingPathComponent("patients.csv")), file: "patients.csv")
        let (sex, year) = (try table.column("sex"), try table.column("birth_year"))
        #expect(table.records.count == 400)
        var women = 0
        for record in table.records {
            let age = 2026 - (Int(record[year]) ?? 0)
            if record[sex].lowercased().hasPrefix("f") {
                women += 1
                #expect((40...45).contains(age), "a woman aged about \(age)")
            } else {
                #expect((85...90).contains(age), "a man aged about \(age)")
            }
        }
        #expect((290...310).contains(women), "\(women) women")

        let shipped = try ConcordatProcess.run(
            ["synth", "--icb", "QUY", "--people", "50", "--out", folder.appendingPathComponent("x").path], in: folder)
        #expect(shipped.status == 0, "\(shipped.output)")
        #expect(shipped.output.contains("as its pack has no age/sex reference of its own (age-sex.csv)"))
    }
}
