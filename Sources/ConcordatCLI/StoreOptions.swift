import ArgumentParser
import Foundation
import Storage

/// `--database`: where the system is stored. Shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite database file (created if missing). Defaults to $CONCORDAT_DATABASE, else ./concordat.sqlite.",
            valueName: "path"))
    var database: String?

    /// The path in force: the option, else the environment, else `concordat.sqlite`.
    var resolvedPath: String {
        database ?? ProcessInfo.processInfo.environment["CONCORDAT_DATABASE"] ?? "concordat.sqlite"
    }

    func validate() throws {
        if resolvedPath.hasPrefix("postgres://") || resolvedPath.hasPrefix("postgresql://") {
            throw ValidationError("PostgreSQL databases are not supported yet; give a SQLite file path")
        }
        if resolvedPath.isEmpty { throw ValidationError("--database must not be empty") }
    }

    /// Opens the store.
    func open() throws -> any Store { try SQLiteStore(path: resolvedPath) }
}
