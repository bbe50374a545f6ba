/// A confidence interval: its bounds and the confidence level it was computed at.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    /// The lower bound.
    public var lower: Double
    /// The upper bound.
    public var upper: Double
    /// The confidence level, such as 0.95.
    public var confidence: Double

    /// Makes an interval.
    public init(lower: Double, upper: Double, confidence: Double) {
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
    }

    /// Whether `value` lies inside it (bounds included).
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}

/// Why a statistic cannot be computed from its inputs.
public struct StatisticInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason in words.
    public var description: String

    /// Makes an error.
    public init(_ description: String) { self.description = description }
}
