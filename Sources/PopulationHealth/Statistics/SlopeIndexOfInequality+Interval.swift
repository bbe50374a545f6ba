import ConcordatCore
import Foundation

extension SlopeIndexOfInequality {
    /// The scale a quantile's value is simulated on, as PHEindicatormethods' `phe_sii` `value_type`.
    public enum ValueScale: String, Sendable, Hashable, Codable, CaseIterable {
        /// A normally distributed value (a mean, life expectancy): simulated as it is (`value_type = 0`).
        case normal
        /// A rate: simulated on the log scale (`value_type = 1`); the standard error is that of the log rate.
        case rate
        /// A proportion: simulated on the logit scale (`value_type = 2`); the standard error is that of the
        /// logit.
        case proportion
    }

    /// A Monte Carlo confidence interval for the SII of `quantiles`, as `phe_sii` computes one: each
    /// repetition draws every quantile's value from a normal distribution on `scale` (mean the value,
    /// standard deviation its standard error), transforms it back, and recomputes the SII; the limits are
    /// the simulated SIIs at positions round(R·α/2) and round(R·(1 − α/2)) of the R sorted results.
    ///
    /// Source: UKHSA, PHEindicatormethods `phe_sii` (`SimulationFunc`, default 100,000 repetitions);
    /// Public Health England, *Technical guide: slope index of inequality* (2018). Deterministic for a
    /// seed (``SeededRandom``), so it cannot reproduce R's own random draws digit for digit: its limits
    /// agree with `phe_sii`'s to within simulation error, and with ``analyticInterval(quantiles:standardErrors:confidence:)``
    /// on the normal scale, where the SII is linear in the values and the simulated SIIs are exactly normal.
    /// - Parameters:
    ///   - quantiles: ordered from the most deprived to the least, as for ``init(quantiles:)``.
    ///   - standardErrors: each quantile's standard error on `scale` (for a rate of E events, 1/√E is the
    ///     Poisson standard error of its log).
    ///   - confidence: the level, 0.9 to below 1 (phe_sii's range).
    ///   - repetitions: at least 1,000, as phe_sii requires; at most 1,000,000.
    /// - Throws: ``StatisticInputError`` for inputs ``init(quantiles:)`` refuses, a standard error that is
    ///   negative or not finite, a count of them unlike the quantiles', a rate that is not above 0, a
    ///   proportion not strictly between 0 and 1, or a level or repetitions out of range.
    public static func simulatedInterval(
        quantiles: [Quantile], standardErrors: [Double], scale: ValueScale, confidence: Double = 0.95,
        repetitions: Int = 100_000, seed: UInt64 = 1
    ) throws(StatisticInputError) -> ConfidenceInterval {
        let weights = try Self.weights(quantiles: quantiles, standardErrors: standardErrors, confidence: confidence)
        guard (1_000...1_000_000).contains(repetitions) else {
            throw StatisticInputError("the simulation needs from 1,000 to 1,000,000 repetitions")
        }
        let centres = try quantiles.enumerated().map { (index, quantile) throws(StatisticInputError) -> Double in
            switch scale {
            case .normal: return quantile.value
            case .rate:
                guard quantile.value > 0 else {
                    throw StatisticInputError("quantile \(index + 1): a rate must be above 0 to take its log")
                }
                return Foundation.log(quantile.value)
            case .proportion:
                guard quantile.value > 0, quantile.value < 1 else {
                    throw StatisticInputError("quantile \(index + 1): a proportion must be between 0 and 1, exclusive")
                }
                return Foundation.log(quantile.value / (1 - quantile.value))
            }
        }
        var random = SeededRandom(seed: seed)
        var results = [Double](repeating: 0, count: repetitions)
        for repetition in 0..<repetitions {
            var sii = 0.0
            for index in quantiles.indices {
                let draw = centres[index] + standardErrors[index] * random.normal()
                let value: Double
                switch scale {
                case .normal: value = draw
                case .rate: value = Foundation.exp(draw)
                case .proportion: value = 1 / (1 + Foundation.exp(-draw))
                }
                sii += weights[index] * value
            }
            results[repetition] = sii
        }
        results.sort()
        let upperLevel = confidence + (1 - confidence) / 2
        // phe_sii's 1-based positions round(R(1 − c)) and round(Rc), R's round-half-even.
        func position(_ share: Double) -> Int {
            min(repetitions, max(1, Int((Double(repetitions) * share).rounded(.toNearestOrEven)))) - 1
        }
        return ConfidenceInterval(
            lower: results[position(1 - upperLevel)], upper: results[position(upperLevel)], confidence: confidence)
    }

    /// The exact normal-theory interval for values measured on the normal scale: the SII is Σ cᵢyᵢ with
    /// cᵢ = aᵢ(bᵢ − b̄)/Σⱼ aⱼ(bⱼ − b̄)² (aᵢ the population shares, bᵢ the ridits), so its standard error is
    /// √(Σ cᵢ²sᵢ²) and the interval SII ± z·SE. The limit the simulation converges on for ``ValueScale/normal``.
    /// - Throws: ``StatisticInputError`` as ``simulatedInterval(quantiles:standardErrors:scale:confidence:repetitions:seed:)``.
    public static func analyticInterval(
        quantiles: [Quantile], standardErrors: [Double], confidence: Double = 0.95
    ) throws(StatisticInputError) -> ConfidenceInterval {
        let weights = try Self.weights(quantiles: quantiles, standardErrors: standardErrors, confidence: confidence)
        let sii = zip(weights, quantiles).reduce(0) { $0 + $1.0 * $1.1.value }
        let error = zip(weights, standardErrors).reduce(0) { $0 + $1.0 * $1.0 * $1.1 * $1.1 }.squareRoot()
        let z = NormalDistribution.quantile(confidence + (1 - confidence) / 2)
        return ConfidenceInterval(lower: sii - z * error, upper: sii + z * error, confidence: confidence)
    }

    /// The coefficients cᵢ that make the SII a weighted sum of the quantiles' values, after checking inputs.
    private static func weights(
        quantiles: [Quantile], standardErrors: [Double], confidence: Double
    ) throws(StatisticInputError) -> [Double] {
        let fitted = try SlopeIndexOfInequality(quantiles: quantiles)
        guard standardErrors.count == quantiles.count else {
            throw StatisticInputError(
                "there are \(standardErrors.count) standard errors for \(quantiles.count) quantiles")
        }
        for (index, error) in standardErrors.enumerated() where !(error.isFinite && error >= 0) {
            throw StatisticInputError("quantile \(index + 1): the standard error must be 0 or more and finite")
        }
        guard confidence.isFinite, confidence >= 0.9, confidence < 1 else {
            throw StatisticInputError("the confidence level must be from 0.9 to below 1")
        }
        let total = quantiles.reduce(0) { $0 + $1.population }
        let shares = quantiles.map { $0.population / total }
        let meanRank = zip(shares, fitted.ranks).reduce(0) { $0 + $1.0 * $1.1 }
        let variance = zip(shares, fitted.ranks).reduce(0) { $0 + $1.0 * ($1.1 - meanRank) * ($1.1 - meanRank) }
        return zip(shares, fitted.ranks).map { $0 * ($1 - meanRank) / variance }
    }
}
