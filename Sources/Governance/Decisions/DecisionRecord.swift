import ConcordatCore
import Foundation

/// A proposal with everything decided about it so far: the meeting's votes and who was present, the
/// outcome and its arithmetic, any red-line overrides, and each party's ratification.
public struct DecisionRecord: Sendable, Hashable, Codable, Identifiable {
    /// The proposal.
    public var proposal: Proposal
    /// The votes cast, once the vote is held.
    public var votes: [Vote]
    /// The organisations present at the vote.
    public var present: [String]
    /// The outcome, once the vote is held.
    public var outcome: VoteOutcome?
    /// Red-line overrides recorded for it.
    public var overrides: [RedLineOverride]
    /// The ratifications recorded.
    public var ratifications: [Ratification]
    /// Votes cast one at a time by each party's representative before the vote is closed (`nil` in
    /// records made before ballots were kept).
    public var ballots: [Vote]?

    /// The identity is the proposal's.
    public var id: String { proposal.id }

    /// A newly tabled proposal.
    public init(proposal: Proposal) {
        self.proposal = proposal
        votes = []
        present = []
        outcome = nil
        overrides = []
        ratifications = []
    }

    /// Holds the vote under `memorandum`: the record with the outcome, or a refusal with its reason.
    public func voted(
        _ votes: [Vote], present: [String], overrides: [RedLineOverride], memorandum: MemorandumOfUnderstanding
    ) throws(VoteCount.Refusal) -> DecisionRecord {
        guard outcome == nil else { throw VoteCount.Refusal(description: "\(proposal.id) has already been voted on") }
        var next = self
        next.outcome = try VoteCount.count(
            proposal, votes: votes, present: present, memorandum: memorandum, overrides: overrides)
        next.votes = votes
        next.present = present
        next.overrides = overrides
        return next
    }

    /// The record with one party's vote cast by its representative, refused if the vote is closed, a red
    /// line blocks it, the seat does not vote, or the party has already voted.
    public func casting(_ vote: Vote, memorandum: MemorandumOfUnderstanding) throws(VoteCount.Refusal) -> DecisionRecord
    {
        guard outcome == nil else { throw VoteCount.Refusal(description: "the vote on \(proposal.id) is closed") }
        let cast = (ballots ?? []) + [vote]
        // The same checks as the count: seat, withdrawal, one vote, deputies, red lines.
        _ = try VoteCount.count(
            proposal, votes: cast, present: cast.map(\.organisation), memorandum: memorandum, overrides: overrides)
        var next = self
        next.ballots = cast
        return next
    }

    /// The record with the vote closed: the ballots counted with those present.
    public func closingVote(present: [String], memorandum: MemorandumOfUnderstanding) throws(VoteCount.Refusal)
        -> DecisionRecord
    {
        let cast = ballots ?? []
        return try voted(
            cast, present: Array(Set(present + cast.map(\.organisation))), overrides: overrides, memorandum: memorandum)
    }

    /// Records a party's ratification (or refusal): refused unless the decision was agreed in principle,
    /// the party votes, it comes through the body the routes name, and the party has not already answered.
    public func ratified(
        _ ratification: Ratification, memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes
    ) throws(VoteCount.Refusal) -> DecisionRecord {
        guard outcome?.agreedInPrinciple == true else {
            throw VoteCount.Refusal(
                description: "\(proposal.id) was not agreed in principle, so there is nothing to ratify")
        }
        guard memorandum.votingSeats(on: proposal.tabled).contains(where: { $0.organisation == ratification.party })
        else {
            throw VoteCount.Refusal(description: "\(ratification.party) is not a party whose ratification is required")
        }
        let body = routes.body(for: ratification.party, type: proposal.type)
        guard ratification.body == body else {
            throw VoteCount.Refusal(
                description:
                    "a \(proposal.type.rawValue.replacingOccurrences(of: "-", with: " ")) decision must be ratified by \(ratification.party)'s \(body), not its \(ratification.body)"
            )
        }
        guard !ratifications.contains(where: { $0.party == ratification.party && $0.body == body }) else {
            throw VoteCount.Refusal(description: "\(ratification.party)'s \(body) has already answered")
        }
        guard !ratification.minuteReference.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw VoteCount.Refusal(description: "a ratification cites the minute that records it")
        }
        var next = self
        next.ratifications.append(ratification)
        return next
    }

    /// Where it stands.
    public func status(memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes) -> (
        status: DecisionStatus?, outstanding: [(party: String, body: String)]
    ) {
        guard let outcome else { return (nil, []) }
        return RatificationStatus.of(
            proposal, outcome: outcome, ratifications: ratifications, memorandum: memorandum, routes: routes)
    }
}
