import Foundation
import PostgresNIO
import Storage

/// The PostgreSQL server the tests may use (shared by the test targets): `CONCORDAT_TEST_POSTGRES`, a URL whose user may create
/// databases. Each test gets a database of its own, dropped afterwards.
public enum TestPostgres {
    /// The server's URL, or `nil` when none is configured.
    public static var url: String? {
        ProcessInfo.processInfo.environment["CONCORDAT_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A hot standby streaming from that server (`CONCORDAT_TEST_POSTGRES_STANDBY`), for the failover test.
    public static var standbyURL: String? {
        ProcessInfo.processInfo.environment["CONCORDAT_TEST_POSTGRES_STANDBY"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `url` with its host and port replaced by `server`'s: the same database on another server.
    public static func url(_ url: String, on server: String) -> String {
        var components = URLComponents(string: url)!
        let other = URLComponents(string: server)!
        components.host = other.host
        components.port = other.port
        return components.string!
    }

    /// How many tests may hold a database of their own at once. Swift Testing runs tests in parallel; a
    /// few dozen creating, migrating and dropping databases together can keep each other waiting past the
    /// store's connection wait, which then reports the server unavailable though it is only busy.
    static let gate = DatabaseGate(places: 4)

    /// Runs `body` with the URL of a new, empty database, dropped afterwards whatever happens.
    public static func withDatabase<Result>(_ body: (String) async throws -> Result) async throws -> Result {
        await gate.enter()
        do {
            let result = try await withOwnDatabase(body)
            await gate.leave()
            return result
        } catch {
            await gate.leave()
            throw error
        }
    }

    private static func withOwnDatabase<Result>(_ body: (String) async throws -> Result) async throws -> Result {
        guard let url else { throw StoreError.unavailable("CONCORDAT_TEST_POSTGRES is not set") }
        let name = "concordat_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await administer("CREATE DATABASE \(name)", on: url)
        var components = URLComponents(string: url)!
        components.path = "/" + name
        // The test's own outcome stands whether or not the drop succeeds: a database left behind is
        // only untidy, and `.ci/run` starts every run on a new server.
        let outcome: Swift.Result<Result, any Error>
        do { outcome = .success(try await body(components.string!)) } catch { outcome = .failure(error) }
        try? await administer("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: url)
        return try outcome.get()
    }

    /// Runs one administrative statement, retried a few times: on a server busy with many tests creating
    /// and dropping databases at once, PostgreSQL may briefly refuse (for example "source database is being
    /// accessed by other users"), which is not what any test is about. The last failure is thrown with
    /// the server's own words, not PostgresNIO's generic description.
    static func administer(_ sql: String, on url: String) async throws {
        var attempt = 0
        while true {
            attempt += 1
            do {
                try await admin(url) { client in _ = try await client.query(PostgresQuery(unsafeSQL: sql)) }
                return
            } catch {
                guard attempt < 5 else {
                    throw AdministrationFailed(statement: sql, attempts: attempt, reason: String(reflecting: error))
                }
                try await Task.sleep(for: .milliseconds(250 << attempt))
            }
        }
    }

    /// An administrative statement that failed every attempt, with the server's reason.
    public struct AdministrationFailed: Error, CustomStringConvertible {
        /// The statement.
        public var statement: String
        /// How many times it was tried.
        public var attempts: Int
        /// What PostgreSQL or PostgresNIO said, in full.
        public var reason: String
        /// The statement, its attempts and the last reason, for the test report.
        public var description: String { "\(statement) failed \(attempts) times: \(reason)" }
    }

    /// Runs `body` with a client connected to the configured database.
    public static func admin<Result>(_ url: String, _ body: (PostgresClient) async throws -> Result) async throws
        -> Result
    {
        let client = PostgresClient(configuration: try PostgresStore.configuration(url: url))
        let task = Task { await client.run() }
        defer { task.cancel() }
        return try await body(client)
    }
}

/// A counting semaphore for async tests: at most `places` holders at once, the rest wait in order.
actor DatabaseGate {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(places: Int) { free = places }

    /// Waits for a place.
    func enter() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Gives a place back, to the longest waiter if any.
    func leave() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
