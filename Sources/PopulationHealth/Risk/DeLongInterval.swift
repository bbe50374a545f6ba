import Foundation

/// The area under the ROC curve with its DeLong variance and confidence interval.
///
/// DeLong E R, DeLong D M, Clarke-Pearson D L (1988), "Comparing the areas under two or more correlated
/// receiver operating characteristic curves: a nonparametric approach", *Biometrics* 44:837–845: the
/// variance is built from each case's structural component, V₁₀ for a positive (the share of negatives
/// it outscores, ties a half) and V₀₁ for a negative (the share of positives that outscore it), as
/// Var(AUC) = S₁₀/m + S₀₁/n with S the sample variances over the m positives and n negatives. The
/// components are computed from midranks, in O(N log N), by Sun X, Xu W (2014), "Fast implementation of
/// DeLong's algorithm for comparing the areas under correlated receiver operating characteristic
/// curves", *IEEE Signal Processing Letters* 21(11):1389–1393. The interval is AUC ± z·SE, clipped to
/// [0, 1], as R's `pROC::ci.auc(method = "delong")` reports it.
public struct DeLongInterval: Sendable, Hashable, Codable {
    /// The area under the curve.
    public var auc: Double
    /// The DeLong variance of the AUC.
    public var variance: Double
    /// The interval.
    public var interval: ConfidenceInterval
    /// Cases with the outcome (m).
    public var positives: Int
    /// Cases without it (n).
    public var negatives: Int

    /// The standard error.
    public var standardError: Double { variance.squareRoot() }

    /// The AUC and its interval at `confidence`, or `nil` when there are fewer than two positives or two
    /// negatives (no variance), a score is not finite, or the lengths differ.
    public init?(scores: [Double], outcomes: [UInt8], confidence: Double = 0.95) {
        guard scores.count == outcomes.count, scores.allSatisfy(\.isFinite), confidence > 0, confidence < 1
        else { return nil }
        let positive = zip(scores, outcomes).filter { $0.1 == 1 }.map(\.0)
        let negative = zip(scores, outcomes).filter { $0.1 != 1 }.map(\.0)
        let m = positive.count
        let n = negative.count
        guard m >= 2, n >= 2 else { return nil }
        let combined = Self.midranks(positive + negative)
        let withinPositive = Self.midranks(positive)
        let withinNegative = Self.midranks(negative)
        // V10 for each positive; V01 for each negative (Sun & Xu 2014, eqs. 8–9).
        let v10 = (0..<m).map { (combined[$0] - withinPositive[$0]) / Double(n) }
        let v01 = (0..<n).map { 1 - (combined[m + $0] - withinNegative[$0]) / Double(m) }
        let auc = v10.reduce(0, +) / Double(m)
        func sampleVariance(_ values: [Double]) -> Double {
            let mean = values.reduce(0, +) / Double(values.count)
            return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        }
        let variance = sampleVariance(v10) / Double(m) + sampleVariance(v01) / Double(n)
        let z = NormalDistribution.quantile(1 - (1 - confidence) / 2)
        let half = z * variance.squareRoot()
        self.auc = auc
        self.variance = variance
        self.positives = m
        self.negatives = n
        interval = ConfidenceInterval(lower: max(0, auc - half), upper: min(1, auc + half), confidence: confidence)
    }

    /// The midrank of each value among `values` (1-based; tied values share the mean of their ranks).
    static func midranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = rank }
            start = end + 1
        }
        return ranks
    }
}
