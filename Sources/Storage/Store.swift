/// Where Concordat keeps a system: its geography, populations, partnership and data-quality notes, and
/// everything the partnership records about it. Each concern is its own protocol (see `Protocols/`);
/// a store is all of them.
///
/// Every adapter (SQLite by default; PostgreSQL for production) passes the same contract test suite.
/// Writes are atomic: a reader sees the state before a write or after it, never half of it.
public protocol Store:
    SystemStore & DatasetStore & AccountStore & AssuranceStore & FinanceStore & GovernanceStore & ProgrammeStore
        & BackupStore & PackStore
{}

/// Opens the store at `location`: a PostgreSQL database for a `postgres://` URL, else a SQLite file
/// (created if missing). Either is migrated to the current schema.
public func openStore(_ location: String) async throws -> any Store {
    PostgresStore.isURL(location) ? try await PostgresStore(url: location) : try SQLiteStore(path: location)
}
