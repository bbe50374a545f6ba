import ConcordatCore

/// The result of settling a year's variance under a ``RiskShareAgreement``: what each partner bears,
/// and so what it pays into or receives from the others. The amounts borne add up to the system
/// variance exactly; the transfers add up to zero.
public struct Settlement: Sendable, Hashable, Codable {
    /// One partner's settlement.
    public struct Line: Sendable, Hashable, Codable {
        /// The partner.
        public var partner: String
        /// Its budget, in pence.
        public var budgetPence: Int64
        /// Its actual, in pence.
        public var actualPence: Int64
        /// The part of its own variance it keeps through the corridors.
        public var retainedPence: Int64
        /// Its share of the pooled variance (after caps).
        public var sharedPence: Int64
        /// Everything it bears: retained + shared. Positive is a cost.
        public var bornePence: Int64
        /// Whether a cap limited it.
        public var capped: Bool

        /// Its own variance: actual − budget.
        public var variancePence: Int64 { actualPence - budgetPence }
        /// What it pays the others (positive) or receives from them (negative): borne − own variance.
        public var transferPence: Int64 { bornePence - variancePence }
    }

    /// The agreement's name.
    public var agreement: String
    /// Each partner's line.
    public var lines: [Line]

    /// The system variance: Σ (actual − budget).
    public var variance: Money { Money(pence: lines.reduce(0) { $0 + $1.variancePence }) }
    /// Σ borne, always equal to ``variance``.
    public var borne: Money { Money(pence: lines.reduce(0) { $0 + $1.bornePence }) }
}
