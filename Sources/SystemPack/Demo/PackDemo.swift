import ConcordatCore
import Governance

/// A pack's `demo.json`: what `concordat demo` seeds for this system beyond its memorandum, pools and
/// work programme — a worked decision (voted and partly ratified), a decision left open, how far the
/// programme has got, a starting risk register, and synthetic indicator series for the dashboard.
public struct PackDemo: Sendable, Hashable, Codable {
    /// A decision voted on and ratified by some parties.
    public struct WorkedDecision: Sendable, Hashable, Codable {
        /// The proposal.
        public var proposal: Proposal
        /// How many parties (in seat order) vote yes; the rest abstain.
        public var yesVotes: Int
        /// How many parties (in seat order) have ratified it.
        public var ratifications: Int
        /// The first ratification's date; each later party's is a day after the one before.
        public var firstRatification: Day
        /// The first ratification's minute number; each later party's is one more. The minute reads
        /// `PARTY/YEAR/NUMBER`.
        public var firstMinute: Int

        /// Makes a worked decision.
        public init(proposal: Proposal, yesVotes: Int, ratifications: Int, firstRatification: Day, firstMinute: Int) {
            self.proposal = proposal
            self.yesVotes = yesVotes
            self.ratifications = ratifications
            self.firstRatification = firstRatification
            self.firstMinute = firstMinute
        }
    }

    /// A decision tabled on the day the demo is seeded, open for votes.
    public struct OpenDecision: Sendable, Hashable, Codable {
        /// A short reference.
        public var id: String
        /// What is proposed.
        public var title: String
        /// The kind of decision.
        public var type: DecisionType
        /// Whether a Green Book business case is attached.
        public var hasGreenBookBusinessCase: Bool
        /// Whether it creates a joint arrangement.
        public var createsJointArrangement: Bool
        /// Whether it has exit arrangements.
        public var hasExitArrangements: Bool

        /// Makes an open decision.
        public init(
            id: String, title: String, type: DecisionType, hasGreenBookBusinessCase: Bool,
            createsJointArrangement: Bool, hasExitArrangements: Bool
        ) {
            self.id = id
            self.title = title
            self.type = type
            self.hasGreenBookBusinessCase = hasGreenBookBusinessCase
            self.createsJointArrangement = createsJointArrangement
            self.hasExitArrangements = hasExitArrangements
        }

        /// The proposal, tabled on `day`.
        public func proposal(tabled day: Day) -> Proposal {
            Proposal(
                id: id, title: title, type: type, tabled: day, hasGreenBookBusinessCase: hasGreenBookBusinessCase,
                createsJointArrangement: createsJointArrangement, hasExitArrangements: hasExitArrangements)
        }
    }

    /// A starting risk; each score is `[likelihood, consequence]`, 1 to 5.
    public struct StartingRisk: Sendable, Hashable, Codable {
        /// A short reference.
        public var id: String
        /// The risk.
        public var title: String
        /// Who owns it.
        public var owner: String
        /// The area (a code of the system's hierarchy) it is held at.
        public var area: String
        /// Before controls.
        public var inherent: [Int]
        /// Now.
        public var current: [Int]
        /// Aimed for.
        public var target: [Int]

        /// Makes a starting risk.
        public init(
            id: String, title: String, owner: String, area: String, inherent: [Int], current: [Int], target: [Int]
        ) {
            self.id = id
            self.title = title
            self.owner = owner
            self.area = area
            self.inherent = inherent
            self.current = current
            self.target = target
        }
    }

    /// A synthetic indicator's shape: its typical level, monthly noise, and the winter effect added in
    /// December–February (all in the indicator's unit).
    public struct SeriesShape: Sendable, Hashable, Codable {
        /// The typical level.
        public var level: Double
        /// The monthly noise (a standard deviation).
        public var noise: Double
        /// Added in December, January and February.
        public var winter: Double

        /// Makes a shape.
        public init(level: Double, noise: Double, winter: Double) {
            self.level = level
            self.noise = noise
            self.winter = winter
        }
    }

    /// The decision voted and ratified.
    public var workedDecision: WorkedDecision?
    /// The decision left open.
    public var openDecision: OpenDecision?
    /// Milestones not done, with their status (`in-progress`, `not-started`); every other is done on its
    /// due day.
    public var milestonesNotDone: [String: WorkProgramme.Milestone.Status]
    /// The starting risk register's controls, the same for every risk.
    public var riskControls: String
    /// The starting risk register's actions, the same for every risk.
    public var riskActions: String
    /// The starting risks, recorded 20 days before the demo is seeded.
    public var risks: [StartingRisk]
    /// The synthetic business-as-usual series by indicator code, or none.
    public var indicatorSeries: [String: SeriesShape]

    /// Makes the demo seeds.
    public init(
        workedDecision: WorkedDecision?, openDecision: OpenDecision?,
        milestonesNotDone: [String: WorkProgramme.Milestone.Status], riskControls: String, riskActions: String,
        risks: [StartingRisk], indicatorSeries: [String: SeriesShape]
    ) {
        self.workedDecision = workedDecision
        self.openDecision = openDecision
        self.milestonesNotDone = milestonesNotDone
        self.riskControls = riskControls
        self.riskActions = riskActions
        self.risks = risks
        self.indicatorSeries = indicatorSeries
    }
}
