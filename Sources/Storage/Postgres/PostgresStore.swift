import Foundation
import Logging
import PostgresNIO

/// The production ``Store``: PostgreSQL through PostgresNIO, with the same tables, migrations and behaviour
/// as ``SQLiteStore`` (both pass the same contract suite).
///
/// Writes are serialised, as SQLite serialises them: every write transaction first takes one
/// transaction-scoped advisory lock, so checks made inside a write (a pool's rules, the register's chain,
/// the memorandum's version) hold when it commits. Reads that span several tables run in one
/// `REPEATABLE READ` snapshot, so they never see half of a write. When the server cannot be reached,
/// every call throws ``StoreError`` `unavailable`, and the connection pool reconnects when it returns.
///
/// The store is a ServiceLifecycle `Service`: its connections live while its `run()` runs (in a
/// `ServiceGroup`, or through ``withRunningStore(_:_:)``). A call made before `run()` has connected and
/// migrated waits for it (up to the connection wait); a call made when the store is not running fails as
/// `unavailable`, saying the store is not running.
public final class PostgresStore: Store {
    let client: PostgresClient
    let logger: Logger
    /// The database, for the client tools that back it up and restore it.
    let address: PostgresAddress
    /// Open while `run()` runs, after the client has connected and the schema is migrated.
    let gate = StoreGate()

    /// How long a call waits for a connection before it fails as `unavailable` (the pool keeps trying to
    /// reconnect in the background, so a later call succeeds once the server is back), and how long a call
    /// waits for a store that has not started. ``defaultConnectionWait`` unless the store was made with
    /// another.
    public let connectionWait: Duration

    /// 5 s, or `CONCORDAT_POSTGRES_WAIT` seconds (1–300) where a busy server is expected to take longer, as
    /// when a test suite creates and migrates dozens of databases at once.
    public static let defaultConnectionWait: Duration = {
        let text = ProcessInfo.processInfo.environment["CONCORDAT_POSTGRES_WAIT"] ?? ""
        guard let seconds = Int(text), (1...300).contains(seconds) else { return .seconds(5) }
        return .seconds(seconds)
    }()

    /// The key of the advisory lock every write transaction holds (an arbitrary constant: "concordat").
    static let writeLock: Int64 = 0x636F_6E63_6F72_6461

    /// The store of the database at `url` (`postgres://user:password@host:port/database?sslmode=…`). It
    /// connects, and migrates the database to the current schema, when it is run (see `run()`). A call
    /// waits at most `connectionWait` for a connection (``defaultConnectionWait`` when nil).
    /// - Throws: ``StoreError`` `unavailable` when the URL is not valid.
    public init(
        url: String, connectionWait: Duration? = nil, logger: Logger = Logger(label: "concordat.postgres")
    ) throws {
        let address = try PostgresAddress(url: url)
        var logger = logger
        // The pool logs each failed reconnection at info; the store reports unavailability itself.
        logger.logLevel = max(logger.logLevel, .notice)
        self.logger = logger
        self.address = address
        self.connectionWait = connectionWait ?? Self.defaultConnectionWait
        client = PostgresClient(configuration: address.configuration, backgroundLogger: logger)
    }

    /// Whether `location` names a PostgreSQL database rather than a SQLite file.
    public static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// The client configuration a `postgres://` URL describes. `sslmode` may be `disable`, `prefer`
    /// (the default, as libpq) or `require`.
    public static func configuration(url: String) throws -> PostgresClient.Configuration {
        try PostgresAddress(url: url).configuration
    }

