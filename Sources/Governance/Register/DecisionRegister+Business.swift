import ConcordatCore

extension DecisionRegister.Draft {
    /// The entry for tabling `proposal`: "tabled: TITLE (TYPE)".
    public static func tabling(_ proposal: Proposal) -> Self {
        Self(
            kind: .proposal, subject: proposal.id,
            detail: "tabled: \(proposal.title) (\(proposal.type.rawValue))")
    }

    /// The entry for a decision's vote, recorded at a meeting or closed from its ballots: the outcome's
    /// arithmetic. `decision` must have an outcome.
    public static func vote(_ decision: DecisionRecord) -> Self {
        Self(kind: .vote, subject: decision.id, detail: (decision.outcome?.arithmetic ?? []).joined(separator: " "))
    }

    /// The entry for a ballot cast by `vote`'s organisation's representative on decision `id`; the public
    /// register names no username.
    public static func ballot(_ vote: Vote, on id: String) -> Self {
        Self(
            kind: .ballot, subject: id,
            detail: "\(vote.organisation) voted \(vote.choice.rawValue) (cast by its representative)")
    }

    /// The entry for `ratification` of decision `id`, or its refusal.
    public static func ratification(_ ratification: Ratification, of id: String) -> Self {
        let verb = ratification.ratified ? "ratified" : "refused to ratify"
        return Self(
            kind: .ratification, subject: id,
            detail:
                "\(ratification.party)'s \(ratification.body) \(verb) on \(ratification.date), minute \(ratification.minuteReference)"
        )
    }

    /// The entry for `memorandum`, adopted when `seat` joined it.
    public static func joining(_ seat: MemorandumOfUnderstanding.Seat, in memorandum: MemorandumOfUnderstanding)
        -> Self
    {
        Self(
            adopting: memorandum,
            detail: "\(seat.organisation) joined as \(seat.kind == .party ? "a party" : "an adviser") on \(seat.joined)"
        )
    }

    /// The entry for `memorandum`, adopted when `organisation` withdrew from it.
    public static func withdrawal(
        of organisation: String, effective: Day, exitArrangements: String, in memorandum: MemorandumOfUnderstanding
    ) -> Self {
        Self(
            adopting: memorandum,
            detail: "\(organisation) withdrew with effect from \(effective); exit arrangements: \(exitArrangements)")
    }
}
