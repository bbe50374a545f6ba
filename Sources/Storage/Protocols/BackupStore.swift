/// A store's care of itself: checking it for damage, backing it up and restoring it whole.
public protocol BackupStore: Sendable {
    /// Checks the stored pages or relations for damage (SQLite's `PRAGMA quick_check`; on PostgreSQL a
    /// read of every table). Returns what is wrong, empty when the store is whole.
    func checkIntegrity() async throws -> [String]

    /// Writes a consistent snapshot of the whole store to the file at `path` (see ``StoreBackup``), then
    /// checks the snapshot (SQLite's `PRAGMA integrity_check`, `pg_restore --list`) and, if it is damaged,
    /// removes it and throws ``StoreError`` `corrupt`. Stale partial files of backups killed mid-way
    /// in the same folder are removed first.
    func backup(to path: String) async throws

    /// Replaces the whole store with the backup at `path`: all of it or, on any error, none of it.
    func restore(from path: String) async throws
}
