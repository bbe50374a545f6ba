import ConcordatCore

/// One seat's vote on a proposal.
public struct Vote: Sendable, Hashable, Codable {
    /// A choice.
    public enum Choice: String, Sendable, Hashable, Codable {
        case yes, no, abstain
    }

    /// The organisation whose seat votes.
    public var organisation: String
    /// How.
    public var choice: Choice
    /// The deputy who cast it in the seat-holder's place, if one did.
    public var deputy: String?

    /// Makes a vote.
    public init(organisation: String, choice: Choice, deputy: String? = nil) {
        self.organisation = organisation
        self.choice = choice
        self.deputy = deputy
    }
}

/// An explicit, minuted override of a breached red line, where the memorandum allows it.
public struct RedLineOverride: Sendable, Hashable, Codable {
    /// The red line's party.
    public var party: String
    /// The red line's name.
    public var redLine: String
    /// The minute that records the override.
    public var minuteReference: String

    /// Makes an override.
    public init(party: String, redLine: String, minuteReference: String) {
        self.party = party
        self.redLine = redLine
        self.minuteReference = minuteReference
    }
}

/// The outcome of a vote under the memorandum's rule, with the arithmetic that reached it.
public struct VoteOutcome: Sendable, Hashable, Codable {
    /// Agreed in principle (awaiting ratification), or not agreed.
    public var agreedInPrinciple: Bool
    /// Votes for.
    public var yes: Int
    /// Votes against (abstentions counted as against when the rule says so).
    public var no: Int
    /// Abstentions.
    public var abstain: Int
    /// Voting seats present.
    public var present: Int
    /// Voting seats in all.
    public var seats: Int
    /// Every step, in words.
    public var arithmetic: [String]
}

/// Counts votes on a proposal by the memorandum of understanding, refusing — with the reason — anything
/// the memorandum does not allow: a vote from an adviser, from a party that has withdrawn, twice from one
/// seat, by someone who is not the seat's deputy; and any vote at all while a red line is breached and
/// not overridden.
public enum VoteCount {
    /// Why a vote cannot be counted.
    public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        /// The reason in words.
        public var description: String
    }

    /// The breached red lines of `proposal` not covered by an override.
    public static func blockingRedLines(
        _ proposal: Proposal, memorandum: MemorandumOfUnderstanding, overrides: [RedLineOverride]
    ) -> [(redLine: RedLine, reason: String)] {
        memorandum.redLines.compactMap { line in
            guard let reason = line.breach(by: proposal) else { return nil }
            let overridden =
                memorandum.redLinesMayBeOverridden
                && overrides.contains {
                    $0.party == line.party && $0.redLine == line.name && !$0.minuteReference.isEmpty
                }
            return overridden ? nil : (line, reason)
        }
    }

    /// Counts `votes` on `proposal`, with `present` the organisations present (voters are present).
    public static func count(
        _ proposal: Proposal, votes: [Vote], present: [String], memorandum: MemorandumOfUnderstanding,
        overrides: [RedLineOverride] = []
    ) throws(Refusal) -> VoteOutcome {
        if let (line, reason) = blockingRedLines(proposal, memorandum: memorandum, overrides: overrides).first {
            throw Refusal(
                description:
                    "the vote is blocked by \(line.party)'s red line '\(line.name)': \(reason)"
                    + (memorandum.redLinesMayBeOverridden ? " (an explicit, minuted override may be recorded)" : ""))
        }
        let day = proposal.tabled
        let voting = memorandum.votingSeats(on: day)
        var seen: Set<String> = []
        for vote in votes {
            guard let seat = memorandum.seat(vote.organisation) else {
                throw Refusal(description: "\(vote.organisation) holds no seat in the partnership")
            }
            guard seat.kind == .party else {
                throw Refusal(description: "\(vote.organisation) is an adviser: advisers attend but do not vote")
            }
            guard seat.votes(on: day) else {
                throw Refusal(
                    description: seat.withdrawn.map {
                        "\(vote.organisation) withdrew on \($0): its seat no longer counts"
                    }
                        ?? "\(vote.organisation) had not joined by \(day)")
            }
            guard seen.insert(vote.organisation).inserted else {
                throw Refusal(description: "\(vote.organisation) has one seat and may vote once")
            }
            if let deputy = vote.deputy, !seat.deputies.contains(deputy) {
                throw Refusal(description: "\(deputy) is not a named deputy for \(vote.organisation)")
            }
        }
        let votingCodes = Set(voting.map(\.organisation))
        let presentSeats = votingCodes.intersection(Set(present).union(seen))
        let rule = memorandum.rule
        var steps: [String] = []
        let yes = votes.filter { $0.choice == .yes }.count
        let against = votes.filter { $0.choice == .no }.count
        let abstain = votes.filter { $0.choice == .abstain }.count
        let no = against + (rule.abstentions == .againstMotion ? abstain : 0)
        steps.append(
            "\(voting.count) voting seats (one per party; advisers do not vote); \(presentSeats.count) present.")
        steps.append("Votes: \(yes) for, \(against) against, \(abstain) abstaining.")
        guard presentSeats.count >= rule.quorum else {
            steps.append("Quorum is \(rule.quorum): not met, so no decision is made.")
            return VoteOutcome(
                agreedInPrinciple: false, yes: yes, no: no, abstain: abstain, present: presentSeats.count,
                seats: voting.count, arithmetic: steps)
        }
        steps.append("Quorum of \(rule.quorum) met.")
        let base: Int
        switch rule.base {
        case .votesCast: base = yes + against + (rule.abstentions == .againstMotion ? abstain : 0)
        case .present: base = presentSeats.count
        case .allSeats: base = voting.count
        }
        let share = base > 0 ? Double(yes) / Double(base) : 0
        let passesShare = rule.strictlyMore ? share > rule.threshold : share >= rule.threshold - 1e-12
        steps.append(
            "\(rule.name): \(yes) of \(base) (\(rule.base.rawValue.replacingOccurrences(of: "-", with: " "))) = "
                + "\(percent(share)) \(passesShare ? (rule.strictlyMore ? ">" : "≥") : (rule.strictlyMore ? "≤" : "<")) "
                + "\(percent(rule.threshold)) needed.")
        var agreed = passesShare
        if let weighted = rule.weightedThreshold {
            let weights = Dictionary(uniqueKeysWithValues: voting.map { ($0.organisation, $0.weight) })
            let total = weights.values.reduce(0, +)
            let yesWeight = votes.filter { $0.choice == .yes }.reduce(0) { $0 + weights[$1.organisation, default: 0] }
            let weightShare = total > 0 ? yesWeight / total : 0
            let passes = weightShare >= weighted - 1e-12
            steps.append(
                "Weighted: \(percent(weightShare)) of the weight \(passes ? "≥" : "<") \(percent(weighted)) needed.")
            agreed = agreed && passes
        }
        if let blocking = rule.blockingMinority, no >= blocking {
            steps.append("\(no) against reach the blocking minority of \(blocking).")
            agreed = false
        }
        steps.append(agreed ? "Agreed in principle, subject to each party's ratification." : "Not agreed.")
        return VoteOutcome(
            agreedInPrinciple: agreed, yes: yes, no: no, abstain: abstain, present: presentSeats.count,
            seats: voting.count, arithmetic: steps)
    }

    private static func percent(_ share: Double) -> String {
        let tenths = (share * 1000).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths))%" : "\(tenths)%"
    }
}
