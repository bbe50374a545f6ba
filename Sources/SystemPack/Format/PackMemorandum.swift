import ConcordatCore
import Governance

/// A pack's `memorandum.json`: the memorandum of understanding (seats, decision rule, joining window,
/// red lines) and the ratification routes, as data.
public struct PackMemorandum: Sendable, Hashable, Codable {
    /// The seats, in order.
    public var seats: [MemorandumOfUnderstanding.Seat]
    /// How decisions are made.
    public var rule: DecisionRule
    /// The first day organisations may join.
    public var joiningOpens: Day
    /// The last day organisations may join.
    public var joiningCloses: Day
    /// Days the partnership stays closed after the window.
    public var closedDays: Int
    /// The red lines parties have drawn.
    public var redLines: [PackRedLine]
    /// Whether a breached red line may be overridden by a minuted decision.
    public var redLinesMayBeOverridden: Bool
    /// Each party's ratifying body by decision type (`engagement`, `transfer-of-decision-making`, …).
    public var ratificationRoutes: [String: [String: String]]
    /// The body that ratifies where no route is given.
    public var defaultRatifyingBody: String
    /// What the register records when the memorandum is adopted.
    public var adoptionDetail: String

    /// Makes the memorandum part of a pack.
    public init(
        seats: [MemorandumOfUnderstanding.Seat], rule: DecisionRule, joiningOpens: Day, joiningCloses: Day,
        closedDays: Int = 365, redLines: [PackRedLine] = [], redLinesMayBeOverridden: Bool = false,
        ratificationRoutes: [String: [String: String]] = [:], defaultRatifyingBody: String = "Board",
        adoptionDetail: String
    ) {
        self.seats = seats
        self.rule = rule
        self.joiningOpens = joiningOpens
        self.joiningCloses = joiningCloses
        self.closedDays = closedDays
        self.redLines = redLines
        self.redLinesMayBeOverridden = redLinesMayBeOverridden
        self.ratificationRoutes = ratificationRoutes
        self.defaultRatifyingBody = defaultRatifyingBody
        self.adoptionDetail = adoptionDetail
    }

    /// The memorandum itself.
    /// - Throws: ``MemorandumOfUnderstanding/Refusal`` when the rule gives a veto or the quorum is out of range.
    public func memorandum() throws(MemorandumOfUnderstanding.Refusal) -> MemorandumOfUnderstanding {
        try MemorandumOfUnderstanding(
            seats: seats, rule: rule, joiningWindow: joiningOpens...joiningCloses, closedDays: closedDays,
            redLines: redLines.map(\.redLine), redLinesMayBeOverridden: redLinesMayBeOverridden)
    }

    /// The ratification routes (decision types already checked by the loader; unknown ones are dropped).
    public var routes: RatificationRoutes {
        RatificationRoutes(
            routes: ratificationRoutes.mapValues { byType in
                Dictionary(
                    uniqueKeysWithValues: byType.compactMap { key, body in
                        DecisionType(rawValue: key).map { ($0, body) }
                    })
            }, defaultBody: defaultRatifyingBody)
    }
}

/// A red line as a pack writes it: `{"party", "name", "condition", "pools"?, "threshold"?, "appliesTo"?,
/// "inForceFrom"?, "inForceUntil"?}`.
public struct PackRedLine: Sendable, Hashable, Codable {
    /// What a red line checks.
    public enum Condition: String, Sendable, Hashable, Codable, CaseIterable {
        /// A business case to HM Treasury Green Book standard is attached.
        case greenBookBusinessCase = "green-book-business-case"
        /// Exit arrangements exist before a joint arrangement.
        case exitArrangementsBeforeJointArrangement = "exit-arrangements-before-joint-arrangement"
        /// No spend from `pools` outside their ring-fences.
        case ringFencedPools = "ring-fenced-pools"
        /// Computed from the attached business case: discounting, optimism bias and sensitivity.
        case greenBookAppraisal = "green-book-appraisal"
        /// Computed: the party's Section 151 officer's determination, and the breach probability under
        /// `threshold`.
        case section151 = "section-151"
    }

    /// The party that drew it (a seat's organisation).
    public var party: String
    /// Its name, quoted when it blocks a vote.
    public var name: String
    /// What is checked.
    public var condition: Condition
    /// The pools (codes in `pools.json`) for `ring-fenced-pools`.
    public var pools: [String]?
    /// For `section-151`: the breach probability (a fraction, above 0 and at most 1) the party's net cost
    /// exceeding its headroom must stay under.
    public var threshold: Double?
    /// For `section-151`: the finance partner (a code in `finance.json`) whose breach probability is judged;
    /// absent: the party's own code.
    public var partner: String?
    /// The kinds of decision it applies to (`transfer-of-decision-making`, …); absent: every kind.
    public var appliesTo: [DecisionType]?
    /// The first day (a proposal's tabling day) it applies from; absent: always.
    public var inForceFrom: Day?
    /// The last day it applies to; absent: no end.
    public var inForceUntil: Day?

    /// Makes a red line.
    public init(
        party: String, name: String, condition: Condition, pools: [String]? = nil, threshold: Double? = nil,
        partner: String? = nil, appliesTo: [DecisionType]? = nil, inForceFrom: Day? = nil, inForceUntil: Day? = nil
    ) {
        self.party = party
        self.name = name
        self.condition = condition
        self.pools = pools
        self.threshold = threshold
        self.partner = partner
        self.appliesTo = appliesTo
        self.inForceFrom = inForceFrom
        self.inForceUntil = inForceUntil
    }

    /// What is wrong with it beyond its party and pools, as a field and a reason, or `nil`.
    public var problem: (field: String, reason: String)? {
        if condition == .section151 {
            guard let threshold else { return ("threshold", "a section-151 red line needs a threshold (0 to 1)") }
            guard threshold.isFinite, threshold > 0, threshold <= 1 else {
                return ("threshold", "\(threshold) is not a probability above 0 and at most 1")
            }
        } else if threshold != nil {
            return ("threshold", "only a section-151 red line has a threshold")
        } else if partner != nil {
            return ("partner", "only a section-151 red line names a finance partner")
        }
        if let from = inForceFrom, let until = inForceUntil, until < from {
            return ("inForceUntil", "\(until) is before inForceFrom \(from)")
        }
        if appliesTo?.isEmpty == true { return ("appliesTo", "lists no kind of decision (omit it for every kind)") }
        return nil
    }

    /// The Governance red line.
    public var redLine: RedLine {
        let kind: RedLine.Condition =
            switch condition {
            case .greenBookBusinessCase: .greenBookBusinessCase
            case .exitArrangementsBeforeJointArrangement: .exitArrangementsBeforeJointArrangement
            case .ringFencedPools: .ringFencedPools(pools ?? [])
            case .greenBookAppraisal: .greenBookAppraisal
            case .section151: .section151(threshold: threshold ?? 0, partner: partner)
            }
        return RedLine(
            party: party, name: name, condition: kind, appliesTo: appliesTo, inForceFrom: inForceFrom,
            inForceUntil: inForceUntil)
    }
}
