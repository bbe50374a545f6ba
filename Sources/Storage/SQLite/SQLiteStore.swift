import Foundation
import GRDB

/// The default ``Store``: an embedded SQLite database through GRDB, in WAL mode, so readers never wait
/// for a writer and a crash mid-write leaves the last committed state.
public final class SQLiteStore: Store {
    let writer: any DatabaseWriter
    /// The connection kept only to read `PRAGMA data_version` (``dataVersion()``): every commit by any
    /// other connection, this store's writer or another process's, changes it. `nil` in memory.
    let versionWatcher: DatabaseQueue?
    /// What makes this store's versions its own: the watcher's values mean nothing on another connection.
    let versionEpoch = UUID().uuidString
    /// Restores made into an in-memory store (the backup API's writes are not counted as changed rows).
    let restores = RestoreCount()

    /// Opens (creating if needed) the database file at `path` and migrates it to the current schema.
    /// - Throws: ``StoreError`` `unavailable` when the file cannot be opened or migrated.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
            writer = pool
            // Not read-only: when it is the last connection to close, it checkpoints the write-ahead log
            // into the file and removes it, as the pool does. It never writes.
            var watching = Configuration()
            watching.busyMode = .timeout(10)
            versionWatcher = try DatabaseQueue(path: path, configuration: watching)
        } catch {
            throw StoreError.unavailable("cannot open the SQLite database at \(path): \(error)")
        }
    }

    /// An empty database in memory, for tests and one-off commands.
    public init() throws {
        let queue = try DatabaseQueue()
        try Self.migrator.migrate(queue)
        writer = queue
        versionWatcher = nil
    }
}
