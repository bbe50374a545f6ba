import ConcordatCore
import Foundation

/// The probability that a partner's net cost exceeds its stated headroom, estimated from simulated runs
/// (the scenario model's Monte Carlo runs): the share of runs whose net cost is strictly greater than the
/// headroom, with a Wilson score 95% interval for that share (Wilson, E. B., "Probable inference, the law
/// of succession, and statistical inference", *JASA* 22 (1927), 209–212), so a figure from a few runs is
/// read with its uncertainty. A run whose net cost equals the headroom exactly is not a breach.
public struct BreachProbability: Sendable, Hashable {
    /// The z value of a two-sided 95% interval.
    public static let z95 = 1.959_963_984_540_054

    /// The number of runs.
    public var runs: Int
    /// The runs whose net cost exceeded the headroom.
    public var breaches: Int
    /// The headroom tested against.
    public var headroom: Money
    /// breaches ÷ runs.
    public var probability: Double { Double(breaches) / Double(runs) }
    /// The Wilson score 95% interval for the probability.
    public var interval: ClosedRange<Double> {
        let n = Double(runs)
        let p = probability
        let z2 = Self.z95 * Self.z95
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = Self.z95 * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / (1 + z2 / n)
        // At 0 or all breaches the bound is exactly 0 or 1; floating point would leave a speck.
        let lower = breaches == 0 ? 0 : max(0, centre - half)
        let upper = breaches == runs ? 1 : min(1, centre + half)
        return lower...upper
    }

    /// Counts the runs of `netCosts` (one net cost per run) above `headroom`.
    /// - Throws: ``AppraisalError`` `empty` for no runs, `invalidHeadroom` for a negative headroom,
    ///   `amountOutOfRange` for an amount beyond ± ``ConcordatCore/Money/inputLimit``.
    public init(netCosts: [Money], headroom: Money) throws(AppraisalError) {
        guard !netCosts.isEmpty else {
            throw AppraisalError(.empty, field: "netCosts", reason: "a breach probability needs at least one run")
        }
        guard headroom.pence >= 0 else {
            throw AppraisalError(
                .invalidHeadroom, field: "headroom",
                reason: "a headroom cannot be negative (\(headroom)); a partner with none has a headroom of £0")
        }
        guard headroom.pence <= Money.inputLimit.pence else {
            throw AppraisalError(.amountOutOfRange, field: "headroom", reason: "beyond \(Money.inputLimit)")
        }
        var breaches = 0
        for (run, cost) in netCosts.enumerated() {
            guard cost.pence.magnitude <= Money.inputLimit.pence.magnitude else {
                throw AppraisalError(
                    .amountOutOfRange, field: "netCosts[\(run)]", reason: "\(cost) is beyond ±\(Money.inputLimit)")
            }
            if cost > headroom { breaches += 1 }
        }
        self.runs = netCosts.count
        self.breaches = breaches
        self.headroom = headroom
    }
}
