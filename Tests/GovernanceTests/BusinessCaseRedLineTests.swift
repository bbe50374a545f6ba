import ConcordatCore
import Foundation
import Governance
import Testing

@Suite("Business cases: the Green Book and Section 151 red lines computed from the attached case")
struct BusinessCaseRedLineTests {
    static let greenBook = RedLine(party: "party-1", name: "Green Book", condition: .greenBookAppraisal)
    static let section151 = RedLine(
        party: "party-1", name: "Section 151", condition: .section151(threshold: 0.1, partner: "886"))

    /// A case with discounting, optimism bias and a tornado, and party-1's (as 886) breach probability.
    static func businessCase(
        discounted: Bool = true, biased: Bool = true, tornado: Bool = true, breaches: Int = 2, runs: Int = 100
    ) -> BusinessCase {
        BusinessCase(
            id: "BC-1", title: "East Kent frailty", strategic: "Shift care home first", commercial: "KCHFT provides",
            management: .init(
                text: "Programme board",
                milestones: [
                    .init(
                        id: "BC1-M1", title: "Teams recruited", workstream: "Frailty", owner: "Director",
                        due: Day(year: 2027, month: 6, day: 1)!)
                ],
                risks: [
                    .init(
                        id: "BC1-R1", title: "Recruitment", owner: "Director", area: "east-kent", likelihood: 3,
                        consequence: 4)
                ]),
            economic: EconomicAppraisal(
                discounting: discounted ? "STPR" : nil, discountFactors: discounted ? [1, 0.9662] : [1, 1],
                businessAsUsual: "BAU",
                options: [
                    .init(
                        name: "S", additionalPresentCostPence: 100, additionalPresentBenefitPence: 150,
                        presentOptimismBiasPence: 29, netPresentSocialValuePence: 50, benefitCostRatio: 1.5)
                ], appraised: "S",
                optimismBias: biased
                    ? .init(projectType: "outsourcing", capital: 0, operating: 0.41, reason: nil) : nil,
                tornado: tornado
                    ? [
                        .init(
                            parameter: "fraction", low: 0.05, central: 0.1, high: 0.15, npsvAtLowPence: -10,
                            npsvAtHighPence: 90)
                    ]
                    : [],
                switchingValues: [.init(parameter: "fraction", central: 0.1, value: 0.06)]),
            financial: FinancialPosition(
                partners: [.init(partner: "886", years: [.init(year: 2027, cashPence: 10, budgetPence: 12)])],
                breaches: [
                    .init(
                        partner: "886", runs: runs, breaches: breaches, headroomPence: 12, intervalLow: 0,
                        intervalHigh: 0.1)
                ]),
            author: "analyst", organisation: "party-1", created: Date(timeIntervalSince1970: 0))
    }

    static func determination(_ outcome: Section151Determination.Outcome, by council: String = "party-1")
        -> Section151Determination
    {
        .init(
            businessCase: "BC-1", council: council, username: "s151", at: Date(timeIntervalSince1970: 0),
            outcome: outcome, reason: "within the medium-term financial plan")
    }

    static func proposal(_ attached: AttachedBusinessCase?) -> Proposal {
        var proposal = DecisionTests.proposal
        proposal.businessCase = attached
        return proposal
    }

