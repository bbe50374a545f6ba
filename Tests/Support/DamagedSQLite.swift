import ConcordatCore
import Foundation
import Storage

/// Damages a SQLite file the way a failing disk does, for tests of what notices.
public enum DamagedSQLite {
    /// Fills `path` with `rows` access-log entries (so its last pages are the log's, read by nothing at
    /// start), lets the store close, and overwrites the file's last page with garbage.
    /// - Returns: the page number damaged.
    @discardableResult
    public static func damageLastPage(of path: String, afterLogging rows: Int = 3_000) async throws -> Int {
        do {
            let store = try SQLiteStore(path: path)
            for index in 0..<rows {
                try await store.recordAccess(
                    AccessLogEntry(
                        at: Date(), username: "filler", action: "read", subject: "page \(index)",
                        detail: String(repeating: "x", count: 200)))
            }
        }
        // The store is closed: its write-ahead log is checkpointed into the file and removed.
        guard !FileManager.default.fileExists(atPath: path + "-wal") else {
            throw StoreError.unavailable("\(path)-wal is still there: the store was not closed")
        }
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: 16)
        let sizeBytes = try handle.read(upToCount: 2) ?? Data()
        let raw = Int(sizeBytes[sizeBytes.startIndex]) << 8 | Int(sizeBytes[sizeBytes.startIndex + 1])
        let pageSize = raw == 1 ? 65_536 : raw
        let length = Int(try handle.seekToEnd())
        let pages = length / pageSize
        try handle.seek(toOffset: UInt64((pages - 1) * pageSize))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: pageSize))
        try handle.synchronize()
        return pages
    }
}
