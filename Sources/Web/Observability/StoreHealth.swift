import Foundation
import Hummingbird
import Logging
import Storage

/// Whether the store can be trusted with reads and writes, as `/health` reports it.
///
/// The store is *degraded* when the check made at start (``check(_:logger:)``: SQLite's
/// `PRAGMA quick_check`, a read of every table on PostgreSQL) found it damaged, when a request met
/// damaged storage, or when a write failed for lack of space (SQLITE_FULL, PostgreSQL 53100
/// `disk_full`). Damage stays until the server is restarted on a repaired store; lack of space clears at
/// the next write that succeeds. `/health` then answers 503 with the reason, so a load balancer takes
/// the instance out instead of sending it writes that cannot be made. It is degraded too while the stored
/// population health analysis cannot be read (the pages that show it answer 503), until it is run again.
public final class StoreHealth: @unchecked Sendable {
    /// Why the store is degraded.
    public enum Degradation: Sendable, Hashable {
        /// The stored data is damaged.
        case damaged(String)
        /// A write failed for lack of space.
        case full(String)
        /// The stored population health analysis cannot be read.
        case analysisUnreadable(String)

        /// The reason, in words.
        public var reason: String {
            switch self {
            case .damaged(let detail): "the store is damaged: \(detail)"
            case .full(let detail): "a write failed for lack of space: \(detail)"
            case .analysisUnreadable(let detail): "the stored analysis cannot be read: \(detail)"
            }
        }
    }

    private let lock = NSLock()
    private var damage: String?
    private var space: String?

    /// A store taken as healthy until something shows otherwise.
    public init() {}

    /// What is wrong, damage first; `nil` when the store is healthy.
    public var degradation: Degradation? {
        lock.withLock { damage.map(Degradation.damaged) ?? space.map(Degradation.full) }
    }

    /// Checks the store for damage (as the server does when it starts) and records what it finds.
    /// - Returns: the problems found, empty when the store is whole.
    @discardableResult
    public func check(_ store: any Store, logger: Logger) async -> [String] {
        let problems: [String]
        do { problems = try await store.checkIntegrity() } catch {
            if let failure = StoreError(databaseFailure: error), failure.code == .corrupt {
                problems = [failure.message]
            } else {
                logger.warning("the store could not be checked", metadata: ["error": "\(error)"])
                return []
            }
        }
        if !problems.isEmpty {
            logger.critical(
                "the store is damaged", metadata: ["problems": "\(problems.prefix(5).joined(separator: "; "))"])
            lock.withLock { damage = problems.prefix(3).joined(separator: "; ") }
        }
        return problems
    }

    /// Records a store error met while answering a request: damage, or a lack of space.
    func record(_ error: StoreError) {
        if error.code == .corrupt {
            lock.withLock { damage = damage ?? error.message }
        } else if error.code == .full {
            lock.withLock { space = error.message }
        }
    }

    /// Records that a write succeeded: there is space again.
    func writeSucceeded() {
        lock.withLock { space = nil }
    }

    /// What `GET /health` answers: 200 `{"status":"ok"}`, or 503 `{"status":"degraded","reason":…}`,
    /// degraded too when `analysisFault` (asked once the store answers) says the stored analysis cannot be read.
    func response(_ store: any Store, analysisFault: () async throws -> String? = { nil }) async throws -> Response {
        if let degradation {
            return Self.json(.serviceUnavailable, ["status": "degraded", "reason": degradation.reason])
        }
        // Ready only when the store answers: a load balancer takes an instance out while its database is away.
        _ = try await store.userCount()
        if let fault = try await analysisFault() {
            let reason = Degradation.analysisUnreadable(fault).reason
            return Self.json(.serviceUnavailable, ["status": "degraded", "reason": reason])
        }
        return Self.json(.ok, ["status": "ok"])
    }

    private static func json(_ status: HTTPResponse.Status, _ body: [String: String]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: status, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: (try? encoder.encode(body)) ?? Data())))
    }
}
