import ConcordatCore

/// What kind of decision a proposal asks for; the kind decides which of each party's bodies must ratify it.
public enum DecisionType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Engagement arrangements (the county council: Cabinet).
    case engagement
    /// NHS service reconfiguration (the county council: Health Overview and Scrutiny Committee).
    case serviceReconfiguration = "service-reconfiguration"
    /// Service redesign (the county council: Cabinet Committees).
    case serviceRedesign = "service-redesign"
    /// A transfer of decision-making, commissioning or budgets (the county council: Full Council, reserved).
    case transferOfDecisionMaking = "transfer-of-decision-making"
    /// A change to the memorandum of understanding.
    case memorandumChange = "memorandum-change"
    /// Reopening the partnership to new members.
    case reopenMembership = "reopen-membership"
    /// Passing a gateway of the work programme.
    case gateway
}

/// A proposal tabled at the partnership: what it is, what kind of decision, and the facts its red lines
/// are checked against.
public struct Proposal: Sendable, Hashable, Codable, Identifiable {
    /// A ring-fence a proposal's planned spend would break (from Finance's pool checks).
    public struct RingFenceBreach: Sendable, Hashable, Codable {
        /// The pool.
        public var pool: String
        /// The rule broken and why.
        public var reason: String

        /// Makes a breach.
        public init(pool: String, reason: String) {
            self.pool = pool
            self.reason = reason
        }
    }

    /// A short reference, e.g. `ACP-2026-07`.
    public var id: String
    /// What is proposed.
    public var title: String
    /// The kind of decision.
    public var type: DecisionType
    /// The day it is tabled.
    public var tabled: Day
    /// Whether a business case to HM Treasury Green Book standard was said to be attached: the tick of
    /// proposals tabled before cases were attached (kept for history; the computed red lines judge
    /// ``businessCase`` instead).
    public var hasGreenBookBusinessCase: Bool
    /// Whether it creates a joint arrangement (a pooled fund, a joint committee).
    public var createsJointArrangement: Bool
    /// Whether exit arrangements are set out.
    public var hasExitArrangements: Bool
    /// Ring-fences its planned spend would break.
    public var ringFenceBreaches: [RingFenceBreach]
    /// The organisation that sponsors it (`nil`: the secretariat's own), which may attach its business case.
    public var sponsor: String?
    /// The business case attached to it, as the red lines judge it; set only by attaching one.
    public var businessCase: AttachedBusinessCase?

    /// Makes a proposal.
    public init(
        id: String, title: String, type: DecisionType, tabled: Day, hasGreenBookBusinessCase: Bool = false,
        createsJointArrangement: Bool = false, hasExitArrangements: Bool = false,
        ringFenceBreaches: [RingFenceBreach] = []
    ) {
        self.id = id
        self.title = title
        self.type = type
        self.tabled = tabled
        self.hasGreenBookBusinessCase = hasGreenBookBusinessCase
        self.createsJointArrangement = createsJointArrangement
        self.hasExitArrangements = hasExitArrangements
        self.ringFenceBreaches = ringFenceBreaches
    }
}

extension Proposal {
    private enum CodingKeys: String, CodingKey {
        case id, title, type, tabled, hasGreenBookBusinessCase, createsJointArrangement, hasExitArrangements
        case ringFenceBreaches, sponsor, businessCase
    }

    /// Reads a proposal; the three flags default to `false` and the breaches to none, as in ``init(id:title:type:tabled:hasGreenBookBusinessCase:createsJointArrangement:hasExitArrangements:ringFenceBreaches:)``,
    /// so a client tabling a proposal sends only what it knows.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            title: try container.decode(String.self, forKey: .title),
            type: try container.decode(DecisionType.self, forKey: .type),
            tabled: try container.decode(Day.self, forKey: .tabled),
            hasGreenBookBusinessCase: try container.decodeIfPresent(Bool.self, forKey: .hasGreenBookBusinessCase)
                ?? false,
            createsJointArrangement: try container.decodeIfPresent(Bool.self, forKey: .createsJointArrangement)
                ?? false,
            hasExitArrangements: try container.decodeIfPresent(Bool.self, forKey: .hasExitArrangements) ?? false,
            ringFenceBreaches: try container.decodeIfPresent([RingFenceBreach].self, forKey: .ringFenceBreaches)
                ?? [])
        sponsor = try container.decodeIfPresent(String.self, forKey: .sponsor)
        businessCase = try container.decodeIfPresent(AttachedBusinessCase.self, forKey: .businessCase)
    }
}
