import ArgumentParser
import Foundation
import Storage
import SystemPack
import Testing

@testable import ConcordatCLI

/// `init --pack` and `pack export`: a bundled pack loaded into a database, exported, and loaded again
/// is the same pack.
@Suite("System packs on the command line")
struct PackCommandTests {
    @Test(
        "init stores the pack; pack export writes it back; init --pack loads the export",
        arguments: ["kent-medway", "llr"])
    func roundTrip(name: String) async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pack-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let database = scratch.appendingPathComponent("first.sqlite").path
        let exported = scratch.appendingPathComponent("exported").path
        var load = try #require(
            try ConcordatCommand.parseAsRoot(["init", "--example", name, "--database", database]) as? InitCommand)
        try await load.run()
        var export = try #require(
            try ConcordatCommand.parseAsRoot(["pack", "export", exported, "--database", database])
                as? PackCommand.Export)
        try await export.run()
        let original = try PackLoader.bundled(name)
        #expect(try PackLoader.load(directory: URL(fileURLWithPath: exported)) == original)

        let second = scratch.appendingPathComponent("second.sqlite").path
        var again = try #require(
            try ConcordatCommand.parseAsRoot(["init", "--pack", exported, "--database", second]) as? InitCommand)
        try await again.run()
        let store = try SQLiteStore(path: second)
        let stored = try #require(try await store.pack())
        #expect(try SystemPack(format: stored.format, document: stored.document) == original)
        #expect(try await store.loadSystem()?.code == original.systemCode)
    }

    @Test("a broken pack is refused with its file and path, and nothing is stored")
    func brokenPack() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pack-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.copyItem(at: PackLoader.bundledDirectory("llr"), to: scratch)
        try Data("{\"format\": 1, \"name\": \"\", \"hierarchy\": {\"kind\": \"areas\"}}".utf8).write(
            to: scratch.appendingPathComponent("pack.json"))
        let database = scratch.appendingPathComponent("db.sqlite").path
        var load = try #require(
            try ConcordatCommand.parseAsRoot(["init", "--pack", scratch.path, "--database", database]) as? InitCommand)
        let error = await #expect(throws: PackError.self) { try await load.run() }
        #expect(error?.description == "pack.json: $.hierarchy.code: is missing")
        #expect(try await SQLiteStore(path: database).loadSystem() == nil)
    }

    @Test("--pack and --example together are refused")
    func packOrExample() {
        #expect(throws: (any Error).self) {
            try ConcordatCommand.parseAsRoot(["init", "--pack", "/tmp/x", "--example", "llr"])
        }
    }
}