    /// The URL with its password replaced, for messages and logs.
    public static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }

    /// Runs `body` in a write transaction that holds the store's write lock, committing when it returns
    /// and rolling back when it throws (the error is rethrown as it was).
    func write<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws
        -> Result
    {
        try await transaction("BEGIN ISOLATION LEVEL READ COMMITTED", lock: true, body)
    }

    /// Runs `body` in a read-only snapshot, so every query in it sees the same committed state.
    func read<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws
        -> Result
    {
        try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", lock: false, body)
    }

    /// Runs `body`, which issues exactly one statement, without an explicit transaction: one statement
    /// always sees one committed state, so it needs no BEGIN and COMMIT round trips.
    func readOne<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result)
        async throws -> Result
    {
        try await transaction(nil, lock: false, body)
    }

    /// Runs `body` in a transaction begun by `begin` (none when nil), holding the write lock when `lock`;
    /// a locked (write) transaction also writes a new data version before it commits.
    /// A `gated` call waits for the store to be running; only `run()`'s own migration is not gated.
    func transaction<Result: Sendable>(
        _ begin: String?, lock: Bool, gated: Bool = true,
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        do {
            return try await withConnection(gated: gated) { [self] connection in
                guard let begin else {
                    do { return try await body(connection) } catch {
                        if error is PSQLError || error is PostgresDecodingError { throw error }
                        throw Refused(error: error)
                    }
                }
                try await connection.query(PostgresQuery(unsafeSQL: begin), logger: logger)
                do {
                    if lock {
                        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.writeLock))", logger: logger)
                    }
                    let result = try await body(connection)
                    // Every write, whoever makes it, is a new data version (migration v19).
                    if lock {
                        try await connection.query(PostgresQuery(unsafeSQL: Self.newDataVersion), logger: logger)
                    }
                    try await connection.query("COMMIT", logger: logger)
                    return result
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    // The caller's own refusals pass through unchanged; the database's are translated below.
                    if error is PSQLError || error is PostgresDecodingError { throw error }
                    throw Refused(error: error)
                }
            }
        } catch let refused as Refused {
            throw refused.error
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresDecodingError {
            throw StoreError.corrupt(
                "a stored row cannot be read: column \(error.columnName) holds \(error.postgresType), "
                    + "not \(error.targetType)")
        } catch let error as PSQLError {
            throw Self.storeError(error)
        } catch {
            throw StoreError.unavailable("the PostgreSQL database cannot be used: \(error)")
        }
    }

    /// Leases a connection for `body`, failing as `unavailable` when none can be had within
    /// ``connectionWait``; a `gated` call first waits for the store to be running (see `passGate()`). Only
    /// the waits are timed: once leased, `body` runs to the end.
    private func withConnection<Result: Sendable>(
        gated: Bool, _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws
        -> Result
    {
        if gated { try await passGate() }
        let leased = LeaseFlag()
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                try await self.client.withConnection { [self] connection in
                    leased.set()
                    return try await body(connection)
                }
            }
            group.addTask {
                try await Task.sleep(for: self.connectionWait)
                guard leased.isSet else {
                    throw StoreError.unavailable(
                        "the PostgreSQL database cannot be reached: no connection within \(self.connectionWait)")
                }
                return nil
            }
            while let next = try await group.next() {
                if let result = next {
                    group.cancelAll()
                    return result
                }
            }
            throw CancellationError()
        }
    }

    /// The error of a call made when the store is not running, saying `why`.
    static func notRunning(_ why: String) -> StoreError {
        StoreError.unavailable("the store is not running: \(why) (a PostgreSQL store serves only while its run() runs)")
    }

    /// Waits for the store to be running. A store whose `run()` has not begun within ``connectionWait``
    /// is refused as not running; one that is starting is waited for, since its migration is bounded by
    /// the same wait and then opens or shuts the gate.
    private func passGate() async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await self.gate.pass()
                return true
            }
            group.addTask {
                try await Task.sleep(for: self.connectionWait)
                guard self.gate.isStarted else {
                    throw Self.notRunning("it did not start within \(self.connectionWait)")
                }
                return false
            }
            while let passed = try await group.next() {
                if passed {
                    group.cancelAll()
                    return
                }
            }
        }
    }

    /// An error thrown by a transaction's body rather than by the database, carried out unchanged.
    private struct Refused: Error { var error: any Error }

    /// A store error that says what the server said, without the query's values.
    static func storeError(_ error: PSQLError) -> StoreError {
        if let message = error.serverInfo?[.message] {
            let code = error.serverInfo?[.sqlState] ?? ""
            switch code {
            // disk_full, out_of_memory-like quota: the write could not be made for lack of space.
            case "53100": return StoreError.full("PostgreSQL has no space left for the write (53100): \(message)")
            // data_corrupted, index_corrupted.
            case "XX001", "XX002": return StoreError.corrupt("PostgreSQL found damaged data (\(code)): \(message)")
            default: return StoreError.unavailable("PostgreSQL refused the request (\(code)): \(message)")
            }
        }
        return StoreError.unavailable("the PostgreSQL database cannot be reached (\(error.code))")
    }

    /// A migration's statements: it is split where a line ends with a semicolon.
    static func statements(_ sql: String) -> [String] {
        sql.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .map { $0.hasSuffix(";") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
    }

    /// The rows `query` returns, read whole (so the connection is free for the next query).
    func rows(_ query: PostgresQuery, _ connection: PostgresConnection) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }

    /// Creates the migrations table if needed and applies every migration not yet applied, each in its own
    /// transaction under the write lock, so two instances starting together migrate once.
    func migrate() async throws {
        try await transaction("BEGIN ISOLATION LEVEL READ COMMITTED", lock: true, gated: false) { [self] connection in
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS concordat_migration (
                    name text PRIMARY KEY, appliedAt timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            let applied = Set(
                try await rows("SELECT name FROM concordat_migration", connection).map { try $0.decode(String.self) })
            for migration in Self.migrations where !applied.contains(migration.name) {
                // One statement per query: the extended protocol takes no more.
                for statement in Self.statements(migration.sql) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO concordat_migration (name) VALUES (\(migration.name))", logger: logger)
            }
        }
    }
}

/// Whether a connection has been leased: set once, read by the timer.
private final class LeaseFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
