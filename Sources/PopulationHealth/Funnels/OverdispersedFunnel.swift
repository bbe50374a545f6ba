import Foundation

/// A funnel plot whose limits allow for real variation between units beyond chance (overdispersion), after
/// Spiegelhalter DJ, "Funnel plots for comparing institutional performance", *Statistics in Medicine*
/// 2005;24:1185–1202, and "Handling over-dispersion of performance indicators", *Quality and Safety in
/// Health Care* 2005;14:347–351, with the conventions of the NHS-R community's FunnelPlotR package.
///
/// Each unit's value is put on a scale where its standard error s is known: for a proportion
/// y = asin √p with s = 1/(2√n); for a standardised ratio O/E, y = log(O/E) with s = 1/√E (the SHMI
/// convention). Its z-score is z = (y − target)/s. The z-scores are Winsorised (by default at the 10th
/// and 90th percentiles, R's default quantile, type 7) and
/// - the overdispersion factor is φ = Σ z_w² / I over the I units;
/// - the multiplicative model widens the limits to target ± z·√φ·s (only when φ > 1);
/// - the additive (random-effects, DerSimonian–Laird) model adds a between-unit variance
///   τ² = max(0, (Iφ − (I − 1)) / (Σw − Σw²/Σw)), w = 1/s², giving target ± z·√(s² + τ²); τ² = 0
///   when Iφ < I − 1.
/// Limits are transformed back to the natural scale (sin² for proportions, exp for ratios).
public struct OverdispersedFunnel: Sendable, Hashable, Codable {
    /// What the units measure.
    public enum Measure: String, Sendable, Hashable, Codable, CaseIterable {
        /// A proportion: numerator events among a denominator of people (arcsine-square-root scale).
        case proportion
        /// A standardised ratio: observed over expected events (log scale; target 1).
        case standardisedRatio
    }

    /// How the limits allow for overdispersion.
    public enum Adjustment: String, Sendable, Hashable, Codable, CaseIterable {
        /// None: limits from within-unit variation alone.
        case none
        /// Multiplicative: the standard error scaled by √φ.
        case multiplicative
        /// Additive random effects: a between-unit variance τ² added to each unit's.
        case additive

        /// How a chart names the model.
        public var description: String {
            switch self {
            case .none: "no allowance for overdispersion"
            case .multiplicative: "multiplicative overdispersion (Spiegelhalter 2005)"
            case .additive: "additive random-effects overdispersion (Spiegelhalter 2005, DerSimonian–Laird τ²)"
            }
        }
    }

    /// One unit: its numerator and denominator (a proportion's events and people; a ratio's observed and
    /// expected events).
    public struct Unit: Sendable, Hashable, Codable {
        /// The numerator.
        public var numerator: Double
        /// The denominator.
        public var denominator: Double

