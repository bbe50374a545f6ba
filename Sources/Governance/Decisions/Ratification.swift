import ConcordatCore

/// Which of a party's own sovereign bodies must ratify each kind of decision: in the seed papers, Kent
/// County Council's Cabinet for engagement arrangements, its Health Overview and Scrutiny Committee for
/// NHS service reconfiguration, its Cabinet Committees for service redesign, and Full Council (a reserved
/// decision) for any transfer of decision-making, commissioning or budgets. Routes are configuration.
public struct RatificationRoutes: Sendable, Hashable, Codable {
    /// Routes by party, then by decision type.
    public var routes: [String: [DecisionType: String]]
    /// The body that ratifies where no route is configured (e.g. "Board").
    public var defaultBody: String

    /// Makes routes.
    public init(routes: [String: [DecisionType: String]], defaultBody: String = "Board") {
        self.routes = routes
        self.defaultBody = defaultBody
    }

    /// The body of `party` that must ratify a decision of `type`.
    public func body(for party: String, type: DecisionType) -> String { routes[party]?[type] ?? defaultBody }
}

/// One party's body's ratification (or refusal) of a decision agreed in principle.
public struct Ratification: Sendable, Hashable, Codable {
    /// The party.
    public var party: String
    /// Its body that considered it.
    public var body: String
    /// When.
    public var date: Day
    /// The minute that records it.
    public var minuteReference: String
    /// Whether the body ratified (false: it refused).
    public var ratified: Bool

    /// Makes a ratification.
    public init(party: String, body: String, date: Day, minuteReference: String, ratified: Bool) {
        self.party = party
        self.body = body
        self.date = date
        self.minuteReference = minuteReference
        self.ratified = ratified
    }
}

/// Where a decision stands.
public enum DecisionStatus: String, Sendable, Hashable, Codable {
    /// The vote did not agree it.
    case notAgreed = "not-agreed"
    /// Agreed in principle; some parties' ratifications are outstanding.
    case agreedInPrinciple = "agreed-in-principle"
    /// Every party required has ratified it.
    case ratified
    /// A party's body refused to ratify it, so it fell.
    case fell
}

/// A decision's status from its vote and its ratifications: "ratified" only when every party required
/// has ratified through the right body; "fell" if any refuses.
public enum RatificationStatus {
    /// The status, and the parties (with the body each must use) still to ratify.
    public static func of(
        _ proposal: Proposal, outcome: VoteOutcome, ratifications: [Ratification],
        memorandum: MemorandumOfUnderstanding,
        routes: RatificationRoutes
    ) -> (status: DecisionStatus, outstanding: [(party: String, body: String)]) {
        guard outcome.agreedInPrinciple else { return (.notAgreed, []) }
        let required = memorandum.votingSeats(on: proposal.tabled).map(\.organisation)
        var outstanding: [(String, String)] = []
        for party in required {
            let body = routes.body(for: party, type: proposal.type)
            let theirs = ratifications.filter { $0.party == party && $0.body == body }
            if theirs.contains(where: { !$0.ratified }) { return (.fell, []) }
            if !theirs.contains(where: \.ratified) { outstanding.append((party, body)) }
        }
        return (outstanding.isEmpty ? .ratified : .agreedInPrinciple, outstanding)
    }
}