    @Test("no case attached: both red lines are breached, whatever the old tick says")
    func noCase() throws {
        let proposal = Self.proposal(nil)
        #expect(proposal.hasGreenBookBusinessCase)
        #expect(Self.greenBook.breach(by: proposal) == "no business case is attached")
        #expect(Self.section151.breach(by: proposal) == "no business case is attached")
        let mou = try DecisionTests.memorandum(redLines: [Self.greenBook, Self.section151])
        #expect {
            try VoteCount.count(
                proposal, votes: DecisionTests.votes(yes: 14, no: 0), present: DecisionTests.parties, memorandum: mou)
        } throws: { "\($0)".contains("Green Book") }
    }

    @Test(
        "a case with discounting, optimism bias and sensitivity meets the Green Book line; each one missing breaches it"
    )
    func greenBookFromCase() {
        let full = Self.businessCase().attachment(determinations: [])
        #expect(Self.greenBook.breach(by: Self.proposal(full)) == nil)
        #expect(Self.greenBook.judgement(of: Self.proposal(full)).why.contains("tests sensitivity"))
        let noSensitivity = Self.businessCase(tornado: false).attachment(determinations: [])
        #expect(Self.greenBook.breach(by: Self.proposal(noSensitivity))?.contains("no sensitivity analysis") == true)
        let noBias = Self.businessCase(biased: false).attachment(determinations: [])
        #expect(Self.greenBook.breach(by: Self.proposal(noBias))?.contains("no optimism bias") == true)
        let undiscounted = Self.businessCase(discounted: false).attachment(determinations: [])
        #expect(Self.greenBook.breach(by: Self.proposal(undiscounted))?.contains("no discounting") == true)
    }

    @Test("Section 151: a determination of affordable and a breach probability under the threshold are both needed")
    func section151FromCase() {
        let undetermined = Self.businessCase().attachment(determinations: [])
        #expect(Self.section151.breach(by: Self.proposal(undetermined))?.contains("no determination") == true)
        let affordable = Self.businessCase().attachment(determinations: [Self.determination(.affordable)])
        #expect(Self.section151.breach(by: Self.proposal(affordable)) == nil)
        #expect(Self.section151.judgement(of: Self.proposal(affordable)).why.contains("2% is under 10%"))
        let refused = Self.businessCase().attachment(determinations: [Self.determination(.notAffordable)])
        #expect(Self.section151.breach(by: Self.proposal(refused))?.contains("not affordable") == true)
        // Over the threshold: breached even with a determination of affordable.
        let risky = Self.businessCase(breaches: 25).attachment(determinations: [Self.determination(.affordable)])
        #expect(
            Self.section151.breach(by: Self.proposal(risky))?.contains("25%, not under the threshold of 10%") == true)
        // Exactly at the threshold is not under it.
        let edge = Self.businessCase(breaches: 10).attachment(determinations: [Self.determination(.affordable)])
        #expect(Self.section151.breach(by: Self.proposal(edge)) != nil)
        // Another council's determination does not count for this one.
        let other = Self.businessCase().attachment(determinations: [Self.determination(.affordable, by: "party-2")])
        #expect(Self.section151.breach(by: Self.proposal(other))?.contains("no determination") == true)
        // The latest determination counts.
        let changed = Self.businessCase().attachment(
            determinations: [Self.determination(.notAffordable), Self.determination(.affordable)])
        #expect(Self.section151.breach(by: Self.proposal(changed)) == nil)
    }

    @Test("a red line applies only to its kinds of decision and while in force")
    func scope() {
        var line = Self.greenBook
        line.appliesTo = [.serviceRedesign]
        #expect(line.breach(by: Self.proposal(nil)) == nil)
        #expect(line.judgement(of: Self.proposal(nil)).why.contains("does not apply"))
        line.appliesTo = nil
        line.inForceFrom = Day(year: 2026, month: 12, day: 1)!
        #expect(line.breach(by: Self.proposal(nil)) == nil)  // tabled in 2018
        line.inForceFrom = nil
        line.inForceUntil = Day(year: 2018, month: 5, day: 31)!
        #expect(line.breach(by: Self.proposal(nil)) == nil)
        line.inForceUntil = Day(year: 2018, month: 6, day: 1)!
        #expect(line.breach(by: Self.proposal(nil)) != nil)
    }

    @Test("hostile text: a megabyte title, control characters, bad scores and repeated references are refused by field")
    func hostileText() {
        var huge = Self.businessCase()
        huge.title = String(repeating: "x", count: 1_000_000)
        #expect(huge.refusal()?.field == "title")
        var control = Self.businessCase()
        control.strategic = "line\u{0}break"
        #expect(control.refusal()?.field == "strategic")
        var score = Self.businessCase()
        score.management.risks[0].likelihood = 6
        #expect(score.refusal()?.field == "management.risks[0].likelihood")
        var repeated = Self.businessCase()
        repeated.management.milestones.append(repeated.management.milestones[0])
        #expect(repeated.refusal()?.field == "management.milestones")
        #expect(Self.businessCase().refusal() == nil)
    }

    @Test("old proposals decode without a case or sponsor; a proposal keeps its attached case through JSON")
    func decoding() throws {
        let old =
            #"{"id":"EK-9","title":"Pool","type":"engagement","tabled":"2018-06-14","hasGreenBookBusinessCase":true}"#
        let proposal = try JSONDecoder().decode(Proposal.self, from: Data(old.utf8))
        #expect(proposal.hasGreenBookBusinessCase && proposal.businessCase == nil && proposal.sponsor == nil)
        let attached = Self.proposal(Self.businessCase().attachment(determinations: [Self.determination(.affordable)]))
        let round = try JSONDecoder().decode(Proposal.self, from: try JSONEncoder().encode(attached))
        #expect(round == attached)
        // Old memoranda with the tick red line still decode and judge by the tick.
        let tick = RedLine(party: "p", name: "GB", condition: .greenBookBusinessCase)
        #expect(tick.breach(by: Self.proposal(nil)) == nil)
    }
}
