import ConcordatCore
import ConcordatTestSupport
import Foundation
import GRDB
import Governance
import PostgresNIO
import Storage
import Testing

@Suite("Store contract: the register's head record and the audit")
struct RegisterAuditStoreTests {
    /// An adapter whose database can also be reached from outside Concordat, as a tamperer would.
    enum Adapter: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case sqlite = "SQLite"
        case postgres = "PostgreSQL"

        var testDescription: String { rawValue }

        static var allCases: [Adapter] { TestPostgres.url == nil ? [.sqlite] : [.sqlite, .postgres] }

        /// Runs `body` with a fresh store and a way to run SQL on its database from outside.
        func withStore(
            _ body: (any Store, _ tamper: @escaping @Sendable (String) async throws -> Void) async throws -> Void
        )
            async throws
        {
            switch self {
            case .sqlite:
                let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "concordat-\(UUID().uuidString).sqlite"
                ).path
                defer {
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                }
                let store = try SQLiteStore(path: path)
                try await body(store) { sql in
                    let queue = try DatabaseQueue(path: path)
                    try await queue.write { db in try db.execute(sql: sql) }
                    try queue.close()
                }
            case .postgres:
                try await TestPostgres.withDatabase { url in
                    try await PostgresStore.withStore(url: url) { store in
                        try await body(store) { sql in
                            try await TestPostgres.admin(url) { client in
                                for statement in sql.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                                    try await client.query(PostgresQuery(unsafeSQL: String(statement)))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adopts a memorandum, tables P1 and votes on it (a yes, b yes, c no): four register entries.
    static func decided(_ store: any Store) async throws -> MemorandumOfUnderstanding {
        let memorandum = try GovernanceStoreTests.memorandum()
        try await store.adoptMemorandum(memorandum, routes: RatificationRoutes(routes: [:]), detail: "adopted")
        let proposal = Proposal(id: "P1", title: "Test", type: .engagement, tabled: GovernanceStoreTests.day)
        _ = try await store.updateDecision("P1") { _ in (DecisionRecord(proposal: proposal), .proposal, "tabled") }
        _ = try await store.updateDecision("P1") { existing in
            let voted = try existing!.voted(
                [
                    Vote(organisation: "a", choice: .yes), Vote(organisation: "b", choice: .yes),
                    Vote(organisation: "c", choice: .no),
                ], present: ["a", "b", "c"], overrides: [], memorandum: memorandum)
            return (voted, .vote, "2 of 3 for")
        }
        return memorandum
    }

    @Test(
        "the head record moves with every append, and an untouched register audits clean", arguments: Adapter.allCases)
    func headMoves(adapter: Adapter) async throws {
        try await adapter.withStore { store, _ in
            #expect(try await store.registerHeadRecord() == DecisionRegister.Head.empty)
            _ = try await Self.decided(store)
            let entries = try await store.registerEntries()
            #expect(entries.count == 3)
            #expect(try await store.registerHeadRecord() == DecisionRegister.Head(count: 3, hash: entries[2].hash))
            let audit = try await store.auditRegister()
            #expect(audit.findings == [])
            // The vote's entry carries the decision's seal.
            #expect(RegisterAudit.seal(in: entries[2].detail) != nil)
        }
    }

    @Test(
        "dropping the trigger and deleting the last entry leaves a chain that verifies, but the audit names the head",
        arguments: Adapter.allCases)
    func truncation(adapter: Adapter) async throws {
        try await adapter.withStore { store, tamper in
            _ = try await Self.decided(store)
            try await tamper(
                """
                DROP TRIGGER register_entry_no_delete\(adapter == .postgres ? " ON register_entry" : "");
                DELETE FROM register_entry WHERE sequence = (SELECT MAX(sequence) FROM register_entry)
                """)
            let entries = try await store.registerEntries()
            #expect(entries.count == 2)
            #expect(DecisionRegister(entries: entries).firstBrokenEntry == nil)  // the chain alone cannot tell
            let audit = try await store.auditRegister()
            #expect(!audit.verifies)
            #expect(
                audit.findings.contains {
                    if case .headMismatch(let head, let chain) = $0 { return head.count == 3 && chain.count == 2 }
                    return false
                })
            #expect(audit.findings.map(\.description).joined().contains("removed"))
            // The decision still shows a vote the register no longer records.
            #expect(audit.findings.contains(.decisionAltered(id: "P1", what: "votes (a vote stored, none recorded)")))
        }
    }

    @Test("the head record refuses to move back, and cannot be deleted", arguments: Adapter.allCases)
    func headGuarded(adapter: Adapter) async throws {
        try await adapter.withStore { store, tamper in
            _ = try await Self.decided(store)
            await #expect(throws: (any Error).self) {
                try await tamper("UPDATE register_head SET count = 2")
            }
            await #expect(throws: (any Error).self) { try await tamper("DELETE FROM register_head") }
            #expect(try await store.registerHeadRecord()?.count == 3)
        }
    }

    @Test("editing a vote in the decision table is found and named", arguments: Adapter.allCases)
    func editedVote(adapter: Adapter) async throws {
        try await adapter.withStore { store, tamper in
            _ = try await Self.decided(store)
            var record = try #require(try await store.decision("P1"))
            record.votes[2].choice = .yes  // c's "no" becomes "yes"
            let hex = try JSONEncoder().encode(record).map { String(format: "%02x", $0) }.joined()
            try await tamper(
                adapter == .postgres
                    ? "UPDATE decision SET document = '\\x\(hex)'::bytea WHERE id = 'P1'"
                    : "UPDATE decision SET document = x'\(hex)' WHERE id = 'P1'")
            #expect(try await store.decision("P1")?.votes[2].choice == .yes)
            let audit = try await store.auditRegister()
            #expect(audit.findings == [.decisionAltered(id: "P1", what: "votes, ballots or ratifications")])
            #expect(audit.findings[0].description.contains("decision P1"))
        }
    }

    @Test("a register entry for a decision removed from the table is found", arguments: Adapter.allCases)
    func removedDecision(adapter: Adapter) async throws {
        try await adapter.withStore { store, tamper in
            _ = try await Self.decided(store)
            try await tamper("DELETE FROM decision WHERE id = 'P1'")
            #expect(try await store.auditRegister().findings == [.decisionMissing(id: "P1")])
        }
    }

    @Test(
        "text over its limit is refused by the store, naming the field, and nothing is written",
        arguments: Adapter.allCases)
    func textLimits(adapter: Adapter) async throws {
        try await adapter.withStore { store, _ in
            _ = try await Self.decided(store)
            let before = try await store.registerEntries()
            let proposal = Proposal(id: "P 2", title: "Spaced", type: .engagement, tabled: GovernanceStoreTests.day)
            await #expect(throws: FieldRefusal(field: "id", reason: TextLimit.identifier.refusal(of: "P 2")!)) {
                _ = try await store.updateDecision("P 2") { _ in (DecisionRecord(proposal: proposal), .proposal, "t") }
            }
            #expect(try await store.registerEntries() == before)
            let risk = Risk(
                id: "R1", title: String(repeating: "x", count: 1_500_000), owner: "o", area: "a", controls: "",
                actions: "", inherent: try RiskScore(likelihood: 3, consequence: 3),
                current: try RiskScore(likelihood: 3, consequence: 3),
                target: try RiskScore(likelihood: 1, consequence: 1), on: GovernanceStoreTests.day)
            do {
                _ = try await store.updateRisk("R1") { _ in risk }
                Issue.record("a 1.5 MB title was stored")
            } catch let refusal as FieldRefusal {
                #expect(refusal.field == "title")
            }
            #expect(try await store.risks().isEmpty)
        }
    }
}
