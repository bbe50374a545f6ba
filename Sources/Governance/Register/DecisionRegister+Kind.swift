extension DecisionRegister {
    /// What an entry records. The raw values are the words stored in the register and covered by each
    /// entry's hash, so they never change.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A proposal tabled.
        case proposal
        /// A meeting's votes and the outcome they give.
        case vote
        /// One organisation's ballot, cast by its representative.
        case ballot
        /// An outcome recorded on its own.
        case outcome
        /// A party's ratification, or its refusal, by its own governance.
        case ratification
        /// A red line overridden.
        case override
        /// A version of the memorandum of understanding adopted (joinings and withdrawals among them).
        case memorandum
        /// A change of membership recorded on its own.
        case membership
        /// The work programme adopted or changed.
        case programme
        /// A milestone's status changed.
        case milestone
        /// A gateway of the work programme passed by a decision.
        case gateway
        /// A risk added to the risk and issues register.
        case risk
        /// A risk re-scored.
        case riskReview = "risk-review"
        /// A business case drafted.
        case businessCase = "business-case"
        /// A business case attached to a proposal.
        case businessCaseAttached = "business-case-attached"
        /// A Section 151 officer's determination on a business case.
        case section151Determination = "section-151-determination"
    }
}
