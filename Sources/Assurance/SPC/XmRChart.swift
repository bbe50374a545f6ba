/// Which way is better for a measure.
public enum ImprovementDirection: String, Sendable, Hashable, Codable, CaseIterable {
    /// Higher is better.
    case increase
    /// Lower is better.
    case decrease
    /// Neither: special causes are neutral.
    case neutral
}

/// A statistical process control chart of individual values and moving ranges (XmR), exactly as NHS
/// England's *Making Data Count* does it (NHS Improvement, *Making data count: strengthening your
/// decisions*, 2019, and the NHS-R community's NHSRplotthedots):
///
/// - the mean of each segment's values, and the mean of the moving ranges |xᵢ − xᵢ₋₁| within it;
/// - process limits at mean ± 2.66 × mean moving range, near ("2σ") limits at mean ± 1.7733 × it;
/// - optionally, moving ranges of 3.267 × their mean or more screened out and the mean recomputed (off by
///   default, as in the NHS Excel tool);
/// - rules: a point beyond a limit; a *shift* of 7 or more points on one side of the mean (a point on the
///   mean breaks it); a *trend* of 7 or more points each strictly above (below) the one before; *two in
///   three* — 2 of 3 consecutive points beyond a near limit, all 3 on the same side of the mean (whether
///   points beyond the process limit count is a switch, off by default as in NHSRplotthedots);
/// - a point's rule is the first that applies of limit, trend, two-in-three, shift;
/// - rebasing starts a new segment with its own mean and limits at a stated point.
///
/// Pure: values in, a classified chart out.
public struct XmRChart: Sendable, Hashable {
    /// The options that shape a chart.
    public struct Options: Sendable, Hashable, Codable {
        /// Which way is better.
        public var improvement: ImprovementDirection
        /// The target, if there is one (for the assurance icon).
        public var target: Double?
        /// Screen out moving ranges of 3.267 × their mean or more before computing the limits.
        public var screenOutliers: Bool
        /// Indices (0-based) at which a new segment starts.
        public var rebaseAt: [Int]
        /// Whether points beyond a process limit count towards two-in-three.
        public var twoInThreeCountsBeyondLimits: Bool
        /// Fix each segment's limits from its first so many points (a baseline), extending them over the
        /// rest; `nil` computes them from every point of the segment.
        public var baselinePoints: Int?
        /// The planned path, one value per point (a trajectory towards a target): drawn with the chart, and
        /// its latest value is what the assurance icon tests, in place of ``target``.
        public var trajectory: [Double]?

        /// Makes options; the defaults match the NHS Excel tool.
        public init(
            improvement: ImprovementDirection = .increase, target: Double? = nil, screenOutliers: Bool = false,
            rebaseAt: [Int] = [], twoInThreeCountsBeyondLimits: Bool = false, baselinePoints: Int? = nil,
            trajectory: [Double]? = nil
        ) {
            self.baselinePoints = baselinePoints
            self.trajectory = trajectory
            self.improvement = improvement
            self.target = target
            self.screenOutliers = screenOutliers
            self.rebaseAt = rebaseAt
            self.twoInThreeCountsBeyondLimits = twoInThreeCountsBeyondLimits
        }
    }

    /// What a point shows.
    public enum PointType: String, Sendable, Hashable, Codable {
        /// Nothing but common-cause variation.
        case commonCause = "common_cause"
        /// Special cause, in the better direction.
        case specialCauseImprovement = "special_cause_improvement"
        /// Special cause, in the worse direction.
        case specialCauseConcern = "special_cause_concern"
        /// Special cause, where neither direction is better.
        case specialCauseNeutral = "special_cause_neutral"
    }

    /// The rule that made a point special.
    public enum Rule: String, Sendable, Hashable, Codable {
        /// Beyond a process limit.
        case limit
        /// Part of 7 or more points each rising (falling).
        case trend
        /// One of 2 of 3 points beyond a near limit on one side.
        case twoInThree = "two_in_three"
        /// Part of 7 or more points on one side of the mean.
        case shift
    }

    /// The variation icon: what the latest point shows.
    public enum VariationIcon: String, Sendable, Hashable, Codable {
        case commonCause = "common_cause"
        case improvementHigh = "improvement_high"
        case improvementLow = "improvement_low"
        case concernHigh = "concern_high"
        case concernLow = "concern_low"
        case neutralHigh = "neutral_high"
        case neutralLow = "neutral_low"
    }

    /// The assurance icon: whether the process will meet its target.
    public enum AssuranceIcon: String, Sendable, Hashable, Codable {
        /// The target lies beyond the limits on the failing side: it will be met every time.
        case consistentPass = "consistent_pass"
        /// The target lies beyond the limits on the passing side: it will be missed every time.
        case consistentFail = "consistent_fail"
        /// The target lies within the limits: sometimes met, sometimes not.
        case hitAndMiss = "hit_and_miss"
    }

