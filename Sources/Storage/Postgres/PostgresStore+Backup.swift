import Foundation
import PostgresNIO

extension PostgresStore {
    /// Dumps the whole database to `path` with `pg_dump --format=custom` (a consistent snapshot, taken
    /// without stopping the server). An existing file is replaced only once the dump is complete.
    /// - Throws: ``StoreError`` `unavailable` when `pg_dump` is missing or fails.
    /// The archive is then read back with `pg_restore --list`; one that cannot be read is removed and refused.
    /// - Throws: ``StoreError`` `corrupt` when the archive it wrote cannot be read back.
    public func backup(to path: String) async throws {
        try await StoreBackup.atomically(path) { partial in
            try runTool("pg_dump", ["--format=custom", "--no-owner", "--file=\(partial)"])
            do { try runTool("pg_restore", ["--list", partial], needsDatabase: false) } catch let error as StoreError {
                throw StoreError.corrupt("the archive pg_dump wrote cannot be read back: \(error.message)")
            }
        }
    }

    /// Reads every row of every Concordat table (PostgreSQL checks each page's checksum, when checksums
    /// are on, and each tuple as it reads), so damaged storage shows as an error here.
    public func checkIntegrity() async throws -> [String] {
        do {
            return try await read { [self] connection in
                let tables = try await rows(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename",
                    connection
                ).map { try $0.decode(String.self) }
                for table in tables {
                    let name = table.replacingOccurrences(of: "\"", with: "\"\"")
                    _ = try await rows(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \"\(name)\""), connection)
                }
                return []
            }
        } catch let error as StoreError where error.code == .corrupt {
            return [error.message]
        }
    }

    /// Replaces this database's contents with the `pg_dump` archive at `path`, with
    /// `pg_restore --clean --single-transaction`: all of it, or on any error none of it.
    /// - Throws: ``StoreError`` `corrupt` for a file that is not a PostgreSQL archive, `unavailable` when
    ///   `pg_restore` is missing or fails.
    public func restore(from path: String) async throws {
        guard try StoreBackup.kind(of: path) == .postgres else {
            throw StoreError.corrupt("\(path) is a SQLite backup: restore it into a SQLite database")
        }
        try runTool(
            "pg_restore",
            [
                "--clean", "--if-exists", "--single-transaction", "--no-owner", "--exit-on-error",
                "--dbname=\(address.database ?? address.username)", path,
            ])
        // A backup from an older Concordat is brought up to this one (as SQLite's restore does).
        try await migrate()
    }

    /// Runs a PostgreSQL client tool against this store's database. The connection travels in libpq's
    /// environment variables, so the password is never on a command line.
    private func runTool(_ tool: String, _ arguments: [String], needsDatabase: Bool = true) throws {
        guard let executable = Self.locate(tool) else {
            throw StoreError.unavailable(
                "\(tool) was not found on PATH or under /usr/lib/postgresql: install PostgreSQL's client tools")
        }
        let environment =
            needsDatabase
            ? ProcessInfo.processInfo.environment.merging(address.environment) { $1 }
            : ProcessInfo.processInfo.environment
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw StoreError.unavailable("\(tool) could not be started: \(error)") }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let said = message.split(separator: "\n").suffix(3).joined(separator: " ")
            throw StoreError.unavailable("\(tool) failed (exit \(process.terminationStatus)): \(said)")
        }
    }

    /// The path of a PostgreSQL client tool: on PATH, else in the newest /usr/lib/postgresql/N/bin.
    private static func locate(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        var folders = path.split(separator: ":").map(String.init)
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        folders += versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        return folders.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
