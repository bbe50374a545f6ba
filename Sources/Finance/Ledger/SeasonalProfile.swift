import ConcordatCore

/// How a year's spend falls across its twelve months: one weight per month (any scale). Monthly budgets
/// are the annual budget split by these weights, and the seasonal forecast scales the year to date by
/// the share of the year the months so far usually take.
public struct SeasonalProfile: Sendable, Hashable, Codable {
    /// Twelve non-negative weights, the first month of the year first.
    public let weights: [Double]

    /// Why a profile is not usable.
    public struct Invalid: Error, Hashable, Sendable, CustomStringConvertible {
        /// The reason in words.
        public var description: String
    }

    /// Makes a profile from twelve non-negative weights with a positive sum.
    public init(weights: [Double]) throws(Invalid) {
        guard weights.count == 12 else {
            throw Invalid(description: "a seasonal profile needs 12 monthly weights, not \(weights.count)")
        }
        guard weights.allSatisfy({ $0 >= 0 && $0.isFinite }), weights.reduce(0, +) > 0 else {
            throw Invalid(description: "monthly weights must be non-negative with a positive total")
        }
        self.weights = weights
    }

    /// Every month the same.
    public static let flat = try! SeasonalProfile(weights: [Double](repeating: 1, count: 12))

    /// The share of the year the first `months` months take.
    public func shareOfYear(throughMonth months: Int) -> Double {
        weights.prefix(months).reduce(0, +) / weights.reduce(0, +)
    }
}