    /// A segment's centre line and limits.
    public struct Limits: Sendable, Hashable, Codable {
        /// The mean of the segment's values.
        public var mean: Double
        /// The mean moving range (after screening, if on).
        public var meanMovingRange: Double
        /// mean − 2.66 × mean moving range.
        public var lowerLimit: Double
        /// mean + 2.66 × mean moving range.
        public var upperLimit: Double
        /// mean − 1.7733 × mean moving range.
        public var nearLowerLimit: Double
        /// mean + 1.7733 × mean moving range.
        public var nearUpperLimit: Double

        /// The centre line and the four limits, as the rules read them.
        var band: ControlBand {
            ControlBand(
                centre: mean, lowerLimit: lowerLimit, upperLimit: upperLimit, nearLowerLimit: nearLowerLimit,
                nearUpperLimit: nearUpperLimit)
        }
    }

    /// One point, classified.
    public struct Point: Sendable, Hashable {
        /// Its value.
        public var value: Double
        /// Its segment (0 until the first rebase).
        public var segment: Int
        /// Its segment's limits.
        public var limits: Limits
        /// What it shows.
        public var type: PointType
        /// The rule that made it special, if any.
        public var rule: Rule?
    }

    /// The points, in order.
    public let points: [Point]
    /// The options used.
    public let options: Options

    /// The minimum points for limits and icons to be shown (Making Data Count).
    public static let minimumPoints = 13

    /// Why a chart cannot be drawn.
    public struct Invalid: Error, Hashable, Sendable, CustomStringConvertible {
        /// The reason in words.
        public var description: String
    }

    /// Classifies `values` under `options`.
    public init(values: [Double], options: Options = Options()) throws(Invalid) {
        guard !values.isEmpty else { throw Invalid(description: "there are no values") }
        guard values.allSatisfy(\.isFinite) else { throw Invalid(description: "every value must be a finite number") }
        if let baseline = options.baselinePoints, baseline < 2 {
            throw Invalid(description: "a baseline needs at least 2 points (got \(baseline))")
        }
        if let trajectory = options.trajectory {
            guard trajectory.count == values.count, trajectory.allSatisfy(\.isFinite) else {
                throw Invalid(description: "a trajectory needs one finite value per point")
            }
        }
        for index in options.rebaseAt where index <= 0 || index >= values.count {
            throw Invalid(description: "a rebase must fall after the first point and within the series (got \(index))")
        }
        self.options = options
        let starts = [0] + Set(options.rebaseAt).sorted()
        var segmentOf = [Int](repeating: 0, count: values.count)
        var limitsOf: [Limits] = []
        for (segment, start) in starts.enumerated() {
            let end = segment + 1 < starts.count ? starts[segment + 1] : values.count
            for index in start..<end { segmentOf[index] = segment }
            let baselineEnd = options.baselinePoints.map { min(end, start + $0) } ?? end
            limitsOf.append(Self.limits(Array(values[start..<baselineEnd]), screen: options.screenOutliers))
        }
        let limits = values.indices.map { limitsOf[segmentOf[$0]] }
        let classified = SpecialCauseRules.classify(
            values: values, bands: limits.map(\.band), segments: segmentOf, improvement: options.improvement,
            twoInThreeCountsBeyondLimits: options.twoInThreeCountsBeyondLimits)
        points = values.indices.map { index in
            Point(
                value: values[index], segment: segmentOf[index], limits: limits[index], type: classified.types[index],
                rule: classified.rules[index])
        }
        let direction = classified.directions
        self.direction = direction
    }

    private let direction: [Int]

    /// A segment's limits from its values.
    static func limits(_ values: [Double], screen: Bool) -> Limits {
        let mean = values.reduce(0, +) / Double(values.count)
        var ranges = zip(values.dropFirst(), values).map { abs($0 - $1) }
        var meanRange = ranges.isEmpty ? 0 : ranges.reduce(0, +) / Double(ranges.count)
        if screen, !ranges.isEmpty {
            ranges = ranges.filter { $0 < 3.267 * meanRange }
            if !ranges.isEmpty { meanRange = ranges.reduce(0, +) / Double(ranges.count) }
        }
        return Limits(
            mean: mean, meanMovingRange: meanRange, lowerLimit: mean - 2.66 * meanRange,
            upperLimit: mean + 2.66 * meanRange, nearLowerLimit: mean - 1.7733 * meanRange,
            nearUpperLimit: mean + 1.7733 * meanRange)
    }

    /// Whether `value` lies beyond a process limit (on a limit is within).
    public static func isBeyond(_ value: Double, _ limits: Limits) -> Bool { limits.band.isBeyond(value) }

    /// Whether the chart has enough points for limits and icons to be shown (13 in its latest segment's
    /// series; fewer makes the limits provisional).
    public var isProvisional: Bool { points.count < Self.minimumPoints }

    /// The variation icon: what the latest point shows.
    public var variationIcon: VariationIcon {
        SpecialCauseRules.variationIcon(type: points.last?.type, direction: direction.last)
    }

    /// The assurance icon against the target (or the trajectory's latest value, when one is given), from the
    /// latest segment's limits; `nil` without a target or a direction.
    public var assuranceIcon: AssuranceIcon? {
        SpecialCauseRules.assuranceIcon(
            target: options.trajectory?.last ?? options.target, improvement: options.improvement,
            band: points.last?.limits.band)
    }
}
