import ConcordatCore
import ConcordatTestSupport
import Foundation
import PostgresNIO
import Storage
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The failover `docs/DEPLOYMENT.md` describes, done for real: a server takes payments on the primary; the
/// hot standby (streaming replication, `.ci/postgres-standby`) catches up and is promoted; the server
/// started against it finds every acknowledged payment and goes on taking them.
@Suite("Failover to a streaming standby", .serialized)
struct FailoverTests {
    /// The WAL position `client`'s server has reached, as text.
    static func position(_ client: PostgresClient, _ sql: String) async throws -> String {
        try await client.query(PostgresQuery(unsafeSQL: sql)).collect().first!.decode(String.self)
    }

    @Test(
        "every acknowledged payment is on the promoted standby, and the server goes on there",
        .enabled(
            if: TestPostgres.url != nil && TestPostgres.standbyURL != nil,
            "CONCORDAT_TEST_POSTGRES_STANDBY names no standby"))
    func failover() async throws {
        // PostgresNIO's errors describe themselves only when reflected.
        do { try await run() } catch { Issue.record("\(String(reflecting: error))") }
    }

    func run() async throws {
        let standby = try #require(TestPostgres.standbyURL)
        let folder = try ConcordatProcess.temporaryFolder("failover")
        defer { try? FileManager.default.removeItem(at: folder) }
        let recovering = try await TestPostgres.admin(standby) { client in
            try await client.query("SELECT pg_is_in_recovery()").collect().first!.decode(Bool.self)
        }
        try #require(recovering, "the standby was already promoted: run `bash .ci/postgres-standby` again")
        try await TestPostgres.withDatabase { database in
            let running = try await PayingServer.start(database: database, in: folder)
            var acknowledged = 0
            for _ in 0..<25 where await running.pay() == 201 { acknowledged += 1 }
            #expect(acknowledged == 25)
            // The primary is lost: the server stops, and the standby is promoted once it has caught up.
            running.stop()
            let written = try await TestPostgres.admin(TestPostgres.url!) { client in
                try await Self.position(client, "SELECT pg_current_wal_lsn()::text")
            }
            try await TestPostgres.admin(standby) { client in
                var caughtUp = false
                for _ in 0..<100 where !caughtUp {
                    caughtUp = try await client.query(
                        PostgresQuery(
                            unsafeSQL: "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '\(written)'::pg_lsn) >= 0")
                    ).collect().first!.decode(Bool.self)
                    if !caughtUp { try await Task.sleep(for: .milliseconds(100)) }
                }
                #expect(caughtUp, "the standby did not replay the primary's WAL")
                _ = try await client.query("SELECT pg_promote()").collect()
            }
            let promoted = TestPostgres.url(database, on: standby)
            let port = ConcordatProcess.freePort()
            let (server, _) = try ConcordatProcess.start(
                ["serve", "--database", promoted], in: folder, environment: ["CONCORDAT_PORT": String(port)])
            let after = PayingServer(server: server, port: port)
            defer { after.stop() }
            var ready = false
            for _ in 0..<100 where !ready {
                try await Task.sleep(for: .milliseconds(100))
                ready = await after.status("/health") == 200
            }
            try #require(ready, "the server did not start on the promoted standby")
            #expect(await after.pay() == 201)
            let account = try await PostgresStore.withStore(url: promoted) { store in
                try await store.poolAccount(code: "test-pool")
            }
            #expect(account.payments.count == acknowledged + 1)
            #expect(account.spent + account.balance == PayingServer.pool.total)
            let verify = try ConcordatProcess.run(["audit", "verify", "--database", promoted], in: folder)
            #expect(verify.status == 0, "\(verify.output)")
        }
    }
}
