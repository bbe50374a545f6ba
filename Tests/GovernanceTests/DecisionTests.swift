import ConcordatCore
import Foundation
import Governance
import Testing

@Suite("The memorandum's rules: seats, votes, ratification, red lines, membership")
struct DecisionTests {
    static let joined = Day(year: 2017, month: 11, day: 30)!
    static let window = Day(year: 2017, month: 11, day: 1)!...Day(year: 2018, month: 3, day: 31)!
    static let parties = (1...14).map { "party-\($0)" }

    /// East Kent's shape: 14 signatories, 2 advisers, two-thirds of all seats, quorum 8.
    static func memorandum(
        rule: DecisionRule = .twoThirds(quorum: 8), redLines: [RedLine] = [], overridable: Bool = false
    )
        throws -> MemorandumOfUnderstanding
    {
        var seats = parties.map {
            MemorandumOfUnderstanding.Seat(
                organisation: $0, kind: .party, deputies: ["deputy of \($0)"], joined: joined)
        }
        seats += ["stp-ppag", "kent-lmc"].map { .init(organisation: $0, kind: .adviser, joined: joined) }
        return try MemorandumOfUnderstanding(
            seats: seats, rule: rule, joiningWindow: window, redLines: redLines, redLinesMayBeOverridden: overridable)
    }

    static let proposal = Proposal(
        id: "EK-1", title: "Pool community services budgets", type: .transferOfDecisionMaking,
        tabled: Day(year: 2018, month: 6, day: 1)!, hasGreenBookBusinessCase: true, createsJointArrangement: true,
        hasExitArrangements: true)

    static func votes(yes: Int, no: Int, abstain: Int = 0) -> [Vote] {
        parties.prefix(yes).map { Vote(organisation: $0, choice: .yes) }
            + parties.dropFirst(yes).prefix(no).map { Vote(organisation: $0, choice: .no) }
            + parties.dropFirst(yes + no).prefix(abstain).map { Vote(organisation: $0, choice: .abstain) }
    }

    @Test("two-thirds of 14 seats: 9 yes fails, 10 passes, with the arithmetic shown")
    func twoThirds() throws {
        let mou = try Self.memorandum()
        let nine = try VoteCount.count(
            Self.proposal, votes: Self.votes(yes: 9, no: 5), present: Self.parties, memorandum: mou)
        #expect(!nine.agreedInPrinciple)
        #expect(nine.arithmetic.contains { $0.contains("9 of 14") && $0.contains("64.3%") && $0.contains("< 66.7%") })
        let ten = try VoteCount.count(
            Self.proposal, votes: Self.votes(yes: 10, no: 4), present: Self.parties, memorandum: mou)
        #expect(ten.agreedInPrinciple)
        #expect(ten.arithmetic.last?.contains("subject to each party's ratification") == true)
        // Of all seats: absent parties count against a two-thirds rule.
        let absent = try VoteCount.count(
            Self.proposal, votes: Self.votes(yes: 9, no: 0), present: Array(Self.parties.prefix(9)), memorandum: mou)
        #expect(!absent.agreedInPrinciple)
        // Quorum of 8: seven present decide nothing.
        let thin = try VoteCount.count(
            Self.proposal, votes: Self.votes(yes: 7, no: 0), present: Array(Self.parties.prefix(7)), memorandum: mou)
        #expect(!thin.agreedInPrinciple && thin.arithmetic.contains { $0.contains("not met") })
    }

