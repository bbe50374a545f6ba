/// An indirectly standardised ratio (such as an SMR): observed events ÷ the events expected if each
/// band had the reference rates, × a reference value (1 or 100), with the observed count's Poisson
/// interval (``PoissonInterval``) divided by the expected count.
///
/// Source: Breslow NE, Day NE, *Statistical methods in cancer research* II (IARC, 1987); PHE,
/// *Technical guide: confidence intervals* (2018), as PHEindicatormethods' `calculate_ISRatio`.
public struct IndirectlyStandardisedRatio: Sendable, Hashable, Codable {
    /// Events observed.
    public var observed: Double
    /// Events expected at the reference rates.
    public var expected: Double
    /// observed ÷ expected × reference value.
    public var value: Double
    /// The interval.
    public var interval: ConfidenceInterval

    /// The ratio of `observed` events among `populations` (by band) against reference `rates` (events per
    /// person, by band).
    /// - Throws: ``StatisticInputError`` when the bands differ in number, or nothing is expected.
    public init(
        observed: Double, populations: [Double], referenceRates: [Double], referenceValue: Double = 1,
        confidence: Double = 0.95
    ) throws(StatisticInputError) {
        guard populations.count == referenceRates.count, !populations.isEmpty else {
            throw StatisticInputError("the populations and reference rates must have the same bands")
        }
        let expected = zip(populations, referenceRates).reduce(0) { $0 + $1.0 * $1.1 }
        guard expected > 0, expected.isFinite else { throw StatisticInputError("no events are expected") }
        let poisson = try PoissonInterval.of(count: observed, confidence: confidence)
        self.observed = observed
        self.expected = expected
        value = observed / expected * referenceValue
        interval = ConfidenceInterval(
            lower: poisson.lower / expected * referenceValue, upper: poisson.upper / expected * referenceValue,
            confidence: confidence)
    }
}
