/// A parameter of an appraisal whose value is uncertain, given as an interval around a central value (for
/// example an 80% interval, as the scenario model draws them), for sensitivity tests and switching values.
public struct UncertainParameter: Sendable, Hashable {
    /// Its name, unique among the parameters, for example "avoided admissions".
    public let name: String
    /// The low end of the interval.
    public let low: Double
    /// The central value, used for every other parameter while one is varied.
    public let central: Double
    /// The high end of the interval.
    public let high: Double

    /// Makes a parameter, checked: finite values with low ≤ central ≤ high and a non-blank name.
    /// - Throws: ``AppraisalError`` `invalidInterval`, `notFinite` or `blankName`.
    public init(_ name: String, low: Double, central: Double, high: Double) throws(AppraisalError) {
        guard !name.allSatisfy(\.isWhitespace) else {
            throw AppraisalError(.blankName, field: "parameters.name", reason: "a parameter needs a name")
        }
        guard low.isFinite, central.isFinite, high.isFinite else {
            throw AppraisalError(
                .notFinite, field: "parameters[\(name)]", reason: "low, central and high must be numbers")
        }
        guard low <= central, central <= high else {
            throw AppraisalError(
                .invalidInterval, field: "parameters[\(name)]",
                reason: "low (\(low)) ≤ central (\(central)) ≤ high (\(high)) does not hold")
        }
        self.name = name
        self.low = low
        self.central = central
        self.high = high
    }
}
