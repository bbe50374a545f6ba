import ConcordatCore
import ConcordatTestSupport
import Foundation
import Governance
import Testing

@Suite("The work programme: phases, late milestones, gateways passed only by a ratified decision")
struct WorkProgrammeTests {
    @Test("the East Kent phases and what is late")
    func phasesAndLate() throws {
        var programme = try #require(BundledPacks.kent.get().programme)
        #expect(programme.phases.map(\.name) == ["Forming", "Mobilising", "Transition", "Fully Operational"])
        #expect(programme.phase(on: Day(year: 2018, month: 6, day: 1)!)?.name == "Transition")
        let day = Day(year: 2018, month: 4, day: 1)!
        let late = programme.late(on: day)
        #expect(late.first?.title == "Decide scope of collective functions during transition")
        #expect(late.allSatisfy { $0.due < day })
        programme = try programme.updating(late[0].id, status: .done, on: day)
        #expect(!programme.late(on: day).contains { $0.id == late[0].id })
        #expect(throws: WorkProgramme.Refusal.self) { try programme.updating("M99", status: .done, on: day) }
    }

    @Test("a gateway opens only for a gateway decision every party has ratified")
    func gateways() throws {
        let day = Day(year: 2018, month: 3, day: 20)!
        let memorandum = try MemorandumOfUnderstanding(
            seats: ["a", "b", "c"].map {
                .init(organisation: $0, kind: .party, joined: Day(year: 2017, month: 11, day: 1)!)
            },
            rule: .simpleMajority(quorum: 2), joiningWindow: Day(year: 2017, month: 11, day: 1)!...day)
        let routes = RatificationRoutes(routes: [:])
        let proposal = Proposal(id: "G2-go", title: "Enter Transition", type: .gateway, tabled: day)
        var record = try DecisionRecord(proposal: proposal).voted(
            ["a", "b", "c"].map { Vote(organisation: $0, choice: .yes) }, present: ["a", "b", "c"], overrides: [],
            memorandum: memorandum)
        let programme = try #require(BundledPacks.kent.get().programme)
        #expect {
            try programme.passing("G2", by: record, memorandum: memorandum, routes: routes, on: day)
        } throws: { "\($0)".contains("agreed in principle") }
        for party in ["a", "b", "c"] {
            record = try record.ratified(
                Ratification(party: party, body: "Board", date: day, minuteReference: "M-\(party)", ratified: true),
                memorandum: memorandum, routes: routes)
        }
        let passed = try programme.passing("G2", by: record, memorandum: memorandum, routes: routes, on: day)
        #expect(passed.gateways.first { $0.id == "G2" }?.passedBy == "G2-go")
        #expect(throws: WorkProgramme.Refusal.self) {
            try passed.passing("G2", by: record, memorandum: memorandum, routes: routes, on: day)
        }
        var other = record
        other.proposal.type = .engagement
        #expect {
            try programme.passing("G2", by: other, memorandum: memorandum, routes: routes, on: day)
        } throws: { "\($0)".contains("not a gateway decision") }
    }
}
