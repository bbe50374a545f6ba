import Foundation

/// A control chart for counted events, with limits that follow each point's denominator where it has one:
///
/// - **p chart** (a proportion of a denominator, e.g. patients seen within 4 hours of those attending):
///   centre p̄ = Σ events ÷ Σ denominators; σᵢ = √(p̄(1 − p̄)/nᵢ);
/// - **u chart** (a rate per unit of exposure, e.g. falls per 1,000 bed days): centre ū = Σ events ÷ Σ
///   exposure; σᵢ = √(ū/nᵢ);
/// - **Laney's p′ and u′** (Laney DB, "Improved control charts for attributes", *Quality Engineering*
///   2002;14:531–537), for large denominators, where the p and u limits are so narrow that almost every point
///   is "special": each point's z-score zᵢ = (xᵢ − centre)/σᵢ, the spread of the z-scores
///   σ_z = mean moving range of z ÷ 1.128, and σᵢ′ = σᵢ·σ_z;
/// - **c chart** (a count with a constant opportunity, e.g. incidents a month): centre c̄ = mean count;
///   σ = √c̄.
///
/// Process limits are centre ± 3σᵢ and near limits centre ± 2σᵢ, clipped at 0 (and at 1 for proportions);
/// Making Data Count's rules (``XmRChart``) classify the points. A baseline fixes the centre and σ_z from the
/// first so many points. Values are proportions (0…1) for p charts, events per unit for u charts, counts for
/// c charts.
public struct AttributeChart: Sendable, Hashable {
    /// Which chart.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Proportions, binomial limits.
        case p
        /// Proportions, Laney's overdispersion-adjusted limits.
        case pPrime = "p-prime"
        /// Rates per unit of exposure, Poisson limits.
        case u
        /// Rates, Laney's adjusted limits.
        case uPrime = "u-prime"
        /// Counts with a constant opportunity.
        case c
    }

    /// One point.
    public struct Point: Sendable, Hashable {
        /// The plotted value (proportion, rate or count).
        public var value: Double
        /// Its events.
        public var events: Double
        /// Its denominator (1 for c charts).
        public var denominator: Double
        /// Its centre line and limits.
        public var band: ControlBand
        /// What it shows.
        public var type: XmRChart.PointType
        /// The rule that made it special, if any.
        public var rule: XmRChart.Rule?
    }

    /// The chart's kind.
    public let kind: Kind
    /// The points, in order.
    public let points: [Point]
    /// Laney's σ_z (1 for p, u and c charts).
    public let sigmaZ: Double
    private let directions: [Int]
    private let options: XmRChart.Options

    /// Classifies `events` over `denominators` (ignored, and may be empty, for a c chart).
    /// - Throws: ``XmRChart/Invalid`` for no points, unequal lengths, a negative or non-finite value, a
    ///   denominator of 0, more events than a p chart's denominator, or a baseline under 2 points.
    public init(kind: Kind, events: [Double], denominators: [Double] = [], options: XmRChart.Options = .init())
        throws(XmRChart.Invalid)
    {
        guard !events.isEmpty else { throw XmRChart.Invalid(description: "there are no values") }
        let exposure = kind == .c ? [Double](repeating: 1, count: events.count) : denominators
        guard exposure.count == events.count else {
            throw XmRChart.Invalid(
                description: "every point needs a denominator (\(events.count) values, \(exposure.count) denominators)")
        }
        for index in events.indices {
            guard events[index].isFinite, exposure[index].isFinite, events[index] >= 0, exposure[index] > 0 else {
                throw XmRChart.Invalid(
                    description:
                        "point \(index + 1): events must be 0 or more and denominators more than 0, both finite")
            }
            if kind == .p || kind == .pPrime, events[index] > exposure[index] {
                throw XmRChart.Invalid(description: "point \(index + 1): more events than the denominator")
            }
        }
        if let baseline = options.baselinePoints, baseline < 2 {
            throw XmRChart.Invalid(description: "a baseline needs at least 2 points (got \(baseline))")
        }
        let base = options.baselinePoints.map { min(events.count, $0) } ?? events.count
        let centre: Double
        switch kind {
        case .c: centre = events[..<base].reduce(0, +) / Double(base)
        default: centre = events[..<base].reduce(0, +) / exposure[..<base].reduce(0, +)
        }
        let values = events.indices.map { events[$0] / exposure[$0] }
        let sigma = exposure.map { n -> Double in
            switch kind {
            case .p, .pPrime: (centre * (1 - centre) / n).squareRoot()
            case .u, .uPrime: (centre / n).squareRoot()
            case .c: centre.squareRoot()
            }
        }
        var sigmaZ = 1.0
        if kind == .pPrime || kind == .uPrime {
            let z = (0..<base).map { sigma[$0] > 0 ? (values[$0] - centre) / sigma[$0] : 0 }
            let ranges = zip(z.dropFirst(), z).map { abs($0 - $1) }
            sigmaZ = ranges.isEmpty ? 1 : ranges.reduce(0, +) / Double(ranges.count) / 1.128
        }
        let ceiling = kind == .p || kind == .pPrime ? 1.0 : Double.infinity
        let bands = sigma.map { s in
            let spread = s * sigmaZ
            return ControlBand(
                centre: centre, lowerLimit: max(0, centre - 3 * spread), upperLimit: min(ceiling, centre + 3 * spread),
                nearLowerLimit: max(0, centre - 2 * spread), nearUpperLimit: min(ceiling, centre + 2 * spread))
        }
        let classified = SpecialCauseRules.classify(
            values: values, bands: bands, segments: [Int](repeating: 0, count: values.count),
            improvement: options.improvement, twoInThreeCountsBeyondLimits: options.twoInThreeCountsBeyondLimits)
        self.kind = kind
        self.sigmaZ = sigmaZ
        self.options = options
        self.directions = classified.directions
        points = values.indices.map {
            Point(
                value: values[$0], events: events[$0], denominator: exposure[$0], band: bands[$0],
                type: classified.types[$0], rule: classified.rules[$0])
        }
    }

    /// The variation icon of the latest point.
    public var variationIcon: XmRChart.VariationIcon {
        SpecialCauseRules.variationIcon(type: points.last?.type, direction: directions.last)
    }

    /// The assurance icon against the target (or the trajectory's latest value), from the latest band.
    public var assuranceIcon: XmRChart.AssuranceIcon? {
        SpecialCauseRules.assuranceIcon(
            target: options.trajectory?.last ?? options.target, improvement: options.improvement,
            band: points.last?.band)
    }
}
