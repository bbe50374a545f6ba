import ConcordatCore
import ConcordatTestSupport
import Foundation
import GRDB
import Governance
import Ingest
import Storage
import Testing

@Suite("Store integrity: damaged stores, checked backups, stale partial files, a full disk")
struct StoreIntegrityTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-integrity-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("a SQLite file with a damaged page fails the check, and its backup is refused and removed")
    func damagedBackup() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        do {
            let healthy = try SQLiteStore(path: path)
            #expect(try await healthy.checkIntegrity() == [])
            try await healthy.backup(to: folder.appendingPathComponent("before.sqlite").path)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("before.sqlite").path))
        }
        try await DamagedSQLite.damageLastPage(of: path)

        let store = try SQLiteStore(path: path)
        #expect(try await !store.checkIntegrity().isEmpty)
        let backup = folder.appendingPathComponent("after.sqlite").path
        do {
            try await store.backup(to: backup)
            Issue.record("a damaged store was backed up")
        } catch let error as StoreError {
            #expect(error.code == .corrupt)
        }
        #expect(!FileManager.default.fileExists(atPath: backup))
        // No partial file is left behind either.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!left.contains { $0.contains(".partial-") })
    }

    @Test("a healthy store passes its integrity check", arguments: StoreContractTests.Adapter.allCases)
    func healthy(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            try await store.replaceSystem(try BundledPacks.llrSystem.get())
            #expect(try await store.checkIntegrity() == [])
        }
    }

    @Test("partial files of backups killed mid-way are removed by the next backup; a live one is kept")
    func stalePartials() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A process that has ended: its pid names a dead writer.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let dead = folder.appendingPathComponent(".b.sqlite.partial-\(ended.processIdentifier)-\(UUID().uuidString)")
        let live = folder.appendingPathComponent(".b.sqlite.partial-\(getppid())-\(UUID().uuidString)")
        let old = folder.appendingPathComponent(".b.sqlite.partial-\(UUID().uuidString)")
        let recent = folder.appendingPathComponent(".c.sqlite.partial-\(UUID().uuidString)")
        for file in [dead, live, old, recent] {
            FileManager.default.createFile(atPath: file.path, contents: Data("half a backup".utf8))
        }
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-2 * StoreBackup.abandonedAfter)], ofItemAtPath: old.path)

        let store = try SQLiteStore()
        try await store.backup(to: folder.appendingPathComponent("b.sqlite").path)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left == [live.lastPathComponent, recent.lastPathComponent, "b.sqlite"])
    }

    @Test("a write that finds no space is 'full', not a bare database error")
    func fullDisk() async throws {
        // SQLite's page limit stands in for a full disk: the engine answers SQLITE_FULL the same way.
        let queue = try DatabaseQueue()
        try await queue.write { db in
            try db.execute(sql: "CREATE TABLE t (x BLOB)")
            try db.execute(sql: "PRAGMA max_page_count = 8")
        }
        do {
            try await queue.write { db in
                for _ in 0..<100 { try db.execute(sql: "INSERT INTO t VALUES (randomblob(4000))") }
            }
            Issue.record("the write fitted")
        } catch {
            let translated = try #require(StoreError(databaseFailure: error))
            #expect(translated.code == .full)
        }
    }
}
