/// Any of Concordat's control charts (``ControlChartKind``) as one JSON shape, as `concordat spc --chart`
/// prints it: each point with its period, value, centre line and limits (none on a run chart) and what it
/// shows; the icons; and, for a run chart, its median and run tests.
public struct ControlChartDocument: Codable, Sendable, Hashable {
    /// One point.
    public struct Point: Codable, Sendable, Hashable {
        /// The period's label, as given.
        public var period: String
        /// The plotted value: the value (XmR, run), the proportion or rate (p, u), the count (c), the gap (g, t).
        public var value: Double
        /// The denominator the limits followed (p, p′, u, u′).
        public var denominator: Double?
        /// The centre line: the mean, p̄, ū, c̄, the gaps' centre, or a run chart's median.
        public var centre: Double
        /// The lower process limit (none on a run chart).
        public var lowerLimit: Double?
        /// The upper process limit.
        public var upperLimit: Double?
        /// common_cause, special_cause_improvement, special_cause_concern or special_cause_neutral (none on a
        /// run chart, whose tests are of the whole series).
        public var type: String?
        /// limit, trend, two_in_three or shift.
        public var rule: String?
    }

    /// A run chart's tests, Anhøj's rules (``RunChart``): the longest run on one side of the median, and the
    /// number of crossings.
    public struct RunTests: Codable, Sendable, Hashable {
        /// The median.
        public var median: Double
        /// Points not on the median.
        public var usefulPoints: Int
        /// The longest run on one side of the median.
        public var longestRun: Int
        /// The longest run expected by chance: a longer one signals a shift.
        public var longestRunLimit: Int
        /// Crossings of the median.
        public var crossings: Int
        /// The fewest crossings expected by chance: fewer signal a shift.
        public var crossingsLimit: Int
        /// Whether either test signals a shift.
        public var signalsShift: Bool
    }

    /// The chart drawn.
    public var chart: ControlChartKind
    /// Why: "chosen" when asked for by name, else the rule ``ControlChartKind/recommended(for:points:denominators:)``
    /// applied.
    public var reason: String
    /// Every point, in order.
    public var points: [Point]
    /// Laney's σ_z (p′ and u′ only).
    public var sigmaZ: Double?
    /// The variation icon of the latest point (none on a run chart).
    public var variationIcon: String?
    /// The assurance icon against the target (XmR and attribute charts with a target).
    public var assuranceIcon: String?
    /// The run tests (run charts only).
    public var runTests: RunTests?

    /// Draws `chart` of `values` (for p and u charts, the events; for g and t, the gaps) labelled by
    /// `periods`, with each point's `denominators` for p, p′, u and u′.
    /// - Throws: ``XmRChart/Invalid`` when the values do not fit the chart (see each chart's initialiser),
    ///   or the periods and values differ in number.
    public init(
        chart: ControlChartKind, reason: String = "chosen", periods: [String], values: [Double],
        denominators: [Double] = [], options: XmRChart.Options = .init()
    ) throws(XmRChart.Invalid) {
        guard periods.count == values.count else {
            throw XmRChart.Invalid(description: "\(periods.count) periods for \(values.count) values")
        }
        self.chart = chart
        self.reason = reason
        func point(
            _ index: Int, _ value: Double, _ band: ControlBand, _ type: XmRChart.PointType, _ rule: XmRChart.Rule?
        )
            -> Point
        {
            Point(
                period: periods[index], value: value, denominator: nil, centre: band.centre,
                lowerLimit: band.lowerLimit, upperLimit: band.upperLimit, type: type.rawValue, rule: rule?.rawValue)
        }
        switch chart {
        case .xmr:
            let drawn = try XmRChart(values: values, options: options)
            points = drawn.points.enumerated().map { index, drawnPoint in
                Point(
                    period: periods[index], value: drawnPoint.value, denominator: nil, centre: drawnPoint.limits.mean,
                    lowerLimit: drawnPoint.limits.lowerLimit, upperLimit: drawnPoint.limits.upperLimit,
                    type: drawnPoint.type.rawValue, rule: drawnPoint.rule?.rawValue)
            }
            variationIcon = drawn.variationIcon.rawValue
            assuranceIcon = drawn.assuranceIcon?.rawValue
        case .p, .pPrime, .u, .uPrime, .c:
            let kind: AttributeChart.Kind =
                switch chart {
                case .p: .p
                case .pPrime: .pPrime
                case .u: .u
                case .uPrime: .uPrime
                default: .c
                }
            let drawn = try AttributeChart(kind: kind, events: values, denominators: denominators, options: options)
            points = drawn.points.enumerated().map { index, drawnPoint in
                var made = point(index, drawnPoint.value, drawnPoint.band, drawnPoint.type, drawnPoint.rule)
                if kind != .c { made.denominator = drawnPoint.denominator }
                return made
            }
            if kind == .pPrime || kind == .uPrime { sigmaZ = drawn.sigmaZ }
            variationIcon = drawn.variationIcon.rawValue
            assuranceIcon = drawn.assuranceIcon?.rawValue
        case .g, .t:
            let drawn = try RareEventChart(kind: chart == .g ? .g : .t, gaps: values, options: options)
            points = drawn.points.enumerated().map { index, drawnPoint in
                point(index, drawnPoint.value, drawnPoint.band, drawnPoint.type, drawnPoint.rule)
            }
            variationIcon = drawn.variationIcon.rawValue
        case .run:
            let drawn = try RunChart(values: values, baselinePoints: options.baselinePoints)
            points = values.indices.map { index in
                Point(
                    period: periods[index], value: values[index], denominator: nil, centre: drawn.median,
                    lowerLimit: nil, upperLimit: nil, type: nil, rule: nil)
            }
            runTests = RunTests(
                median: drawn.median, usefulPoints: drawn.usefulPoints, longestRun: drawn.longestRun,
                longestRunLimit: drawn.longestRunLimit, crossings: drawn.crossings,
                crossingsLimit: drawn.crossingsLimit, signalsShift: drawn.signalsShift)
        }
        let figures: [Double] =
            points.flatMap { point -> [Double] in
                [point.value, point.centre, point.lowerLimit ?? 0, point.upperLimit ?? 0]
            } + [sigmaZ ?? 0]
        guard figures.allSatisfy(\.isFinite) else {
            throw XmRChart.Invalid(
                description: "the values are too large to chart: a centre or limit is beyond the largest number")
        }
    }
}