        /// A unit.
        public init(numerator: Double, denominator: Double) {
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    /// What the units measure.
    public var measure: Measure
    /// The chosen model.
    public var adjustment: Adjustment
    /// The centre line on the natural scale: the pooled proportion, or 1 for ratios.
    public var target: Double
    /// The overdispersion factor φ from the Winsorised z-scores (1 means none beyond chance).
    public var phi: Double
    /// The between-unit variance τ² on the transformed scale (0 when there is no overdispersion).
    public var tau2: Double
    /// The share Winsorised at each end (0.1 = 10%).
    public var winsorisedShare: Double

    /// The funnel of `units`.
    /// - Parameters:
    ///   - winsorise: the share of z-scores pulled in at each end before φ is estimated (0 ≤ share < 0.5).
    /// - Throws: ``StatisticInputError`` for fewer than two units, a negative or non-finite value, a
    ///   denominator of 0, a proportion's numerator above its denominator, or a ratio with no observed
    ///   events (its log is undefined).
    public init(
        units: [Unit], measure: Measure, adjustment: Adjustment = .additive, winsorise: Double = 0.1
    ) throws(StatisticInputError) {
        guard units.count >= 2 else { throw StatisticInputError("overdispersion needs at least two units") }
        guard winsorise.isFinite, winsorise >= 0, winsorise < 0.5 else {
            throw StatisticInputError("the Winsorised share must be at least 0 and below 0.5")
        }
        for (index, unit) in units.enumerated() {
            guard unit.numerator.isFinite, unit.denominator.isFinite, unit.numerator >= 0, unit.denominator > 0
            else {
                throw StatisticInputError(
                    "unit \(index + 1): the numerator must be 0 or more and the denominator more than 0, both finite")
            }
            if measure == .proportion, unit.numerator > unit.denominator {
                throw StatisticInputError("unit \(index + 1): the numerator exceeds the denominator")
            }
            if measure == .standardisedRatio, unit.numerator == 0 {
                throw StatisticInputError("unit \(index + 1): a ratio with no observed events has no log")
            }
        }
        self.measure = measure
        self.adjustment = adjustment
        self.winsorisedShare = winsorise
        switch measure {
        case .proportion:
            target = units.reduce(0) { $0 + $1.numerator } / units.reduce(0) { $0 + $1.denominator }
        case .standardisedRatio:
            target = 1
        }
        let transformedTarget = Self.transform(target, measure)
        let errors = units.map { Self.standardError($0.denominator, measure) }
        let scores = zip(units, errors).map { unit, s in
            (Self.transform(unit.numerator / unit.denominator, measure) - transformedTarget) / s
        }
        let sorted = scores.sorted()
        let low = Self.quantile(sorted, winsorise)
        let high = Self.quantile(sorted, 1 - winsorise)
        let winsorised = scores.map { min(high, max(low, $0)) }
        let count = Double(units.count)
        phi = winsorised.reduce(0) { $0 + $1 * $1 } / count
        let weights = errors.map { 1 / ($0 * $0) }
        let sum = weights.reduce(0, +)
        let sumOfSquares = weights.reduce(0) { $0 + $1 * $1 }
        let denominator = sum - sumOfSquares / sum
        if count * phi < count - 1 || denominator <= 0 {
            tau2 = 0
        } else {
            tau2 = max(0, (count * phi - (count - 1)) / denominator)
        }
    }

    /// The 95% and 99.8% limits on the natural scale for a unit of `denominator` (people, or expected
    /// events); `nil` for a denominator that is not more than 0.
    public func limits(denominator: Double) -> (inner: ClosedRange<Double>, outer: ClosedRange<Double>)? {
        guard denominator.isFinite, denominator > 0 else { return nil }
        let s = Self.standardError(denominator, measure)
        let spread: Double
        switch adjustment {
        case .none: spread = s
        case .multiplicative: spread = s * max(1, phi).squareRoot()
        case .additive: spread = (s * s + tau2).squareRoot()
        }
        let centre = Self.transform(target, measure)
        func range(_ z: Double) -> ClosedRange<Double> {
            let low = Self.inverse(centre - z * spread, measure)
            let high = Self.inverse(centre + z * spread, measure)
            return min(low, high)...max(low, high)
        }
        return (range(NormalDistribution.quantile(0.975)), range(NormalDistribution.quantile(0.999)))
    }

    /// Where a unit falls against this funnel's limits; `nil` for a denominator that is not more than 0.
    public func significance(of unit: Unit) -> FunnelSignificance? {
        guard let (inner, outer) = limits(denominator: unit.denominator) else { return nil }
        let value = unit.numerator / unit.denominator
        if value < outer.lowerBound { return .low998 }
        if value < inner.lowerBound { return .low95 }
        if value > outer.upperBound { return .high998 }
        if value > inner.upperBound { return .high95 }
        return .notSignificant
    }

    static func transform(_ value: Double, _ measure: Measure) -> Double {
        switch measure {
        case .proportion: asin(min(1, max(0, value)).squareRoot())
        case .standardisedRatio: log(value)
        }
    }

    static func inverse(_ value: Double, _ measure: Measure) -> Double {
        switch measure {
        case .proportion:
            // The arcsine scale runs from 0 to π/2; a limit beyond it is the boundary, 0 or 1.
            let clipped = min(Double.pi / 2, max(0, value))
            return sin(clipped) * sin(clipped)
        case .standardisedRatio: return exp(value)
        }
    }

    static func standardError(_ denominator: Double, _ measure: Measure) -> Double {
        switch measure {
        case .proportion: 1 / (2 * denominator.squareRoot())
        case .standardisedRatio: 1 / denominator.squareRoot()
        }
    }

    /// R's default (type 7) sample quantile of sorted values: linear interpolation between order statistics
    /// at position 1 + (n − 1)p.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = Double(sorted.count - 1) * p
        let below = Int(position.rounded(.down))
        let above = min(sorted.count - 1, below + 1)
        let fraction = position - Double(below)
        return sorted[below] + fraction * (sorted[above] - sorted[below])
    }
}
