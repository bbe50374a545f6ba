import ConcordatCore
import Foundation
import Governance
import Testing

@Suite("The tamper-evident decision register and the NPSA risk matrix")
struct RegisterTests {
    @Test("a hash chain verifies; any edit, removal or reordering is found at its entry")
    func chain() {
        var register = DecisionRegister()
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        register.append(kind: .proposal, subject: "EK-1", detail: "Pool community budgets", at: start)
        register.append(kind: .outcome, subject: "EK-1", detail: "10 of 14 for: agreed in principle", at: start + 60)
        register.append(kind: .ratification, subject: "EK-1", detail: "KCC Full Council, minute FC9", at: start + 120)
        #expect(register.firstBrokenEntry == nil)
        #expect(register.entries[1].previousHash == register.entries[0].hash)
        var edited = register.entries
        edited[1].detail = "9 of 14 for: agreed in principle"
        #expect(DecisionRegister(entries: edited).firstBrokenEntry == 2)
        var removed = register.entries
        removed.remove(at: 1)
        #expect(DecisionRegister(entries: removed).firstBrokenEntry == 2)
        let swapped = [register.entries[0], register.entries[2], register.entries[1]]
        #expect(DecisionRegister(entries: swapped).firstBrokenEntry == 2)
        // A forged entry with a recomputed hash still breaks the next link.
        var forged = register.entries
        forged[0].detail = "Something else"
        forged[0].hash = DecisionRegister.hash(
            sequence: 1, recordedAt: forged[0].recordedAt, kind: forged[0].kind, subject: forged[0].subject,
            detail: forged[0].detail, previousHash: forged[0].previousHash)
        #expect(DecisionRegister(entries: forged).firstBrokenEntry == 2)
    }

    @Test("entries are built as stores have always chained them: kinds keep their stored words and hashes")
    func builtEntries() {
        #expect(
            DecisionRegister.Kind.allCases.map(\.rawValue) == [
                "proposal", "vote", "ballot", "outcome", "ratification", "override", "memorandum", "membership",
                "programme", "milestone", "gateway", "risk", "risk-review", "business-case", "business-case-attached",
                "section-151-determination",
            ])
        let at = Date(timeIntervalSince1970: 1_700_000_000)
        let first = DecisionRegister.entry(
            after: nil, .init(kind: .riskReview, subject: "R-1", detail: "re-scored from 12 to 16"), at: at)
        // The hash of the length-prefixed fields, worked outside Swift, of an entry stored before kinds were enums.
        #expect(first.recordedAt == "2023-11-14T22:13:20Z")
        #expect(first.hash == "7fb95e53d6b86168eded864786e88bfb7c70156457f410657daaf18d6a6203bc")
        #expect(first.sequence == 1 && first.previousHash == DecisionRegister.genesis)
        let second = DecisionRegister.entry(after: first, .init(kind: .proposal, subject: "P1", detail: "x"), at: at)
        #expect(second.sequence == 2 && second.previousHash == first.hash)
        #expect(DecisionRegister(entries: [first, second]).firstBrokenEntry == nil)
        var register = DecisionRegister(entries: [first])
        #expect(register.append(.init(kind: .proposal, subject: "P1", detail: "x"), at: at) == second)
    }

    @Test("a decision's entry carries its seal; tabling, votes and ballots are worded as the register has them")
    func decisionDrafts() throws {
        let proposal = Proposal(
            id: "EK-1", title: "Pool budgets", type: .engagement, tabled: Day(year: 2026, month: 1, day: 1)!)
        let record = DecisionRecord(proposal: proposal)
        let draft = DecisionRegister.Draft(decision: record, kind: .proposal, detail: "tabled")
        #expect(draft.subject == "EK-1")
        #expect(RegisterAudit.seal(in: draft.detail) == RegisterAudit.seal(of: record))
        #expect(DecisionRegister.Draft.tabling(proposal).detail == "tabled: Pool budgets (engagement)")
        #expect(
            DecisionRegister.Draft.ballot(Vote(organisation: "kcc", choice: .no), on: "EK-1")
                == .init(kind: .ballot, subject: "EK-1", detail: "kcc voted no (cast by its representative)"))
    }

    @Test("NPSA 2008 bands: 1–3 low, 4–6 moderate, 8–12 high, 15–25 extreme")
    func bands() throws {
        let cases: [(Int, Int, RiskScore.Band)] = [
            (1, 1, .low), (1, 3, .low), (2, 2, .moderate), (2, 3, .moderate), (2, 4, .high), (3, 4, .high),
            (3, 5, .extreme),
            (5, 5, .extreme),
        ]
        for (likelihood, consequence, band) in cases {
            #expect(
                try RiskScore(likelihood: likelihood, consequence: consequence).band == band,
                "\(likelihood)×\(consequence)")
        }
        #expect(throws: RiskScore.Invalid.self) { try RiskScore(likelihood: 6, consequence: 1) }
        #expect(RiskDescriptors.npsa.consequence[4] == "Catastrophic")
    }

    @Test("reviews are monthly (overdue after 31 days); extreme risks escalate a level up")
    func reviewAndEscalate() throws {
        let system = try HealthSystem(
            code: "S", name: "System",
            levels: [
                HierarchyLevel(key: "system", singular: "System", plural: "Systems"),
                HierarchyLevel(key: "place", singular: "Place", plural: "Places"),
                HierarchyLevel(key: "neighbourhood", singular: "PCN", plural: "PCNs"),
            ],
            areas: [
                Area(code: "S", name: "System", level: "system", parentCode: nil),
                Area(code: "P", name: "Place", level: "place", parentCode: "S"),
                Area(code: "N", name: "PCN", level: "neighbourhood", parentCode: "P"),
            ], populations: [:])
        let day = Day(year: 2026, month: 1, day: 10)!
        let risk = Risk(
            id: "R-1", title: "Workforce gaps in district nursing", owner: "N clinical director", area: "N",
            controls: "bank staff", actions: "recruit 6 nurses", inherent: try .init(likelihood: 4, consequence: 4),
            current: try .init(likelihood: 3, consequence: 4), target: try .init(likelihood: 2, consequence: 3), on: day
        )
        #expect(!risk.reviewOverdue(on: day.adding(days: 31)))
        #expect(risk.reviewOverdue(on: day.adding(days: 32)))
        #expect(risk.escalation(in: system) == nil)
        let worse = risk.reviewed(on: day.adding(days: 30), current: try .init(likelihood: 4, consequence: 4))
        #expect(worse.current.band == .extreme)
        #expect(worse.escalation(in: system) == "P")
        #expect(worse.history.map(\.score.score) == [12, 16])
    }
}
