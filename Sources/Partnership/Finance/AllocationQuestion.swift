import ConcordatCore
import Finance

/// What `concordat allocate` and `GET /api/v1/allocation` ask: a control total split on a basis, maybe
/// paced against last year's budgets, maybe split further, maybe with one area's budget explained.
public struct AllocationQuestion: Sendable, Hashable {
    /// How budgets are split further.
    public enum Breakdown: String, Sendable, Hashable, Codable, CaseIterable {
        /// By service component of the basis.
        case component
        /// By care network (place × network).
        case network
    }

    /// The control total.
    public var controlTotal: Money
    /// The financial year, named in the explanation.
    public var year: FinancialYear?
    /// Published weights or the person-based formula.
    public var basis: SystemFinances.Basis
    /// The further split, if any.
    public var breakdown: Breakdown?
    /// With the component breakdown, the level whose budgets are split.
    public var level: String
    /// With the component breakdown, each component's share of spend.
    public var componentShares: [String: Double]?
    /// The area (place, PCN or practice code) whose budget is explained step by step.
    public var explain: String?
    /// The pace-of-change policy for places.
    public var pace: PaceOfChange?
    /// Last year's place budgets, with ``pace``.
    public var baselines: [String: Money]?

    /// A question; everything but the control total optional.
    public init(
        controlTotal: Money, year: FinancialYear? = nil, basis: SystemFinances.Basis = .published,
        breakdown: Breakdown? = nil, level: String = "place", componentShares: [String: Double]? = nil,
        explain: String? = nil, pace: PaceOfChange? = nil, baselines: [String: Money]? = nil
    ) {
        self.controlTotal = controlTotal
        self.year = year
        self.basis = basis
        self.breakdown = breakdown
        self.level = level
        self.componentShares = componentShares
        self.explain = explain
        self.pace = pace
        self.baselines = baselines
    }

    /// Refuses inputs that do not go together, before any sum is done.
    public func check() throws(FinanceQuestionRefusal) {
        if (pace == nil) != (baselines == nil) {
            throw FinanceQuestionRefusal(pace == nil ? .baselines : .pace, "pace and baselines go together")
        }
        if componentShares != nil, breakdown != .component {
            throw FinanceQuestionRefusal(.componentShares, "component shares go with the component breakdown")
        }
    }
}
