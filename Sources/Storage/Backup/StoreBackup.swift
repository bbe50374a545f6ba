import Foundation

/// A backup file of a whole store, and what kind of database wrote it.
///
/// SQLite stores back up with SQLite's online backup API into a SQLite file (a consistent snapshot,
/// taken while the server runs). PostgreSQL stores back up with `pg_dump --format=custom`, and restore
/// with `pg_restore --single-transaction`, so a restore that fails leaves the database as it was.
public enum StoreBackup {
    /// What a backup file holds, read from its first bytes.
    public enum Kind: String, Sendable {
        /// A SQLite database file.
        case sqlite = "SQLite"
        /// A `pg_dump` custom-format archive.
        case postgres = "PostgreSQL"
    }

    /// The kind of backup at `path`.
    /// - Throws: ``StoreError`` `notFound` when there is no such file, `corrupt` when it is neither kind.
    public static func kind(of path: String) throws -> Kind {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.notFound("backup file", path) }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.starts(with: Data("SQLite format 3\u{0}".utf8)) { return .sqlite }
        if header.starts(with: Data("PGDMP".utf8)) { return .postgres }
        throw StoreError.corrupt("\(path) is not a Concordat backup: it is neither a SQLite file nor a pg_dump archive")
    }

    /// Writes to a temporary file beside `path` and moves it into place only when `write` succeeds, so a
    /// failed or interrupted backup never leaves a partial file under the name asked for. The temporary
    /// file is named `.NAME.partial-PID-UUID`; partial files that backups killed mid-way left in the
    /// folder are removed first (``removeStalePartials(in:)``).
    static func atomically(_ path: String, _ write: (String) async throws -> Void) async throws {
        let destination = URL(fileURLWithPath: path)
        let folder = destination.deletingLastPathComponent()
        removeStalePartials(in: folder.path)
        let partial = folder.appendingPathComponent(
            ".\(destination.lastPathComponent)\(partialMarker)\(getpid())-\(UUID().uuidString)"
        ).path
        do {
            try await write(partial)
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// What a partial backup file's name holds between the backup's name and the writer's process id.
    static let partialMarker = ".partial-"

    /// How old a partial file whose writer cannot be told must be before it is taken as abandoned.
    public static let abandonedAfter: TimeInterval = 3600

    /// Removes the partial files that backups killed mid-way left in `folder`: those whose writing process
    /// is no longer running, and those (from earlier versions, without a process id) older than
    /// ``abandonedAfter``. A backup still being written by a live process is left alone.
    /// - Returns: the paths removed.
    @discardableResult
    public static func removeStalePartials(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var removed: [String] = []
        for name in names where name.hasPrefix(".") {
            guard let marker = name.range(of: partialMarker, options: .backwards) else { continue }
            let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
            let rest = name[marker.upperBound...]
            let stale: Bool
            if let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }), rest.count > 36 {
                stale = pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
            } else {
                let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
                stale = modified.map { Date().timeIntervalSince($0) > abandonedAfter } ?? false
            }
            if stale, (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
        }
        return removed
    }
}
