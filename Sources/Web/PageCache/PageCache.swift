import Foundation
import NIOCore

/// Rendered pages kept by what they show: the path, the query (normalised), the day (pages that mark
/// what is late or overdue change at midnight) and the data version they were rendered at. A page is
/// rendered once per data version and then served from memory until a write makes a new version.
///
/// Bounded by entries and bytes: when either is full, the least recently used pages go first. Only
/// pages that are the same for everyone are kept (``PageCacheMiddleware`` decides), and only successes.
/// Thread-safe (a lock, held only to look up or keep an entry).
final class PageCache: @unchecked Sendable {
    /// What a page shows, as the cache keys it.
    struct Key: Hashable, Sendable, CustomStringConvertible {
        /// The request's path, as sent.
        var path: String
        /// The query's parameters, sorted by name (parameters of one name keep their order), empty ones
        /// dropped: `?b=2&a=1` and `?a=1&b=2` are one page.
        var query: String
        /// The day the page is rendered for (days since 1970, UTC).
        var day: Int32

        /// The key of a request for `path` with the raw `query` on `day`.
        init(path: String, query: String?, day: Int32) {
            self.path = path
            let parameters = (query ?? "").split(separator: "&").filter { !$0.isEmpty }
            let sorted = parameters.enumerated().sorted { left, right in
                let (a, b) = (Self.name(left.element), Self.name(right.element))
                return a == b ? left.offset < right.offset : a < b
            }
            self.query = sorted.map { String($0.element) }.joined(separator: "&")
            self.day = day
        }

        private static func name(_ parameter: Substring) -> Substring {
            parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first ?? parameter
        }

        /// The key as text: `path?query@day`.
        var description: String { "\(path)?\(query)@\(day)" }
    }

    /// A kept page.
    struct Entry: Sendable {
        /// The data version it was rendered at.
        var version: String
        /// Its `Content-Type`.
        var contentType: String?
        /// The rendered body.
        var body: ByteBuffer
        /// Its strong entity tag, quoted: from the version and the key.
        var etag: String
        /// Seconds since 1970 when this server first saw the version (its `Last-Modified`).
        var lastModified: Int64
        /// When it was last served (the cache's own clock), for eviction.
        fileprivate var used: UInt64 = 0
        /// Bytes it holds, counted against the limit.
        fileprivate var size: Int = 0
    }

    /// How much the cache may hold.
    struct Limits: Sendable {
        /// Pages kept at most.
        var entries = 512
        /// Bytes of bodies (and keys) kept at most; a page larger than this is not kept.
        var bytes = 64 << 20
    }

    let limits: Limits
    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var bytes = 0
    private var clock: UInt64 = 0
    private var versions: VersionClock

    /// An empty cache within `limits`, dating versions by `now` (tests inject a clock).
    init(limits: Limits = Limits(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.limits = limits
        versions = VersionClock(now: now)
    }

    /// The page kept for `key` at `version`, if any; a page kept at another version is dropped.
    func entry(for key: Key, at version: String) -> Entry? {
        lock.withLock {
            guard var entry = entries[key] else { return nil }
            guard entry.version == version else {
                remove(key)
                return nil
            }
            clock += 1
            entry.used = clock
            entries[key] = entry
            return entry
        }
    }

    /// Keeps the page rendered for `key` at `version`, evicting the least recently used pages while the
    /// limits are exceeded, and returns it as kept (with its tag and date). A page too large for the
    /// limits is returned but not kept.
    @discardableResult
    func keep(_ key: Key, version: String, contentType: String?, body: ByteBuffer) -> Entry {
        lock.withLock {
            var entry = Entry(
                version: version, contentType: contentType, body: body, etag: Self.etag(key, version),
                lastModified: versions.firstSeen(version))
            entry.size = body.readableBytes + key.path.utf8.count + key.query.utf8.count + version.utf8.count
            guard entry.size <= limits.bytes, limits.entries > 0 else { return entry }
            remove(key)
            while !entries.isEmpty, entries.count >= limits.entries || bytes + entry.size > limits.bytes {
                if let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key { remove(oldest) }
            }
            clock += 1
            entry.used = clock
            entries[key] = entry
            bytes += entry.size
            return entry
        }
    }

    /// Whether an `If-Modified-Since` can be answered for `version`: only when no other version was
    /// first seen in the same second (nor the server started in it), since dates have whole seconds.
    func isDatable(_ version: String) -> Bool { lock.withLock { versions.isDatable(version) } }

    /// Pages kept now.
    var count: Int { lock.withLock { entries.count } }

    /// Bytes kept now.
    var byteCount: Int { lock.withLock { bytes } }

    /// Whether a page is kept for `key` (at any version).
    func holds(_ key: Key) -> Bool { lock.withLock { entries[key] != nil } }

    private func remove(_ key: Key) {
        if let gone = entries.removeValue(forKey: key) { bytes -= gone.size }
    }

    /// The strong entity tag of the page for `key` at `version`: FNV-1a (64 bits) of both, quoted.
    static func etag(_ key: Key, _ version: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(version)\u{0}\(key)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }
}
