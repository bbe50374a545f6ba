import ServiceLifecycle

/// Where Concordat keeps a system: its geography, populations, partnership and data-quality notes, and
/// everything the partnership records about it. Each concern is its own protocol (see `Protocols/`);
/// a store is all of them.
///
/// Every adapter (SQLite by default; PostgreSQL for production) passes the same contract test suite.
/// Writes are atomic: a reader sees the state before a write or after it, never half of it.
/// A store is a ServiceLifecycle `Service`: it serves while its `run()` runs (a SQLite store needs no
/// running, a PostgreSQL one does).
public protocol Store:
    SystemStore & DatasetStore & AccountStore & AssuranceStore & FinanceStore & GovernanceStore & ProgrammeStore
        & BackupStore & PackStore & ScenarioStore & BusinessCaseStore & DataVersionStore & Service
{}

/// The store at `location`: a PostgreSQL database for a `postgres://` URL (which connects and migrates
/// when run), else a SQLite file (created if missing and migrated now).
public func openStore(_ location: String) async throws -> any Store {
    PostgresStore.isURL(location) ? try PostgresStore(url: location) : try SQLiteStore(path: location)
}
