extension XmRChart {
    /// The chart as JSON, as `concordat spc --format json` prints it: the latest segment's mean and limits
    /// at the top; each point with its period, value, type, rule and (since rebasing gives each segment its
    /// own) its segment's limits; the icons; and `provisional` below 13 points.
    public struct Document: Codable, Sendable, Hashable {
        /// One point.
        public struct Point: Codable, Sendable, Hashable {
            public var period: String
            public var value: Double
            public var type: String
            public var rule: String?
            public var segment: Int
            public var mean: Double
            public var lowerLimit: Double
            public var upperLimit: Double
            public var nearLowerLimit: Double
            public var nearUpperLimit: Double
        }

        public var mean: Double
        public var lowerLimit: Double
        public var upperLimit: Double
        public var nearLowerLimit: Double
        public var nearUpperLimit: Double
        public var points: [Point]
        public var variationIcon: String
        public var assuranceIcon: String?
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
