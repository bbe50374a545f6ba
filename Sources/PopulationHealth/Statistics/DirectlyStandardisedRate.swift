/// A directly standardised rate (DSR) per 100,000 on the European Standard Population 2013, with
/// Dobson's confidence interval, as Fingertips and PHEindicatormethods compute it.
///
///     DSR = Σ(wᵢ Oᵢ / nᵢ) ÷ Σwᵢ × 100,000
///     var(DSR) = Σ(wᵢ² Oᵢ / nᵢ²) ÷ (Σwᵢ)²
///     limits = DSR + √(var(DSR) / O) × (O_limit − O) × 100,000
///
/// where O = ΣOᵢ and O_limit is its Poisson limit (``PoissonInterval``: exact below 10, Byar above).
/// Fingertips publishes no DSR for fewer than 10 events: ``value`` and ``interval`` are then `nil`.
///
/// Sources: Dobson AJ et al., *Stat Med* 1991;10:457–62; Eurostat, *Revision of the European Standard
/// Population* (2013); PHE, *Technical guide: confidence intervals* (2018).
public struct DirectlyStandardisedRate: Sendable, Hashable, Codable {
    /// One age band's events and population.
    public struct Stratum: Sendable, Hashable, Codable {
        /// Events in the band.
        public var count: Double
        /// The band's population.
        public var population: Double
        /// The standard population's weight for the band.
        public var standard: Double

        /// Makes a stratum.
        public init(count: Double, population: Double, standard: Double) {
            self.count = count
            self.population = population
            self.standard = standard
        }
    }

    /// The European Standard Population 2013: 19 bands, 0–4, 5–9, … 85–89, 90+.
    public static let europeanStandardPopulation2013: [Double] = [
        5_000, 5_500, 5_500, 5_500, 6_000, 6_000, 6_500, 7_000, 7_000, 7_000, 7_000, 6_500, 6_000, 5_500, 5_000,
        4_000, 2_500, 1_500, 1_000,
    ]

    /// The total events.
    public var count: Double
    /// The rate per `multiplier`, or `nil` for fewer than 10 events.
    public var value: Double?
    /// Dobson's interval, or `nil` for fewer than 10 events.
    public var interval: ConfidenceInterval?
    /// Per how many people (100,000).
    public var multiplier: Double

    /// The DSR of `strata`.
    /// - Throws: ``StatisticInputError`` when a count is negative, a population is not positive, or no
    ///   standard weight is given.
    public init(strata: [Stratum], confidence: Double = 0.95, multiplier: Double = 100_000) throws(StatisticInputError)
    {
        guard !strata.isEmpty else { throw StatisticInputError("a DSR needs at least one age band") }
        guard
            strata.allSatisfy({
                $0.count >= 0 && $0.count.isFinite && $0.population > 0 && $0.population.isFinite && $0.standard >= 0
            })
        else { throw StatisticInputError("every band needs a count of 0 or more and a positive population") }
        let weights = strata.reduce(0) { $0 + $1.standard }
        guard weights > 0 else { throw StatisticInputError("the standard population's weights add up to nothing") }
        self.multiplier = multiplier
        count = strata.reduce(0) { $0 + $1.count }
        let rate = strata.reduce(0) { $0 + $1.standard * $1.count / $1.population } / weights
        let variance =
            strata.reduce(0) { $0 + $1.standard * $1.standard * $1.count / ($1.population * $1.population) }
            / (weights * weights)
        guard count >= 10 else {
            value = nil
            interval = nil
            return
        }
        let poisson = try PoissonInterval.of(count: count, confidence: confidence)
        let spread = (variance / count).squareRoot()
        value = rate * multiplier
        interval = ConfidenceInterval(
            lower: (rate + spread * (poisson.lower - count)) * multiplier,
            upper: (rate + spread * (poisson.upper - count)) * multiplier, confidence: confidence)
    }
}
