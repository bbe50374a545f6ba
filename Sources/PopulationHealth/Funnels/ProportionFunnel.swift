import Foundation

/// A funnel plot for a proportion as Fingertips draws it: the average is the pooled proportion of all
/// units (Σ numerators ÷ Σ denominators), and a unit of n people has the limits at which the Wilson score
/// interval of its proportion would just touch the average, at p = 0.975 ("2 sigma", 95%) and p = 0.999
/// ("3 sigma", 99.8%).
///
/// Source: Public Health England, *Fingertips technical guidance: funnel plots*, and UKHSA's
/// PHEindicatormethods (`calculate_funnel_limits`, `assign_funnel_significance`, `sigma_adjustment`); the
/// limits solve Wilson's score equation for the observed proportion (Newcombe, *Statistics in Medicine*
/// 1998;17:857–872). Checked number for number against PHStatsMethods by
/// `Benchmarks/validate-phstatsmethods.sh`.
public struct ProportionFunnel: Sendable, Hashable, Codable {
    /// The pooled proportion of every unit, 0…1.
    public var average: Double

    /// One unit's count and denominator.
    public struct Unit: Sendable, Hashable, Codable {
        /// The numerator: people with the outcome.
        public var count: Double
        /// The denominator: people at risk.
        public var denominator: Double

        /// A unit.
        public init(count: Double, denominator: Double) {
            self.count = count
            self.denominator = denominator
        }
    }

    /// The funnel of `units`, centred on their pooled proportion.
    /// - Throws: ``StatisticInputError`` when there are no units, a count or denominator is negative or not
    ///   finite, a count exceeds its denominator, or every denominator is 0.
    public init(units: [Unit]) throws(StatisticInputError) {
        guard !units.isEmpty else { throw StatisticInputError("a funnel needs at least one unit") }
        var counts = 0.0
        var denominators = 0.0
        for (index, unit) in units.enumerated() {
            guard unit.count.isFinite, unit.denominator.isFinite, unit.count >= 0, unit.denominator >= 0 else {
                throw StatisticInputError("unit \(index + 1): counts and denominators must be finite and 0 or more")
            }
            guard unit.count <= unit.denominator else {
                throw StatisticInputError("unit \(index + 1): the count exceeds the denominator")
            }
            counts += unit.count
            denominators += unit.denominator
        }
        guard denominators > 0 else { throw StatisticInputError("every denominator is 0") }
        average = counts / denominators
    }

    /// A funnel centred on a given proportion (England's, say) rather than the units' own.
    /// - Throws: ``StatisticInputError`` when `average` is outside 0…1.
    public init(average: Double) throws(StatisticInputError) {
        guard average.isFinite, (0...1).contains(average) else {
            throw StatisticInputError("the average proportion must be between 0 and 1")
        }
        self.average = average
    }

    /// The 95% (p = 0.975) and 99.8% (p = 0.999) limits for a unit of `denominator` people, as proportions
    /// clipped to 0…1; `nil` for a denominator below 1.
    public func limits(denominator: Double) -> (inner: ClosedRange<Double>, outer: ClosedRange<Double>)? {
        guard denominator.isFinite, denominator >= 1 else { return nil }
        return (limit(0.975, denominator), limit(0.999, denominator))
    }

    /// Where a unit's proportion falls; `nil` for a denominator below 1.
    public func significance(of unit: Unit) -> FunnelSignificance? {
        guard let (inner, outer) = limits(denominator: unit.denominator) else { return nil }
        let observed = unit.count / unit.denominator
        if observed < outer.lowerBound { return .low998 }
        if observed < inner.lowerBound { return .low95 }
        if observed > outer.upperBound { return .high998 }
        if observed > inner.upperBound { return .high95 }
        return .notSignificant
    }

    /// The proportions p at which the Wilson interval of p for n people has an end at the average: the
    /// roots of (p − a)² = z²(p(1 − p) + z²/4n)/n rearranged for p, as Fingertips' `sigma_adjustment`.
    private func limit(_ probability: Double, _ n: Double) -> ClosedRange<Double> {
        let z = NormalDistribution.quantile(probability)
        let z2 = z * z
        let a = average
        let first = a * (n / z2 + 1)
        let root =
            (-8 * a * (n / z2 + 1)) * (-8 * a * (n / z2 + 1))
            - 64 * (1 / z2 + 1 / n) * a * (n * (a * (n / z2 + 2) - 1) + z2 * (a - 1))
        let spread = max(0, root).squareRoot() / 8
        let last = 1 / z2 + 1 / n
        let low = (first - spread) / last / n
        let high = (first + spread) / last / n
        return max(0, low)...min(1, max(max(0, low), high))
    }
}
