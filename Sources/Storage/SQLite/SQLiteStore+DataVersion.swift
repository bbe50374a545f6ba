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
}
