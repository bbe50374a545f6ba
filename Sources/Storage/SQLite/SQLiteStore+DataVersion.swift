import GRDB

extension SQLiteStore {
    /// The stored state's version: for a file, SQLite's `PRAGMA data_version` on the store's own watching
    /// connection, which changes whenever any other connection commits a change (this store's writer,
    /// another `SQLiteStore` on the file, another process); in memory, the connection's count of changed
    /// rows and of restores. Needs no table and no call in any write: every write is seen.
    /// - Throws: ``StoreError`` `unavailable` when the database cannot be read.
    public func dataVersion() async throws -> DataVersion {
        do {
            if let versionWatcher {
                let value = try await versionWatcher.read { db in
                    try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
                }
                return DataVersion(token: "\(versionEpoch).\(value)")
            }
            let changes = try await writer.read { db in db.totalChangesCount }
            return DataVersion(token: "\(versionEpoch).\(changes).\(restores.value)")
        } catch {
            throw StoreError.unavailable("cannot read the SQLite database's data version: \(error)")
        }
    }

    /// Migration v19 (as PostgreSQL's, which keeps a `data_version` row): nothing to store, because
    /// SQLite keeps its own data version (``dataVersion()``).
    static func registerDataVersionMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v19: data version") { _ in }
    }

    /// The version of the system, its pack, the dataset and its analysis (see
    /// ``DataVersionStore/systemVersion()``): the stamp migration v21's triggers replace.
    /// - Throws: ``StoreError`` `unavailable` when the database cannot be read.
    public func systemVersion() async throws -> DataVersion {
        do {
            let stamp = try await writer.read { db in
                try String.fetchOne(db, sql: "SELECT stamp FROM system_version WHERE id = 1")
            }
            return DataVersion(token: stamp ?? "none")
        } catch {
            throw StoreError.unavailable("cannot read the SQLite database's system version: \(error)")
        }
    }

    /// Migration v21: the system version, one row with a random stamp that a trigger on each one-row table
    /// of what a server keeps in memory (`health_system`, `system_pack`, `dataset`) replaces on any insert,
    /// update or delete. Triggers, not calls in each write, so that no write path can forget it.
    static func registerSystemVersionMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v21: system version") { db in
            try db.execute(
                sql: """
                    CREATE TABLE system_version (id INTEGER PRIMARY KEY CHECK (id = 1), stamp TEXT NOT NULL);
                    INSERT INTO system_version (id, stamp) VALUES (1, lower(hex(randomblob(16))));
                    """)
            for table in systemVersionTables {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try db.execute(
                        sql: """
                            CREATE TRIGGER system_version_\(table)_\(event.lowercased()) AFTER \(event) ON \(table)
                            BEGIN UPDATE system_version SET stamp = lower(hex(randomblob(16))) WHERE id = 1; END
                            """)
                }
            }
        }
    }

    /// The tables whose writes make a new system version.
    static let systemVersionTables = ["health_system", "system_pack", "dataset"]
}
