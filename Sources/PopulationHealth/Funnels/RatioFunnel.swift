/// A funnel for a ratio of observed to expected events (an indirectly standardised ratio, or a count
/// against its expectation) or for a crude rate, as Fingertips assesses it: a unit differs from the
/// average when the Poisson confidence interval of its observed count, divided by its expected count, lies
/// wholly above or below the average (1 for a ratio; the pooled rate for rates). The interval is exact below
/// 10 events and Byar's from 10 (``PoissonInterval``), at 95% and 99.8%.
///
/// Source: UKHSA's PHEindicatormethods, `assign_funnel_significance` with `funnel_ratio_significance`
/// (statistic `"ratio"` and `"rate"`, crude); checked against PHStatsMethods by
/// `Benchmarks/validate-phstatsmethods.sh`.
public struct RatioFunnel: Sendable, Hashable, Codable {
    /// The average the units are compared with: 1 for ratios, or the pooled rate (Σ events ÷ Σ
    /// denominators) for rates.
    public var average: Double

    /// One unit: its observed events and what they are compared with (expected events for a ratio, the
    /// population for a rate).
    public struct Unit: Sendable, Hashable, Codable {
        /// The observed events.
        public var observed: Double
        /// The expected events (ratio) or the denominator (rate).
        public var expected: Double

        /// A unit.
        public init(observed: Double, expected: Double) {
            self.observed = observed
            self.expected = expected
        }
    }

    /// The funnel for indirectly standardised ratios (or counts against expectation): average 1.
    public static let ratios = RatioFunnel(average: 1)

    private init(average: Double) { self.average = average }

    /// The funnel for crude rates of `units` (observed events over population), centred on their pooled
    /// rate.
    /// - Throws: ``StatisticInputError`` when there are no units, a value is negative or not finite, or the
    ///   populations sum to 0.
    public static func rates(_ units: [Unit]) throws(StatisticInputError) -> RatioFunnel {
        guard !units.isEmpty else { throw StatisticInputError("a funnel needs at least one unit") }
        var events = 0.0
        var population = 0.0
        for (index, unit) in units.enumerated() {
            try check(unit, index)
            events += unit.observed
            population += unit.expected
        }
        guard population > 0 else { throw StatisticInputError("every denominator is 0") }
        return RatioFunnel(average: events / population)
    }

    /// Where a unit falls.
    /// - Throws: ``StatisticInputError`` when a value is negative or not finite, or the expectation is 0.
    public func significance(of unit: Unit) throws(StatisticInputError) -> FunnelSignificance {
        try Self.check(unit, 0)
        guard unit.expected > 0 else { throw StatisticInputError("the expected count must be more than 0") }
        let outer = try PoissonInterval.of(count: unit.observed, confidence: 0.998)
        let inner = try PoissonInterval.of(count: unit.observed, confidence: 0.95)
        if average < outer.lower / unit.expected { return .high998 }
        if average < inner.lower / unit.expected { return .high95 }
        if average > outer.upper / unit.expected { return .low998 }
        if average > inner.upper / unit.expected { return .low95 }
        return .notSignificant
    }

    private static func check(_ unit: Unit, _ index: Int) throws(StatisticInputError) {
        guard unit.observed.isFinite, unit.expected.isFinite, unit.observed >= 0, unit.expected >= 0 else {
            throw StatisticInputError("unit \(index + 1): events and expectations must be finite and 0 or more")
        }
    }
}
