import ArgumentParser
import Foundation
import Storage

/// `--database`: where the system is stored. Shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            """
            A SQLite database file (created if missing), or a PostgreSQL URL \
            (postgres://user:password@host:port/database?sslmode=require). \
            Defaults to $CONCORDAT_DATABASE, else ./concordat.sqlite.
            """,
            valueName: "path-or-url"))
    var database: String?

    /// The location in force: the option, else the environment, else `concordat.sqlite`.
    var resolvedPath: String {
        database ?? ProcessInfo.processInfo.environment["CONCORDAT_DATABASE"] ?? "concordat.sqlite"
    }

    func validate() throws {
        if resolvedPath.isEmpty { throw ValidationError("--database must not be empty") }
        if isPostgres {
            do { _ = try PostgresStore.configuration(url: resolvedPath) } catch let error as StoreError {
                throw ValidationError(error.message)
            }
        }
    }

    /// Whether the store is a PostgreSQL server rather than a SQLite file.
    var isPostgres: Bool { PostgresStore.isURL(resolvedPath) }

    /// The location for messages: a PostgreSQL URL without its password.
    var displayName: String { isPostgres ? PostgresStore.redacted(resolvedPath) : resolvedPath }

    /// Opens the store and runs `body` with it while it runs (a PostgreSQL store connects and migrates
    /// first), stopping it when `body` returns or throws.
    func withStore<Result: Sendable>(_ body: (any Store) async throws -> Result) async throws -> Result {
        try await withRunningStore(resolvedPath, body)
    }
}
