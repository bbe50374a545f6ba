import Foundation
import GRDB

extension SQLiteStore {
    /// Copies the whole database to a new SQLite file at `path` with SQLite's online backup API: a
    /// consistent snapshot, taken without stopping readers or writers. The copy is checked with
    /// `PRAGMA integrity_check` before it replaces an existing file; a damaged copy (the backup API copies
    /// damaged pages as they are) is removed and refused.
    /// - Throws: ``StoreError`` `corrupt` when the snapshot fails the integrity check.
    public func backup(to path: String) async throws {
        try await StoreBackup.atomically(path) { partial in
            let destination = try DatabaseQueue(path: partial)
            do {
                try writer.backup(to: destination)
                // A single self-contained file: no -wal or -shm beside it, even when opened read-only.
                try destination.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
                let problems = try destination.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
                guard problems == ["ok"] else {
                    throw StoreError.corrupt(
                        "the snapshot fails SQLite's integrity check, so the store itself is damaged: "
                            + problems.prefix(3).joined(separator: "; "))
                }
            } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
                try? destination.close()
                throw StoreError.corrupt("the store is damaged and cannot be backed up: \(error.message ?? "\(error)")")
            } catch {
                try? destination.close()
                throw error
            }
            try destination.close()
        }
    }

    /// Checks every page of the database with `PRAGMA quick_check`.
    public func checkIntegrity() async throws -> [String] {
        do {
            let result = try await writer.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            return result == ["ok"] ? [] : result
        } catch let error as DatabaseError {
            return ["SQLite cannot read the database: \(error.message ?? "\(error)")"]
        }
    }

    /// Replaces this database with the SQLite backup at `path`, after checking that the backup is a whole
    /// Concordat database (integrity check, and a schema this version knows). The copy is written in one
    /// step: on any error the database is left as it was.
    /// - Throws: ``StoreError`` `corrupt` when the backup is damaged, not Concordat's, or from a newer
    ///   version; `notFound` when there is no such file.
    public func restore(from path: String) async throws {
        guard try StoreBackup.kind(of: path) == .sqlite else {
            throw StoreError.corrupt("\(path) is a PostgreSQL archive: restore it into a PostgreSQL database")
        }
        var configuration = Configuration()
        configuration.readonly = true
        let source: DatabaseQueue
        do { source = try DatabaseQueue(path: path, configuration: configuration) } catch {
            throw StoreError.corrupt("\(path) cannot be opened as a SQLite database: \(error)")
        }
        defer { try? source.close() }
        let (integrity, applied) = try await source.read { db in
            (
                try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                try db.tableExists("grdb_migrations")
                    ? Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")) : []
            )
        }
        guard integrity == ["ok"] else {
            throw StoreError.corrupt(
                "\(path) fails SQLite's integrity check: \(integrity.prefix(3).joined(separator: "; "))")
        }
        let known = Set(Self.migrator.migrations)
        guard !applied.isEmpty else { throw StoreError.corrupt("\(path) is not a Concordat database") }
        guard applied.isSubset(of: known) else {
            throw StoreError.corrupt(
                "\(path) was written by a newer Concordat (migrations \(applied.subtracting(known).sorted()))")
        }
        try source.backup(to: writer)
        restores.count()  // a new data version in memory too (see dataVersion())
        // A backup from an older version is brought up to this one.
        try Self.migrator.migrate(writer)
    }
}
