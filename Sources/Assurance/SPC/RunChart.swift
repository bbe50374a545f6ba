import Foundation

/// A run chart: the values against their median, read by Anhøj's rules (Anhøj J, Olesen AV, "Run charts
/// revisited: a simulation study of run chart rules for detection of non-random variation in health care
/// processes", *PLoS ONE* 2014;9:e113825; the rules of the qicharts2 package). For the n points not on the
/// median:
///
/// - **unusually long run**: the longest run of points on one side of the median is longer than
///   round(log₂ n + 3);
/// - **unusually few crossings**: the line crosses the median fewer times than the 5th percentile of the
///   binomial distribution with n − 1 trials and probability ½.
///
/// Either signals non-random variation (a shift). Fewer than 10 useful points give no signal. A run
/// chart needs no limits, so it suits short series and those whose distribution is unknown.
public struct RunChart: Sendable, Hashable {
    /// The values, in order.
    public let values: [Double]
    /// Their median (of the baseline, when one is given).
    public let median: Double
    /// The points not on the median.
    public let usefulPoints: Int
    /// The longest run on one side of the median.
    public let longestRun: Int
    /// How many times the series crosses the median.
    public let crossings: Int
    /// round(log₂ n + 3): a longer run signals.
    public let longestRunLimit: Int
    /// The binomial 5th percentile of crossings: fewer signal.
    public let crossingsLimit: Int

    /// Reads `values` against their median, or that of their first `baselinePoints`.
    /// - Throws: ``XmRChart/Invalid`` for no values, a non-finite one, or a baseline under 2 points.
    public init(values: [Double], baselinePoints: Int? = nil) throws(XmRChart.Invalid) {
        guard !values.isEmpty else { throw XmRChart.Invalid(description: "there are no values") }
        guard values.allSatisfy(\.isFinite) else {
            throw XmRChart.Invalid(description: "every value must be a finite number")
        }
        if let baselinePoints, baselinePoints < 2 {
            throw XmRChart.Invalid(description: "a baseline needs at least 2 points (got \(baselinePoints))")
        }
        self.values = values
        let base = Array(values.prefix(baselinePoints ?? values.count)).sorted()
        let centre =
            base.count % 2 == 1 ? base[base.count / 2] : (base[base.count / 2 - 1] + base[base.count / 2]) / 2
        median = centre
        let sides = values.compactMap { $0 > centre ? 1 : $0 < centre ? -1 : nil }
        usefulPoints = sides.count
        var longest = 0
        var current = 0
        var crossed = 0
        for index in sides.indices {
            if index > 0, sides[index] == sides[index - 1] {
                current += 1
            } else {
                if index > 0 { crossed += 1 }
                current = 1
            }
            longest = max(longest, current)
        }
        longestRun = longest
        crossings = crossed
        let n = Double(max(1, sides.count))
        longestRunLimit = Int((log2(n) + 3).rounded())
        crossingsLimit = Self.binomialQuantile(0.05, trials: max(0, sides.count - 1))
    }

    /// Whether the run is unusually long.
    public var hasUnusuallyLongRun: Bool { usefulPoints >= 10 && longestRun > longestRunLimit }

    /// Whether there are unusually few crossings.
    public var hasUnusuallyFewCrossings: Bool { usefulPoints >= 10 && crossings < crossingsLimit }

    /// Whether the series shows non-random variation by either rule.
    public var signalsShift: Bool { hasUnusuallyLongRun || hasUnusuallyFewCrossings }

    /// The smallest k with P(X ≤ k) ≥ p for X ~ Binomial(trials, ½), as R's `qbinom`.
    static func binomialQuantile(_ p: Double, trials: Int) -> Int {
        guard trials > 0 else { return 0 }
        // Terms in log space, so long series do not underflow.
        var logTerm = Double(trials) * log(0.5)  // P(X = 0)
        var cumulative = exp(logTerm)
        var k = 0
        while cumulative < p * (1 - 64 * Double.ulpOfOne), k < trials {
            logTerm += log(Double(trials - k)) - log(Double(k + 1))
            k += 1
            cumulative += exp(logTerm)
        }
        return k
    }
}
