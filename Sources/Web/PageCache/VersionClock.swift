import Foundation

/// When this server first saw each recent data version: a page's `Last-Modified`. Dates have whole
/// seconds, so a version is *datable* (an `If-Modified-Since` may be answered 304 for it) only when no
/// other version, nor the server's start, falls in the same second. Not thread-safe: ``PageCache``
/// holds it under its lock.
struct VersionClock {
    private let now: @Sendable () -> Date
    private var seen: [String: Int64] = [:]
    private var order: [String] = []
    /// The latest second of a version forgotten (or of the start): versions seen then are not datable.
    private var forgotten: Int64
    /// Versions remembered at most.
    static let remembered = 64

    /// A clock that reads the time from `now`, started now.
    init(now: @escaping @Sendable () -> Date) {
        self.now = now
        forgotten = Int64(now().timeIntervalSince1970.rounded(.down))
    }

    /// The second `version` was first seen (now, if it is new).
    mutating func firstSeen(_ version: String) -> Int64 {
        if let second = seen[version] { return second }
        let second = Int64(now().timeIntervalSince1970.rounded(.down))
        seen[version] = second
        order.append(version)
        if order.count > Self.remembered {
            let oldest = order.removeFirst()
            forgotten = max(forgotten, seen.removeValue(forKey: oldest) ?? forgotten)
        }
        return second
    }

    /// Whether `version` was seen alone in its second (see the type's description).
    func isDatable(_ version: String) -> Bool {
        guard let second = seen[version], second > forgotten else { return false }
        return !seen.contains { $0.key != version && $0.value == second }
    }
}