    @Test("advisers, withdrawn parties, second votes and unnamed deputies are refused with the reason")
    func refusals() throws {
        let mou = try Self.memorandum()
        #expect {
            try VoteCount.count(
                Self.proposal, votes: [Vote(organisation: "kent-lmc", choice: .yes)], present: Self.parties,
                memorandum: mou)
        } throws: { "\($0)".contains("advisers attend but do not vote") }
        let withdrawn = try mou.withdrawing(
            "party-3", effective: Day(year: 2018, month: 5, day: 1)!, exitArrangements: "services revert over 6 months")
        #expect {
            try VoteCount.count(
                Self.proposal, votes: [Vote(organisation: "party-3", choice: .yes)], present: Self.parties,
                memorandum: withdrawn)
        } throws: { "\($0)".contains("withdrew on 2018-05-01") }
        // The withdrawn seat no longer counts: 10 of 13 now passes two-thirds (76.9%).
        let after = try VoteCount.count(
            Self.proposal, votes: Self.votes(yes: 2, no: 0) + Array(Self.votes(yes: 11, no: 0).dropFirst(3)),
            present: Self.parties,
            memorandum: withdrawn)
        #expect(after.seats == 13 && after.yes == 10 && after.agreedInPrinciple)
        #expect {
            try VoteCount.count(
                Self.proposal,
                votes: [Vote(organisation: "party-1", choice: .yes), Vote(organisation: "party-1", choice: .no)],
                present: Self.parties, memorandum: mou)
        } throws: { "\($0)".contains("may vote once") }
        #expect {
            try VoteCount.count(
                Self.proposal, votes: [Vote(organisation: "party-1", choice: .yes, deputy: "someone else")],
                present: Self.parties, memorandum: mou)
        } throws: { "\($0)".contains("not a named deputy") }
        let deputised = try VoteCount.count(
            Self.proposal, votes: [Vote(organisation: "party-1", choice: .yes, deputy: "deputy of party-1")],
            present: Self.parties, memorandum: mou)
        #expect(deputised.yes == 1)
    }

    @Test("no veto: a rule that lets one seat block the rest is refused; presets that do not are accepted")
    func noVeto() throws {
        let unanimity = DecisionRule(name: "unanimity", quorum: 8, base: .allSeats, threshold: 1)
        #expect(throws: MemorandumOfUnderstanding.Refusal.self) { try Self.memorandum(rule: unanimity) }
        _ = try Self.memorandum(rule: .simpleMajority(quorum: 8))
        _ = try Self.memorandum(rule: .threeQuarters(quorum: 8))
        #expect(DecisionRule.doubleMajority(quorum: 3).givesAVeto(seats: 4, weights: [60, 20, 10, 10]))
        #expect(
            !DecisionRule.doubleMajority(quorum: 3).givesAVeto(seats: 14, weights: [Double](repeating: 1, count: 14)))
    }

    @Test("double majority: 55% of seats and 65% of the weight, with a blocking minority of 4")
    func doubleMajority() throws {
        var seats = Self.parties.map {
            MemorandumOfUnderstanding.Seat(organisation: $0, kind: .party, weight: 10, joined: Self.joined)
        }
        seats[0].weight = 40  // a larger party
        let mou = try MemorandumOfUnderstanding(
            seats: seats, rule: .doubleMajority(quorum: 8), joiningWindow: Self.window)
        // 8 of 14 seats (57%) without the large party: weight 80 of 170 = 47% — fails on weight.
        let without = Array(Self.parties.dropFirst().prefix(8)).map { Vote(organisation: $0, choice: .yes) }
        #expect(
            try !VoteCount.count(Self.proposal, votes: without, present: Self.parties, memorandum: mou)
                .agreedInPrinciple)
        // 10 with the large party: 71% of seats and 130 of 170 = 76% of weight, 4 against: blocked.
        let with = Self.votes(yes: 10, no: 4)
        let blocked = try VoteCount.count(Self.proposal, votes: with, present: Self.parties, memorandum: mou)
        #expect(!blocked.agreedInPrinciple && blocked.arithmetic.contains { $0.contains("blocking minority") })
        let passes = try VoteCount.count(
            Self.proposal, votes: Self.votes(yes: 11, no: 3), present: Self.parties, memorandum: mou)
        #expect(passes.agreedInPrinciple)
    }

    @Test("ratification: every party through the right body; one outstanding is not ratified; one refusal fells it")
    func ratification() throws {
        let mou = try Self.memorandum()
        let outcome = try VoteCount.count(
            Self.proposal, votes: Self.votes(yes: 12, no: 2), present: Self.parties, memorandum: mou)
        let routes = RatificationRoutes(routes: [
            "party-1": [
                .engagement: "Cabinet", .serviceReconfiguration: "Health Overview and Scrutiny Committee",
                .serviceRedesign: "Cabinet Committees", .transferOfDecisionMaking: "Full Council (reserved decision)",
                .memorandumChange: "Full Council (reserved decision)",
            ]
        ])
        let day = Day(year: 2018, month: 7, day: 1)!
        var ratifications = Self.parties.dropFirst().map {
            Ratification(party: $0, body: "Board", date: day, minuteReference: "M\($0)", ratified: true)
        }
        // The county council's Cabinet cannot ratify a transfer of budgets: that is reserved to Full Council.
        ratifications.append(
            Ratification(party: "party-1", body: "Cabinet", date: day, minuteReference: "C1", ratified: true))
        let pending = RatificationStatus.of(
            Self.proposal, outcome: outcome, ratifications: ratifications, memorandum: mou, routes: routes)
        #expect(pending.status == .agreedInPrinciple)
        #expect(pending.outstanding.map(\.party) == ["party-1"])
        #expect(pending.outstanding.first?.body == "Full Council (reserved decision)")
        ratifications.append(
            Ratification(
                party: "party-1", body: "Full Council (reserved decision)", date: day, minuteReference: "FC9",
                ratified: true))
        #expect(
            RatificationStatus.of(
                Self.proposal, outcome: outcome, ratifications: ratifications, memorandum: mou, routes: routes
            ).status
                == .ratified)
        ratifications[3].ratified = false
        #expect(
            RatificationStatus.of(
                Self.proposal, outcome: outcome, ratifications: ratifications, memorandum: mou, routes: routes
            ).status
                == .fell)
        #expect(routes.body(for: "party-1", type: .serviceReconfiguration) == "Health Overview and Scrutiny Committee")
    }

    @Test("red lines block the vote with the reason, unless a minuted override is allowed and recorded")
    func redLines() throws {
        let lines = [
            RedLine(
                party: "party-1", name: "a business case to HM Treasury Green Book standard",
                condition: .greenBookBusinessCase),
            RedLine(
                party: "party-1", name: "social care money only on social care, only in the KCC area",
                condition: .ringFencedPools(["kcc-social-care"])),
            RedLine(
                party: "party-1", name: "exit arrangements before entering any joint arrangement",
                condition: .exitArrangementsBeforeJointArrangement),
        ]
        let mou = try Self.memorandum(redLines: lines)
        var bare = Self.proposal
        bare.hasGreenBookBusinessCase = false
        #expect {
            try VoteCount.count(bare, votes: Self.votes(yes: 14, no: 0), present: Self.parties, memorandum: mou)
        } throws: { "\($0)".contains("Green Book") && "\($0)".contains("party-1") }
        var spending = Self.proposal
        spending.ringFenceBreaches = [.init(pool: "kcc-social-care", reason: "Medway is outside the KCC area")]
        #expect {
            try VoteCount.count(spending, votes: Self.votes(yes: 14, no: 0), present: Self.parties, memorandum: mou)
        } throws: { "\($0)".contains("outside the KCC area") }
        var noExit = Self.proposal
        noExit.hasExitArrangements = false
        #expect(VoteCount.blockingRedLines(noExit, memorandum: mou, overrides: []).count == 1)
        // An override counts only where the memorandum allows it.
        let override = RedLineOverride(party: "party-1", redLine: lines[0].name, minuteReference: "EKACP/2018/14")
        #expect(VoteCount.blockingRedLines(bare, memorandum: mou, overrides: [override]).count == 1)
        let lenient = try Self.memorandum(redLines: lines, overridable: true)
        #expect(VoteCount.blockingRedLines(bare, memorandum: lenient, overrides: [override]).isEmpty)
    }

    @Test("membership: joining in the window; closed for a year after; then only by a decision; withdraw any time")
    func membership() throws {
        let mou = try Self.memorandum()
        #expect(throws: Never.self) { try mou.checkJoin("new-trust", on: Day(year: 2018, month: 1, day: 10)!) }
        #expect {
            try mou.checkJoin("new-trust", on: Day(year: 2018, month: 9, day: 1)!, reopenedBy: true)
        } throws: { "\($0)".contains("closed for one year") }
        #expect {
            try mou.checkJoin("new-trust", on: Day(year: 2019, month: 6, day: 1)!)
        } throws: { "\($0)".contains("reopened only by a decision") }
        #expect(throws: Never.self) {
            try mou.checkJoin("new-trust", on: Day(year: 2019, month: 6, day: 1)!, reopenedBy: true)
        }
        #expect(throws: MemorandumOfUnderstanding.Refusal.self) {
            try mou.checkJoin("party-2", on: Day(year: 2018, month: 1, day: 10)!)
        }
        #expect(throws: MemorandumOfUnderstanding.Refusal.self) {
            try mou.withdrawing("party-2", effective: Day(year: 2018, month: 1, day: 10)!, exitArrangements: " ")
        }
    }
}
