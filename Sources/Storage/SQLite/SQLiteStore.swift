import Foundation
import GRDB

/// The default ``Store``: an embedded SQLite database through GRDB, in WAL mode, so readers never wait
/// for a writer and a crash mid-write leaves the last committed state.
public final class SQLiteStore: Store {
    let writer: any DatabaseWriter

    /// Opens (creating if needed) the database file at `path` and migrates it to the current schema.
    /// - Throws: ``StoreError`` `unavailable` when the file cannot be opened or migrated.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
            writer = pool
        } catch {
            throw StoreError.unavailable("cannot open the SQLite database at \(path): \(error)")
        }
    }

    /// An empty database in memory, for tests and one-off commands.
    public init() throws {
        let queue = try DatabaseQueue()
        try Self.migrator.migrate(queue)
        writer = queue
    }
}
