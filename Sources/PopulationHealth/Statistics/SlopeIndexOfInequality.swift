/// The slope index of inequality (SII) and relative index of inequality (RII) across deprivation
/// quantiles (IMD deciles, say), as Fingertips and PHEindicatormethods' `phe_sii` compute them: each
/// quantile, ordered from most deprived to least, is placed at the midpoint of its share of the population
/// on a 0–1 scale of deprivation rank (the ridit: bᵢ = Σⱼ₍ⱼ₍ᵢ₎ aⱼ + aᵢ/2, aᵢ its share of the population), and
/// the values are regressed on those ranks by least squares weighted by the population shares (the
/// regression of yᵢ√aᵢ on √aᵢ and bᵢ√aᵢ without intercept). The SII is the slope: the modelled difference
/// between the least deprived end of the scale and the most deprived end (positive when values rise as
/// deprivation falls, as life expectancy does; negative for a rate higher among the most deprived). The RII
/// is the SII divided by the population-weighted mean.
///
/// Source: Low A, Low A, "Measuring the gap: quantifying and comparing local health inequalities", *Journal
/// of Public Health* 2004;26:388–395; Public Health England, *Technical guide: slope index of inequality*
/// (2018). Its confidence interval, by simulation as PHE computes it, is ``simulatedInterval(quantiles:standardErrors:scale:confidence:repetitions:seed:)``.
public struct SlopeIndexOfInequality: Sendable, Hashable, Codable {
    /// One quantile: its population and its value (a rate, proportion or mean).
    public struct Quantile: Sendable, Hashable, Codable {
        /// The quantile's population.
        public var population: Double
        /// Its value.
        public var value: Double

        /// A quantile.
        public init(population: Double, value: Double) {
            self.population = population
            self.value = value
        }
    }

    /// The slope: the value at the least deprived end minus that at the most deprived end.
    public var sii: Double
    /// The SII over the population-weighted mean value (`nil` when that mean is 0).
    public var rii: Double?
    /// The modelled value at the most deprived end (rank 0).
    public var intercept: Double
    /// Each quantile's rank midpoint, 0…1, in the order given.
    public var ranks: [Double]

    /// The SII of `quantiles`, ordered from the most deprived to the least.
    /// - Throws: ``StatisticInputError`` for fewer than two quantiles, a population that is not more than 0,
    ///   or a value that is not finite.
    public init(quantiles: [Quantile]) throws(StatisticInputError) {
        guard quantiles.count >= 2 else { throw StatisticInputError("the SII needs at least two quantiles") }
        for (index, quantile) in quantiles.enumerated() {
            guard quantile.population.isFinite, quantile.population > 0 else {
                throw StatisticInputError("quantile \(index + 1): the population must be more than 0")
            }
            guard quantile.value.isFinite else {
                throw StatisticInputError("quantile \(index + 1): the value must be a finite number")
            }
        }
        let total = quantiles.reduce(0) { $0 + $1.population }
        let shares = quantiles.map { $0.population / total }
        var below = 0.0
        ranks = shares.map { share in
            defer { below += share }
            return below + share / 2
        }
        let meanRank = zip(shares, ranks).reduce(0) { $0 + $1.0 * $1.1 }
        let mean = zip(shares, quantiles).reduce(0) { $0 + $1.0 * $1.1.value }
        var covariance = 0.0
        var variance = 0.0
        for index in quantiles.indices {
            let spread = ranks[index] - meanRank
            covariance += shares[index] * spread * (quantiles[index].value - mean)
            variance += shares[index] * spread * spread
        }
        sii = covariance / variance
        intercept = mean - sii * meanRank
        rii = mean == 0 ? nil : sii / mean
    }
}
