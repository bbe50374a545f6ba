/// The control charts Concordat draws, and which one an indicator gets.
///
/// The choice, from the indicator's unit and data (after Making Data Count, and the chart-selection
/// guidance of Provost & Murray, *The Health Care Data Guide*, 2011):
/// - fewer than ``XmRChart/minimumPoints`` points: a **run chart** (too few for limits);
/// - a percentage with each point's denominator: a **p chart**, or **Laney's p′** when the median
///   denominator is 1,000 or more (the p limits of large denominators are too narrow for real month-to-month
///   variation, so nearly every point would be "special");
/// - a rate per 1,000 with each point's exposure: a **u chart**, or **u′** on the same rule;
/// - a count with no denominator: a **c chart**;
/// - anything else (pounds, a percentage or rate without its denominators): an **XmR chart**, Making Data
///   Count's default, which makes no distributional assumption.
/// g and t charts (gaps between rare events) are chosen by the analyst, never from the unit: the data are
/// gaps, not values per period.
public enum ControlChartKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Individuals and moving ranges.
    case xmr
    /// Proportions, binomial limits.
    case p
    /// Proportions, Laney's limits.
    case pPrime = "p-prime"
    /// Rates, Poisson limits.
    case u
    /// Rates, Laney's limits.
    case uPrime = "u-prime"
    /// Counts.
    case c
    /// Cases between events.
    case g
    /// Time between events.
    case t
    /// Values against their median.
    case run

    /// The median denominator from which Laney's p′ and u′ replace p and u.
    public static let laneyThreshold = 1_000.0

    /// The chart for a series of `points` values of an indicator in `unit`, with each point's denominators
    /// where they are known.
    public static func recommended(for unit: Indicator.Unit, points: Int, denominators: [Double]? = nil)
        -> ControlChartKind
    {
        if points < XmRChart.minimumPoints { return .run }
        let usable = denominators.flatMap { $0.count == points && $0.allSatisfy { $0.isFinite && $0 > 0 } ? $0 : nil }
        let median = usable.map { values -> Double in
            let sorted = values.sorted()
            return sorted.count % 2 == 1
                ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        switch (unit, median) {
        case (.percent, let median?): return median >= laneyThreshold ? .pPrime : .p
        case (.per1000, let median?): return median >= laneyThreshold ? .uPrime : .u
        case (.count, nil): return .c
        default: return .xmr
        }
    }
}
