import Foundation

/// Control charts for rare events, plotted as the gap between one event and the next, so a long gap (good
/// news, usually) shows at once rather than as a run of zeros:
///
/// - **g chart** (Benneyan JC, "Number-between g-type statistical quality control charts for monitoring
///   adverse events", *Health Care Management Science* 2001;4:305–318): the number of cases or days between
///   events is geometric; centre ḡ = mean gap, σ = √(ḡ(ḡ + 1)), limits ḡ ± 3σ and ḡ ± 2σ, clipped at 0.
/// - **t chart** (Nelson LS, "A control chart for parts-per-million nonconforming items", *Journal of
///   Quality Technology* 1994;26:239–240): the time between events, made near-normal by y = t^(1/3.6); an
///   XmR chart of y, with the centre and limits transformed back by y^3.6.
///
/// Making Data Count's rules classify the points; higher is usually better (longer between harms), so the
/// default improvement direction is `.increase`.
public struct RareEventChart: Sendable, Hashable {
    /// Which chart.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Cases (or days) between events, geometric limits.
        case g
        /// Time between events, Nelson's transformed XmR limits.
        case t
    }

    /// One gap.
    public struct Point: Sendable, Hashable {
        /// The gap.
        public var value: Double
        /// Its centre line and limits, on the gap's own scale.
        public var band: ControlBand
        /// What it shows.
        public var type: XmRChart.PointType
        /// The rule that made it special, if any.
        public var rule: XmRChart.Rule?
    }

    /// The chart's kind.
    public let kind: Kind
    /// The gaps, in order.
    public let points: [Point]
    private let directions: [Int]

    /// Classifies the gaps between events.
    /// - Throws: ``XmRChart/Invalid`` for no gaps, or a gap that is negative or not finite (or 0 on a t chart,
    ///   where two events cannot share an instant).
    public init(kind: Kind, gaps: [Double], options: XmRChart.Options = .init()) throws(XmRChart.Invalid) {
        guard !gaps.isEmpty else { throw XmRChart.Invalid(description: "there are no values") }
        for (index, gap) in gaps.enumerated() where !gap.isFinite || gap < 0 || (kind == .t && gap == 0) {
            throw XmRChart.Invalid(
                description:
                    "gap \(index + 1): \(kind == .t ? "a time between events must be more than 0" : "a gap must be 0 or more"), and finite"
            )
        }
        self.kind = kind
        let bands: [ControlBand]
        var segments = [Int](repeating: 0, count: gaps.count)
        switch kind {
        case .g:
            let base = options.baselinePoints.map { min(gaps.count, max(2, $0)) } ?? gaps.count
            let mean = gaps[..<base].reduce(0, +) / Double(base)
            let sigma = (mean * (mean + 1)).squareRoot()
            let band = ControlBand(
                centre: mean, lowerLimit: max(0, mean - 3 * sigma), upperLimit: mean + 3 * sigma,
                nearLowerLimit: max(0, mean - 2 * sigma), nearUpperLimit: mean + 2 * sigma)
            bands = [ControlBand](repeating: band, count: gaps.count)
        case .t:
            let transformed = gaps.map { pow($0, 1 / 3.6) }
            let chart = try XmRChart(values: transformed, options: options)
            func back(_ y: Double) -> Double { pow(max(0, y), 3.6) }
            segments = chart.points.map(\.segment)
            bands = chart.points.map {
                ControlBand(
                    centre: back($0.limits.mean), lowerLimit: back($0.limits.lowerLimit),
                    upperLimit: back($0.limits.upperLimit), nearLowerLimit: back($0.limits.nearLowerLimit),
                    nearUpperLimit: back($0.limits.nearUpperLimit))
            }
        }
        let classified = SpecialCauseRules.classify(
            values: gaps, bands: bands, segments: segments,
            improvement: options.improvement, twoInThreeCountsBeyondLimits: options.twoInThreeCountsBeyondLimits)
        directions = classified.directions
        points = gaps.indices.map {
            Point(value: gaps[$0], band: bands[$0], type: classified.types[$0], rule: classified.rules[$0])
        }
    }

    /// The variation icon of the latest gap.
    public var variationIcon: XmRChart.VariationIcon {
        SpecialCauseRules.variationIcon(type: points.last?.type, direction: directions.last)
    }
}
