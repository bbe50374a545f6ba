/// How the partnership decides: a qualified majority configured by quorum, the base the yes share is
/// taken of, the share needed, an optional weighted share (e.g. of population), an optional blocking
/// minority, and how abstentions count. One rule, with presets (../shared/DESIGN.md).
public struct DecisionRule: Sendable, Hashable, Codable {
    /// What the yes share is a share of.
    public enum Base: String, Sendable, Hashable, Codable {
        /// Yes and no votes cast (abstentions left out, unless they count as no).
        case votesCast = "votes-cast"
        /// Seats present.
        case present
        /// Every seat of a current party, present or not.
        case allSeats = "all-seats"
    }

    /// How an abstention counts.
    public enum Abstentions: String, Sendable, Hashable, Codable {
        /// Not counted in the base when the base is votes cast.
        case excluded
        /// Counted as a vote against.
        case againstMotion = "against-motion"
    }

    /// The rule's name.
    public var name: String
    /// The fewest seats present for a valid vote.
    public var quorum: Int
    /// What the yes share is taken of.
    public var base: Base
    /// The yes share needed.
    public var threshold: Double
    /// Whether the yes share must exceed the threshold (a simple majority: more than half), rather than
    /// reach it.
    public var strictlyMore: Bool
    /// If set, the yes voters' share of the parties' total weight (e.g. population) needed as well.
    public var weightedThreshold: Double?
    /// If set, this many votes against block the decision whatever the shares.
    public var blockingMinority: Int?
    /// How abstentions count.
    public var abstentions: Abstentions

    /// Makes a rule.
    public init(
        name: String, quorum: Int, base: Base, threshold: Double, strictlyMore: Bool = false,
        weightedThreshold: Double? = nil, blockingMinority: Int? = nil, abstentions: Abstentions = .excluded
    ) {
        self.name = name
        self.quorum = quorum
        self.base = base
        self.threshold = threshold
        self.strictlyMore = strictlyMore
        self.weightedThreshold = weightedThreshold
        self.blockingMinority = blockingMinority
        self.abstentions = abstentions
    }

    /// More than half of the votes cast.
    public static func simpleMajority(quorum: Int) -> DecisionRule {
        DecisionRule(name: "simple majority", quorum: quorum, base: .votesCast, threshold: 0.5, strictlyMore: true)
    }

    /// Two-thirds of all seats.
    public static func twoThirds(quorum: Int) -> DecisionRule {
        DecisionRule(name: "two-thirds of all seats", quorum: quorum, base: .allSeats, threshold: 2.0 / 3)
    }

    /// 75% of the votes cast.
    public static func threeQuarters(quorum: Int) -> DecisionRule {
        DecisionRule(name: "75% of votes cast", quorum: quorum, base: .votesCast, threshold: 0.75)
    }

    /// The EU Council's double majority: 55% of members representing 65% of the population, with a
    /// blocking minority of at least 4 members (Treaty on European Union, art. 16(4)).
    public static func doubleMajority(quorum: Int) -> DecisionRule {
        DecisionRule(
            name: "double majority (55% of seats, 65% of population)", quorum: quorum, base: .allSeats, threshold: 0.55,
            weightedThreshold: 0.65, blockingMinority: 4)
    }

    /// Whether, with `seats` parties all present, a single seat voting against could stop a decision the
    /// rest support — a veto, which the partnership's MoU forbids ("no veto").
    public func givesAVeto(seats: Int, weights: [Double]? = nil) -> Bool {
        guard seats > 1 else { return false }
        let yes = Double(seats - 1)
        let share = yes / Double(seats)
        let passes = strictlyMore ? share > threshold : share >= threshold - 1e-12
        if !passes { return true }
        if let blockingMinority, blockingMinority <= 1 { return true }
        if let weightedThreshold, let weights, weights.count == seats {
            let total = weights.reduce(0, +)
            // The heaviest seat alone against.
            if let heaviest = weights.max(), total > 0, (total - heaviest) / total < weightedThreshold { return true }
        }
        return false
    }
}
