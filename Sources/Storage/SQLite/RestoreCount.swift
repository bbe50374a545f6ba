import Foundation

/// How many restores an in-memory store has had (a restore is a new data version).
final class RestoreCount: @unchecked Sendable {
    private let lock = NSLock()
    private var restores = 0

    /// Counts one restore.
    func count() { lock.withLock { restores += 1 } }

    /// The restores so far.
    var value: Int { lock.withLock { restores } }
}
