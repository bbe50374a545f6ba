import ConcordatCore
import Finance
import Foundation

/// A place's budget after pace of change: last year's, the target, and what it gets.
public struct PacedBudget: Sendable, Hashable, Codable {
    /// The place's code.
    public var code: String
    /// Last year's budget, in pence.
    public var baselinePence: Int64
    /// The capitation target, in pence.
    public var targetPence: Int64
    /// (baseline − target) ÷ target.
    public var distanceFromTarget: Double
    /// This year's budget, in pence.
    public var budgetPence: Int64
    /// Growth on the baseline.
    public var growth: Double

    /// The document of a pace-of-change result.
    public init(_ result: PaceOfChange.Result) {
        code = result.code
        baselinePence = result.baseline.pence
        targetPence = result.target.pence
        distanceFromTarget = result.distanceFromTarget
        budgetPence = result.budget.pence
        growth = result.growth
    }

    /// "north: baseline £…, target £… (distance from target +1.00%), budget £… (growth +2.00%)".
    public var sentence: String {
        String(
            format: "%@: baseline %@, target %@ (distance from target %+.2f%%), budget %@ (growth %+.2f%%)",
            code, Money(pence: baselinePence).description, Money(pence: targetPence).description,
            distanceFromTarget * 100, Money(pence: budgetPence).description, growth * 100)
    }
}
