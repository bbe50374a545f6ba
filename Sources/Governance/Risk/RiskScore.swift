import ConcordatCore

/// A risk's score on the NPSA 5 × 5 matrix (National Patient Safety Agency, *A risk matrix for risk
/// managers*, 2008): likelihood 1–5 × consequence 1–5, banded 1–3 low, 4–6 moderate, 8–12 high, 15–25
/// extreme. The words for each level are configuration (``RiskDescriptors``).
public struct RiskScore: Sendable, Hashable, Codable {
    /// The band a score falls in.
    public enum Band: String, Sendable, Hashable, Codable, CaseIterable {
        case low, moderate, high, extreme
    }

    /// Likelihood, 1 (rare) to 5 (almost certain).
    public var likelihood: Int
    /// Consequence, 1 (negligible) to 5 (catastrophic).
    public var consequence: Int

    /// Why a score is not valid.
    public struct Invalid: Error, Hashable, Sendable, CustomStringConvertible {
        /// The reason in words.
        public var description: String
    }

    /// Makes a score.
    public init(likelihood: Int, consequence: Int) throws(Invalid) {
        guard (1...5).contains(likelihood), (1...5).contains(consequence) else {
            throw Invalid(description: "likelihood and consequence are each scored 1 to 5")
        }
        self.likelihood = likelihood
        self.consequence = consequence
    }

    /// likelihood × consequence.
    public var score: Int { likelihood * consequence }

    /// The NPSA band.
    public var band: Band {
        switch score {
        case ...3: .low
        case ...6: .moderate
        case ...12: .high
        default: .extreme
        }
    }
}

/// The words for each likelihood and consequence level (configuration; NPSA 2008's by default).
public struct RiskDescriptors: Sendable, Hashable, Codable {
    /// Likelihood 1–5.
    public var likelihood: [String]
    /// Consequence 1–5.
    public var consequence: [String]

    /// NPSA 2008's words.
    public static let npsa = RiskDescriptors(
        likelihood: ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
        consequence: ["Negligible", "Minor", "Moderate", "Major", "Catastrophic"])
}

/// An entry in the risk and issues register.
public struct Risk: Sendable, Hashable, Codable, Identifiable {
    /// A scored moment in the risk's history.
    public struct Assessment: Sendable, Hashable, Codable {
        /// When.
        public var date: Day
        /// The current score then.
        public var score: RiskScore
        /// Who assessed it (a username), when recorded.
        public var by: String?
        /// Whom they acted for (an organisation code, or "the secretariat"), when recorded.
        public var onBehalfOf: String?
    }

    /// A reference, e.g. `R-014`.
    public var id: String
    /// What might happen.
    public var title: String
    /// Who owns it (a post, as the register names it).
    public var owner: String
    /// The organisation that owns it, whose accounts (with the secretariat) may re-score it; `nil` when the
    /// secretariat owns it.
    public var ownerOrganisation: String?
    /// The area whose register holds it (a neighbourhood, a place or the system).
    public var area: String
    /// What already reduces it.
    public var controls: String
    /// What is being done.
    public var actions: String
    /// Before any controls.
    public var inherent: RiskScore
    /// Now.
    public var current: RiskScore
    /// Where the actions should bring it.
    public var target: RiskScore
    /// Every assessment, oldest first (the first is when it was added).
    public var history: [Assessment]
    /// Issues (risks that have happened) linked to it.
    public var issues: [String]

    /// Makes a risk, assessed on `day`.
    public init(
        id: String, title: String, owner: String, area: String, controls: String, actions: String,
        inherent: RiskScore, current: RiskScore, target: RiskScore, on day: Day, issues: [String] = [],
        ownerOrganisation: String? = nil, by: String? = nil, onBehalfOf: String? = nil
    ) {
        self.id = id
        self.title = title
        self.owner = owner
        self.area = area
        self.controls = controls
        self.actions = actions
        self.inherent = inherent
        self.current = current
        self.target = target
        self.history = [Assessment(date: day, score: current, by: by, onBehalfOf: onBehalfOf)]
        self.issues = issues
        self.ownerOrganisation = ownerOrganisation
    }

    /// The last review.
    public var lastReviewed: Day { history.last!.date }

    /// Whether its monthly review is overdue on `day` (more than 31 days since the last).
    public func reviewOverdue(on day: Day) -> Bool { lastReviewed.days(to: day) > 31 }

    /// The risk reviewed on `day` with a new current score, by `username` acting for `onBehalfOf`.
    public func reviewed(on day: Day, current score: RiskScore, by username: String? = nil, onBehalfOf: String? = nil)
        -> Risk
    {
        var next = self
        next.current = score
        next.history.append(Assessment(date: day, score: score, by: username, onBehalfOf: onBehalfOf))
        return next
    }

    /// Where the risk should be escalated by the rule "extreme risks go up a level": from a neighbourhood
    /// to its place, from a place to the system commissioner. `nil` when it stays where it is.
    public func escalation(in system: HealthSystem) -> String? {
        guard current.band == .extreme, let area = system.area(area), let parent = area.parentCode else { return nil }
        return parent
    }
}
