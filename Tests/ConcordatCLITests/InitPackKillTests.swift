import ConcordatCore
import Foundation
import Storage
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `concordat init --pack DIR --replace` killed with SIGKILL at many points of its run: the SQLite store is
/// then as it was before (the previous system and its pack) or as it is after a finished run (the new
/// system and its pack), never a mixture (a new system with the old pack, or half of either).
@Suite("concordat init --pack killed mid-write", .serialized)
struct InitPackKillTests {
    /// What a store holds that `init --pack` replaces.
    struct Loaded: Equatable {
        var system: HealthSystem?
        var pack: StoredPack?

        static func read(_ path: String) async throws -> Loaded {
            let store = try SQLiteStore(path: path)
            return Loaded(system: try await store.loadSystem(), pack: try await store.pack())
        }
    }

    /// Copies a closed SQLite database with its write-ahead log, if one was left.
    static func copy(_ source: String, to target: String) throws {
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: source + suffix) {
            try FileManager.default.copyItem(atPath: source + suffix, toPath: target + suffix)
        }
    }

    @Test("SIGKILL at any point leaves the previous system and pack, or the new ones, whole")
    func killAtManyPoints() async throws {
        let folder = try ConcordatProcess.temporaryFolder("init-pack-kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        // The pack: an England ICB built from NHS England's file (thousands of rows), exported.
        for arguments in [
            ["init", "--icb", "QUY", "--database", path("source.sqlite")],
            ["pack", "export", path("pack"), "--database", path("source.sqlite")],
            ["init", "--example", "kent-medway", "--database", path("before.sqlite")],
        ] {
            let result = try ConcordatProcess.run(arguments, in: folder)
            try #require(result.status == 0, "\(arguments): \(result.output)")
        }
        let before = try await Loaded.read(path("before.sqlite"))
        try Self.copy(path("before.sqlite"), to: path("after.sqlite"))
        let load = ["init", "--pack", path("pack"), "--replace", "--database"]
        let finished = try ConcordatProcess.run(load + [path("after.sqlite")], in: folder)
        try #require(finished.status == 0, "\(finished.output)")
        let after = try await Loaded.read(path("after.sqlite"))
        #expect(before.system?.code != after.system?.code)
        #expect(before.pack != after.pack && after.pack != nil)

        var killed = 0
        var sawBefore = false
        for attempt in 0..<40 {
            let database = path("run-\(attempt).sqlite")
            try Self.copy(path("before.sqlite"), to: database)
            let (process, _) = try ConcordatProcess.start(load + [database], in: folder)
            // Later and later into the run: from its start to past its write.
            usleep(UInt32(attempt) * 10_000)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            let found = try await Loaded.read(database)
            #expect(found == before || found == after, "attempt \(attempt): a mixture of before and after")
            if found == before { sawBefore = true }
            if process.terminationReason == .exit {
                #expect(found == after)
                break
            }
        }
        #expect(killed >= 3, "too few runs were killed before they finished")
        #expect(sawBefore, "no kill landed before the write committed")
    }
}
