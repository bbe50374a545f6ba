extension XmRChart {
    /// The chart as JSON, as `concordat spc --format json` prints it: the latest segment's mean and limits
    /// at the top; each point with its period, value, type, rule and (since rebasing gives each segment its
    /// own) its segment's limits; the icons; and `provisional` below 13 points.
    public struct Document: Codable, Sendable, Hashable {
        /// One point.
        public struct Point: Codable, Sendable, Hashable {
            /// The period's label, as given.
            public var period: String
            /// The value.
            public var value: Double
            /// common_cause, special_cause_improvement, special_cause_concern or special_cause_neutral.
            public var type: String
            /// limit, trend, two_in_three or shift; `null` for common cause.
            public var rule: String?
            /// The segment (0 until the first rebase).
            public var segment: Int
            /// The mean.
            public var mean: Double
            /// The lower process limit.
            public var lowerLimit: Double
            /// The upper process limit.
            public var upperLimit: Double
            /// The lower near (2σ) limit.
            public var nearLowerLimit: Double
            /// The upper near (2σ) limit.
            public var nearUpperLimit: Double
        }

        /// The mean.
        public var mean: Double
        /// The lower process limit.
        public var lowerLimit: Double
        /// The upper process limit.
        public var upperLimit: Double
        /// The lower near (2σ) limit.
        public var nearLowerLimit: Double
        /// The upper near (2σ) limit.
        public var nearUpperLimit: Double
        /// Every point, in order.
        public var points: [Point]
        /// The variation icon: the latest point's class.
        public var variationIcon: String
        /// The assurance icon; `null` without a target or direction.
        public var assuranceIcon: String?
        /// Whether there are fewer than 13 points.
        public var provisional: Bool

        /// Encodes a `nil` rule and assurance icon as JSON `null`, as the documented format has them.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(mean, forKey: .mean)
            try container.encode(lowerLimit, forKey: .lowerLimit)
            try container.encode(upperLimit, forKey: .upperLimit)
            try container.encode(nearLowerLimit, forKey: .nearLowerLimit)
            try container.encode(nearUpperLimit, forKey: .nearUpperLimit)
            try container.encode(points, forKey: .points)
            try container.encode(variationIcon, forKey: .variationIcon)
            try container.encode(assuranceIcon, forKey: .assuranceIcon)
            try container.encode(provisional, forKey: .provisional)
        }
    }

    /// The chart's document, with `periods` labelling the points (one per point).
    public func document(periods: [String]) -> Document {
        let latest = points.last!.limits
        return Document(
            mean: latest.mean, lowerLimit: latest.lowerLimit, upperLimit: latest.upperLimit,
            nearLowerLimit: latest.nearLowerLimit, nearUpperLimit: latest.nearUpperLimit,
            points: zip(periods, points).map { period, point in
                Document.Point(
                    period: period, value: point.value, type: point.type.rawValue, rule: point.rule?.rawValue,
                    segment: point.segment, mean: point.limits.mean, lowerLimit: point.limits.lowerLimit,
                    upperLimit: point.limits.upperLimit, nearLowerLimit: point.limits.nearLowerLimit,
                    nearUpperLimit: point.limits.nearUpperLimit)
            }, variationIcon: variationIcon.rawValue, assuranceIcon: assuranceIcon?.rawValue, provisional: isProvisional
        )
    }
}

extension XmRChart.Document.Point {
    /// Encodes a `nil` rule as JSON `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(period, forKey: .period)
        try container.encode(value, forKey: .value)
        try container.encode(type, forKey: .type)
        try container.encode(rule, forKey: .rule)
        try container.encode(segment, forKey: .segment)
        try container.encode(mean, forKey: .mean)
        try container.encode(lowerLimit, forKey: .lowerLimit)
        try container.encode(upperLimit, forKey: .upperLimit)
        try container.encode(nearLowerLimit, forKey: .nearLowerLimit)
        try container.encode(nearUpperLimit, forKey: .nearUpperLimit)
    }
}
