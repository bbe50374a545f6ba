import ConcordatCore
import Foundation
import Governance
import Testing

@Suite("Proposals as JSON")
struct ProposalDecodingTests {
    @Test("a client sends only what it knows: flags default to false and breaches to none; a round trip is exact")
    func lenient() throws {
        let minimal = try JSONDecoder().decode(
            Proposal.self, from: Data(#"{"id":"P1","title":"Pool","type":"engagement","tabled":"2026-11-01"}"#.utf8))
        #expect(
            minimal == Proposal(id: "P1", title: "Pool", type: .engagement, tabled: Day(year: 2026, month: 11, day: 1)!)
        )
        let full = Proposal(
            id: "P2", title: "Transfer", type: .transferOfDecisionMaking, tabled: Day(year: 2018, month: 6, day: 14)!,
            hasGreenBookBusinessCase: true, createsJointArrangement: true, hasExitArrangements: true,
            ringFenceBreaches: [.init(pool: "kcc-social-care", reason: "only within the KCC area")])
        #expect(try JSONDecoder().decode(Proposal.self, from: try JSONEncoder().encode(full)) == full)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Proposal.self, from: Data(#"{"id":"P1","title":"Pool","type":"engagement"}"#.utf8))
        }
    }
}
