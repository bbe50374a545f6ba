import Foundation

/// A count's confidence interval when it is Poisson: the exact method for counts below 10, Byar's
/// approximation from 10 on, as Fingertips and PHEindicatormethods compute rates and ratios.
///
/// - Exact (Armitage & Berry, *Statistical methods in medical research*, 4th edn, 2002): the lower bound
///   L solves P(X ≥ O | L) = α/2, the upper U solves P(X ≤ O | U) = α/2 (the χ² quantiles
///   χ²(α/2; 2O)/2 and χ²(1 − α/2; 2O + 2)/2).
/// - Byar (Breslow & Day, *Statistical methods in cancer research* II, IARC, 1987):
///   O(1 − 1/9O − z/3√O)³ and (O + 1)(1 − 1/9(O + 1) + z/3√(O + 1))³.
public enum PoissonInterval {
    /// The interval for an observed `count` (0 or more).
    /// - Throws: ``StatisticInputError`` when the count is negative or not finite.
    public static func of(count: Double, confidence: Double = 0.95) throws(StatisticInputError) -> ConfidenceInterval {
        guard count.isFinite, count >= 0 else { throw StatisticInputError("a count must be 0 or more") }
        guard confidence > 0, confidence < 1 else {
            throw StatisticInputError("the confidence must be between 0 and 1")
        }
        if count < 10 { return exact(count: count, confidence: confidence) }
        let z = NormalDistribution.twoSided(confidence)
        let lower = count * pow(1 - 1 / (9 * count) - z / (3 * count.squareRoot()), 3)
        let next = count + 1
        let upper = next * pow(1 - 1 / (9 * next) + z / (3 * next.squareRoot()), 3)
        return ConfidenceInterval(lower: lower, upper: upper, confidence: confidence)
    }

    /// The exact interval for a whole `count`, by bisection on the Poisson distribution function.
    static func exact(count: Double, confidence: Double) -> ConfidenceInterval {
        let alpha = (1 - confidence) / 2
        let observed = Int(count.rounded(.down))
        // P(X ≤ k | μ), summed term by term (counts here are below 10).
        func cumulative(_ k: Int, _ mean: Double) -> Double {
            guard k >= 0 else { return 0 }
            var term = exp(-mean)
            var sum = term
            if k > 0 {
                for i in 1...k {
                    term *= mean / Double(i)
                    sum += term
                }
            }
            return sum
        }
        // The μ at which a distribution function value, decreasing in μ, falls to `target`.
        func solve(_ target: Double, _ f: (Double) -> Double) -> Double {
            var low = 0.0
            var high = 100.0
            for _ in 0..<200 {
                let middle = (low + high) / 2
                if f(middle) > target { low = middle } else { high = middle }
            }
            return (low + high) / 2
        }
        let lower = observed == 0 ? 0 : solve(1 - alpha) { cumulative(observed - 1, $0) }
        let upper = solve(alpha) { cumulative(observed, $0) }
        return ConfidenceInterval(lower: lower, upper: upper, confidence: confidence)
    }
}
