import ConcordatCore
import Foundation
import Governance
import Ingest
import Partnership
import Storage
import SystemPack
import Testing

@Suite("The secretariat's business")
struct SecretariatTests {
    static let secretary = PoolPaymentTests.actor("secretary", .boardSecretary, for: nil)

    static let proposal = Proposal(
        id: "EK-1", title: "Pool community services budgets", type: .engagement,
        tabled: Day(year: 2026, month: 6, day: 1)!, hasGreenBookBusinessCase: true, hasExitArrangements: true)

    /// A store with Kent & Medway and the East Kent memorandum adopted; the memorandum's parties.
    static func store() async throws -> (SQLiteStore, HealthSystem, [String]) {
        let kent = try PoolPaymentTests.kent.get()
        let store = try SQLiteStore()
        try await store.replaceSystem(kent)
        let adopted = try #require(try PackLoader.bundled("kent-medway").memorandum)
        let memorandum = try adopted.memorandum()
        try await store.adoptMemorandum(memorandum, routes: adopted.routes, detail: "adopted")
        return (store, kent, memorandum.seats.filter { $0.kind == .party }.map(\.organisation))
    }

    @Test("the secretariat tables, records a meeting's votes and a ratification; each is sealed in the register")
    func tableVoteRatify() async throws {
        let (store, kent, parties) = try await Self.store()
        let secretariat = Secretariat(store: store)
        let tabled = try await secretariat.table(Self.proposal, plannedSpends: [], in: kent, by: Self.secretary)
        #expect(tabled.decision.id == "EK-1")
        await #expect(throws: StoreError.self) {
            try await secretariat.table(Self.proposal, plannedSpends: [], in: kent, by: Self.secretary)
        }
        let votes = parties.map { Vote(organisation: $0, choice: .yes) }
        let voted = try await secretariat.recordVotes(
            votes, present: parties, overrides: [], on: "EK-1", by: Self.secretary)
        #expect(voted.decision.outcome?.agreedInPrinciple == true)
        let party = parties[0]
        let ratification = Ratification(
            party: party, body: voted.routes.body(for: party, type: Self.proposal.type),
            date: Day(year: 2026, month: 7, day: 1)!, minuteReference: "M/1", ratified: true)
        // An organisation records its own ratification only.
        await #expect(throws: ActionRefused.self) {
            try await secretariat.ratify(
                ratification, of: "EK-1", by: PoolPaymentTests.actor("other", .boardSecretary, for: parties[1]))
        }
        _ = try await secretariat.ratify(ratification, of: "EK-1", by: Self.secretary)
        let entries = try await store.registerEntries()
        #expect(entries.map(\.kind) == [.memorandum, .proposal, .vote, .ratification])
        #expect(entries[1].detail.hasPrefix("tabled: Pool community services budgets (engagement)"))
        #expect(entries[3].detail.hasPrefix("\(party)'s \(ratification.body) ratified on"))
        #expect(try await store.auditRegister().verifies)
    }

    @Test("an organisation's account records only its own seat's vote: a refused vote writes no register entry")
    func refusedVote() async throws {
        let (store, kent, parties) = try await Self.store()
        let secretariat = Secretariat(store: store)
        _ = try await secretariat.table(Self.proposal, plannedSpends: [], in: kent, by: Self.secretary)
        let before = try await store.registerEntries()
        let votes = parties.map { Vote(organisation: $0, choice: .yes) }
        for actor in [
            PoolPaymentTests.actor("kcc-sec", .boardSecretary, for: parties[0]),
            PoolPaymentTests.actor("kcc-rep", .partnerRepresentative, for: parties[0]),
            PoolPaymentTests.actor("analyst", .analyst, for: nil),
        ] {
            await #expect(throws: ActionRefused.self) {
                try await secretariat.recordVotes(votes, present: parties, overrides: [], on: "EK-1", by: actor)
            }
        }
        // A vote the count refuses (an organisation with no seat) records nothing either.
        await #expect(throws: VoteCount.Refusal.self) {
            try await secretariat.recordVotes(
                votes + [Vote(organisation: "not-a-member", choice: .yes)], present: parties, overrides: [],
                on: "EK-1", by: Self.secretary)
        }
        #expect(try await store.registerEntries() == before)
        #expect(try await store.decision("EK-1")?.outcome == nil)
    }

    @Test("a representative casts their own organisation's ballot only; the secretariat closes the vote")
    func ballots() async throws {
        let (store, kent, parties) = try await Self.store()
        let secretariat = Secretariat(store: store)
        _ = try await secretariat.table(Self.proposal, plannedSpends: [], in: kent, by: Self.secretary)
        await #expect(throws: Secretariat.Refusal.notARepresentative) {
            try await secretariat.castBallot(.yes, on: "EK-1", by: Self.secretary)
        }
        await #expect(throws: ActionRefused.self) {
            try await secretariat.castBallot(
                .yes, on: "EK-1", by: PoolPaymentTests.actor("kcc-fin", .finance, for: parties[0]))
        }
        for party in parties {
            _ = try await secretariat.castBallot(
                .yes, on: "EK-1", by: PoolPaymentTests.actor("rep-\(party)", .partnerRepresentative, for: party))
        }
        await #expect(throws: ActionRefused.self) {
            try await secretariat.closeVote(
                on: "EK-1", by: PoolPaymentTests.actor("rep", .partnerRepresentative, for: parties[0]))
        }
        let closed = try await secretariat.closeVote(on: "EK-1", by: Self.secretary)
        #expect(closed.decision.outcome?.agreedInPrinciple == true)
        let entries = try await store.registerEntries()
        #expect(entries.filter { $0.kind == .ballot }.count == parties.count)
        #expect(entries.last?.kind == .vote)
        #expect(
            entries.first { $0.kind == .ballot }?.detail.hasPrefix(
                "\(parties[0]) voted yes (cast by its representative)") == true)
        #expect(try await store.auditRegister().verifies)
    }

    @Test("joining and withdrawing adopt the memorandum's next version; a late join without a reopening is refused")
    func membership() async throws {
        let (store, _, parties) = try await Self.store()
        let secretariat = Secretariat(store: store)
        let late = MemorandumOfUnderstanding.Seat(
            organisation: "newcomer", kind: .adviser, joined: Day(year: 2026, month: 1, day: 5)!)
        await #expect(throws: (any Error).self) {
            try await secretariat.join(late, reopenedBy: nil, by: Self.secretary)
        }
        await #expect(throws: Secretariat.Refusal.notAReopening("EK-9")) {
            try await secretariat.join(late, reopenedBy: "EK-9", by: Self.secretary)
        }
        await #expect(throws: ActionRefused.self) {
            try await secretariat.withdraw(
                parties[0], effective: Day(year: 2026, month: 9, day: 1)!, exitArrangements: "none",
                by: PoolPaymentTests.actor("finance", .finance, for: nil))
        }
        #expect(try await store.registerEntries().count == 1)
        let (next, _) = try await secretariat.withdraw(
            parties[0], effective: Day(year: 2026, month: 9, day: 1)!, exitArrangements: "services transfer",
            by: Self.secretary)
        #expect(next.version == 2)
        let entry = try #require(try await store.registerEntries().last)
        #expect(entry.kind == .memorandum && entry.subject == "version 2")
        #expect(
            entry.detail == "\(parties[0]) withdrew with effect from 2026-09-01; exit arrangements: services transfer")
    }

    @Test("nothing is recorded before a memorandum is adopted")
    func noMemorandum() async throws {
        let kent = try PoolPaymentTests.kent.get()
        let store = try SQLiteStore()
        try await store.replaceSystem(kent)
        await #expect(throws: Secretariat.Refusal.noMemorandum) {
            try await Secretariat(store: store).table(Self.proposal, plannedSpends: [], in: kent, by: Self.secretary)
        }
        #expect(try await store.registerEntries().isEmpty)
        #expect(try await store.decisions().isEmpty)
    }
}
