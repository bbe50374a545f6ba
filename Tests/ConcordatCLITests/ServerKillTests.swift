import ConcordatCore
import ConcordatTestSupport
import Finance
import Foundation
import PostgresNIO
import Storage
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Where a test's server keeps its data.
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite = "SQLite"
    case postgres = "PostgreSQL"

    var testDescription: String { rawValue }

    static var allCases: [Backend] { TestPostgres.url == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// Runs `body` with the `--database` value of a fresh store: a file in `folder`, or a new database.
    func withDatabase(in folder: URL, _ body: (String) async throws -> Void) async throws {
        switch self {
        case .sqlite: try await body(folder.appendingPathComponent("concordat.sqlite").path)
        case .postgres: try await TestPostgres.withDatabase(body)
        }
    }
}

/// A server started on a store with a finance user and a pool, and a way to pay out of it over HTTP.
struct PayingServer {
    static let pool = Pool(
        code: "test-pool", name: "Test pool", kind: .aligned, host: "kcc",
        contributions: [.init(partner: "kcc", amount: Money(pence: 1_000_000))])

    let server: Process
    let port: Int

    static func start(database: String, in folder: URL) async throws -> PayingServer {
        let store = ["--database", database]
        #expect(try ConcordatProcess.run(["init"] + store, in: folder).status == 0)
        #expect(
            try ConcordatProcess.run(
                [
                    "user", "add", "--username", "fin", "--role", "finance", "--organisation", "kcc",
                    "--password-stdin", "--cost", "4",
                ] + store,
                in: folder,
                input: "correct horse battery\n"
            ).status == 0)
        try JSONEncoder().encode(pool).write(to: folder.appendingPathComponent("pool.json"))
        #expect(try ConcordatProcess.run(["pool", "add", "pool.json"] + store, in: folder).status == 0)
        let port = ConcordatProcess.freePort()
        let (server, _) = try ConcordatProcess.start(
            ["serve"] + store, in: folder,
            // The server's own short wait, whatever the suite's: the outage test expects 503s promptly.
            environment: ["CONCORDAT_PORT": String(port), "CONCORDAT_POSTGRES_WAIT": "5"])
        let started = PayingServer(server: server, port: port)
        var ready = false
        for _ in 0..<100 where !ready {
            try await Task.sleep(for: .milliseconds(100))
            ready = await started.status("/health") == 200
        }
        try #require(ready)
        return started
    }

    /// The status `path` answers with, or `nil` when nothing answers.
    func status(_ path: String) async -> Int? {
        await ConcordatProcess.get(URL(string: "http://127.0.0.1:\(port)\(path)")!)?.0
    }

    /// Pays 1p out of the pool; the status, or `nil` when nothing answered.
    @Sendable func pay() async -> Int? {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/pools/test-pool/payments")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(
            "Basic " + Data("fin:correct horse battery".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization"
        )
        request.httpBody = Data(
            #"{"partner":"kcc","setting":"community","area":"east-kent","month":"2026-11","amountPence":100}"#.utf8)
        guard let (_, response) = try? await URLSession.shared.data(for: request) else { return nil }
        return (response as? HTTPURLResponse)?.statusCode
    }

    func stop() {
        if server.isRunning { kill(server.processIdentifier, SIGKILL) }
        server.waitUntilExit()
    }
}

/// SIGKILL the server while it is taking payments, then open the store: every acknowledged payment is
/// there, and nothing half-written is visible (the pool's money adds up exactly).
@Suite("The server killed during writes", .serialized)
struct ServerKillTests {
    @Test("every acknowledged payment survives a SIGKILL, and the pool still adds up", arguments: Backend.allCases)
    func killDuringPayments(backend: Backend) async throws {
        let folder = try ConcordatProcess.temporaryFolder("kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await backend.withDatabase(in: folder) { database in
            let running = try await PayingServer.start(database: database, in: folder)
            defer { running.stop() }
            // Twenty acknowledged one by one, then a burst with the kill in the middle of it.
            var acknowledged = 0
            for _ in 0..<20 where await running.pay() == 201 { acknowledged += 1 }
            #expect(acknowledged == 20)
            acknowledged += await withTaskGroup(of: Bool.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        if index == 100 { kill(running.server.processIdentifier, SIGKILL) }
                        return await running.pay() == 201
                    }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            running.server.waitUntilExit()
            let account = try await withRunningStore(database) { store in try await store.poolAccount(code: "test-pool")
            }
            #expect(account.payments.count >= acknowledged)
            #expect(account.spent.pence == Int64(account.payments.count) * 100)
            #expect(account.spent + account.balance == PayingServer.pool.total)
            #expect(account.trace.first.map { $0.spentPence + $0.remainingPence } == 1_000_000)
        }
    }

    @Test(
        "while PostgreSQL refuses connections the server answers 503 problems; it recovers when it returns",
        .enabled(if: TestPostgres.url != nil, "CONCORDAT_TEST_POSTGRES names no server"))
    func databaseOutage() async throws {
        let folder = try ConcordatProcess.temporaryFolder("outage")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TestPostgres.withDatabase { database in
            let name = String(URLComponents(string: database)!.path.dropFirst())
            let running = try await PayingServer.start(database: database, in: folder)
            defer { running.stop() }
            #expect(await running.pay() == 201)
            try await TestPostgres.admin(TestPostgres.url!) { client in
                try await client.query(PostgresQuery(unsafeSQL: "ALTER DATABASE \(name) ALLOW_CONNECTIONS false"))
                try await client.query(
                    PostgresQuery(
                        unsafeSQL:
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'"))
            }
            #expect(await running.status("/health") == 503)
            #expect(await running.status("/api/v1/organisations") == 503)
            #expect(await running.pay() == 503)
            let (status, body) = try #require(
                await ConcordatProcess.get(URL(string: "http://127.0.0.1:\(running.port)/api/v1/pools")!))
            #expect(status == 503)
            #expect(String(decoding: body, as: UTF8.self).contains("unavailable"))
            try await TestPostgres.admin(TestPostgres.url!) { client in
                try await client.query(PostgresQuery(unsafeSQL: "ALTER DATABASE \(name) ALLOW_CONNECTIONS true"))
            }
            var recovered = false
            for _ in 0..<60 where !recovered {
                try await Task.sleep(for: .milliseconds(500))
                recovered = await running.status("/health") == 200
            }
            #expect(recovered)
            #expect(await running.pay() == 201)
            running.stop()
            let payments = try await PostgresStore.withStore(url: database) { store in
                try await store.poolAccount(code: "test-pool").payments.count
            }
            #expect(payments == 2)
        }
    }
}
