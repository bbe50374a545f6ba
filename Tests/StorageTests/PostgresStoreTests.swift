import ConcordatCore
import ConcordatTestSupport
import Foundation
import Governance
import Ingest
import Logging
import PostgresNIO
import ServiceLifecycle
import Testing

@testable import Storage

@Suite("PostgreSQL specifics", .enabled(if: TestPostgres.url != nil, "CONCORDAT_TEST_POSTGRES names no server"))
struct PostgresStoreTests {
    @Test("URLs: user, password, port, database and sslmode are read; anything else is a clear error")
    func urls() throws {
        let configuration = try PostgresStore.configuration(
            url: "postgres://ana:s%40cret@db.example:6543/kent?sslmode=disable")
        #expect(configuration.host == "db.example" && configuration.port == 6543)
        #expect(configuration.username == "ana" && configuration.password == "s@cret")
        #expect(configuration.database == "kent")
        for bad in ["mysql://x@y/z", "postgres:///nohost", "postgres://host/db", "postgres://u@h/d?sslmode=maybe"] {
            #expect { try PostgresStore.configuration(url: bad) } throws: { ($0 as? StoreError)?.code == .unavailable }
        }
        #expect(PostgresStore.redacted("postgres://ana:secret@h/d") == "postgres://ana:***@h/d")
    }

    @Test(
        "a server that cannot be reached is 'unavailable' after the store's own wait, not a hang",
        .timeLimit(.minutes(15)))
    func unreachable() async throws {
        // The store's wait is its own (2 s here), not the suite's CONCORDAT_POSTGRES_WAIT; the error names
        // it, so it came from the wait and not from something slower. The time limit is the "not a hang":
        // how long the wait takes on the clock depends on how busy the machine is, which a benchmark, not a
        // test, should measure (in CI, with hundreds of tests beside it, sleeping tasks wake late).
        await #expect {
            try await PostgresStore.withStore(
                url: "postgres://nobody@127.0.0.1:1/none?sslmode=disable", connectionWait: .seconds(2)
            ) { store in
                try await store.userCount()
            }
        } throws: {
            guard let error = $0 as? StoreError else { return false }
            return error.code == .unavailable
                && error.message == "the PostgreSQL database cannot be reached: no connection within 2.0 seconds"
        }
    }

    @Test("run as a server's service, the store serves until graceful shutdown and then closes its connections")
    func service() async throws {
        try await TestPostgres.withDatabase { url in
            let store = try PostgresStore(url: url)
            let group = ServiceGroup(configuration: .init(services: [store], logger: Logger(label: "test")))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                #expect(try await store.userCount() == 0)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            // The client's task ended with the group: a call now fails at once, saying why.
            let started = ContinuousClock.now
            await #expect {
                try await store.userCount()
            } throws: {
                ($0 as? StoreError)?.code == .unavailable
                    && ($0 as? StoreError)?.message.hasPrefix("the store is not running: it has stopped") == true
            }
            #expect(ContinuousClock.now - started < store.connectionWait)
            // A store is run once: running it again is refused rather than reconnecting behind the caller.
            await #expect(throws: StoreError.self) { try await store.run() }
        }
    }

    @Test("a call made before the store runs waits for it, and is answered once run() has migrated")
    func callBeforeRun() async throws {
        try await TestPostgres.withDatabase { url in
            let store = try PostgresStore(url: url)
            let group = ServiceGroup(configuration: .init(services: [store], logger: Logger(label: "test")))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                // The call is made first (its task is started before the store's), and waits at the gate.
                let early = Task { try await store.userCount() }
                try await Task.sleep(for: .milliseconds(200))
                tasks.addTask { try await group.run() }
                #expect(try await early.value == 0)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }
    }

    @Test("a store that is never run refuses calls with 'the store is not running', within the connection wait")
    func neverRun() async throws {
        try await TestPostgres.withDatabase { url in
            let store = try PostgresStore(url: url)
            await #expect {
                try await store.userCount()
            } throws: {
                ($0 as? StoreError)?.code == .unavailable
                    && ($0 as? StoreError)?.message.hasPrefix("the store is not running: it did not start") == true
            }
        }
    }

    @Test("a store whose migration fails passes the failure to the calls waiting for it")
    func failedStart() async throws {
        let store = try PostgresStore(url: "postgres://nobody@127.0.0.1:1/none?sslmode=disable")
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await store.run() }
            await #expect {
                try await store.userCount()
            } throws: {
                ($0 as? StoreError)?.message.hasPrefix("the PostgreSQL database cannot be reached") == true
                    || ($0 as? StoreError)?.message.hasPrefix("the store is not running") == true
            }
            await #expect(throws: StoreError.self) { try await tasks.waitForAll() }
        }
    }

    @Test("a store opened for the length of a body is closed after it, also when it throws")
    func scoped() async throws {
        struct Stop: Error {}
        try await TestPostgres.withDatabase { url in
            let count = try await PostgresStore.withStore(url: url) { store in try await store.userCount() }
            #expect(count == 0)
            await #expect(throws: Stop.self) {
                try await PostgresStore.withStore(url: url) { store -> Int in
                    _ = try await store.userCount()
                    throw Stop()
                }
            }
        }
    }

    @Test("two instances starting together migrate once; a reopened database keeps its data")
    func migrations() async throws {
        try await TestPostgres.withDatabase { url in
            let (one, two) = (try PostgresStore(url: url), try PostgresStore(url: url))
            let group = ServiceGroup(configuration: .init(services: [one, two], logger: Logger(label: "test")))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                try await one.replaceSystem(try BundledPacks.llrSystem.get())
                #expect(try await two.loadSystem()?.code == "LLR")
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            let reopened = try await PostgresStore.withStore(url: url) { try await $0.loadSystem()?.code }
            #expect(reopened == "LLR")
            try await TestPostgres.admin(url) { client in
                let rows = try await client.query("SELECT count(*) FROM concordat_migration").collect()
                #expect(try rows.first?.decode(Int.self) == PostgresStore.migrations.count)
            }
        }
    }

    @Test("the register refuses updates, deletes and truncation, even from outside Concordat")
    func appendOnly() async throws {
        try await TestPostgres.withDatabase { url in
            try await PostgresStore.withStore(url: url) { store in try await Self.expectAppendOnly(store, url: url) }
        }
    }

    static func expectAppendOnly(_ store: PostgresStore, url: String) async throws {
        let day = Day(year: 2018, month: 1, day: 1)!
        let memorandum = try MemorandumOfUnderstanding(
            seats: ["a", "b", "c"].map { .init(organisation: $0, kind: .party, joined: day) },
            rule: .simpleMajority(quorum: 2), joiningWindow: day...day)
        try await store.adoptMemorandum(memorandum, routes: RatificationRoutes(routes: [:]), detail: "adopted")
        let entries = try await store.registerEntries()
        try await TestPostgres.admin(url) { client in
            for forgery in [
                "UPDATE register_entry SET detail = 'forged'", "DELETE FROM register_entry",
                "TRUNCATE register_entry",
            ] {
                await #expect(throws: PSQLError.self) { try await client.query(PostgresQuery(unsafeSQL: forgery)) }
            }
        }
        #expect(try await store.registerEntries() == entries)
    }
}
