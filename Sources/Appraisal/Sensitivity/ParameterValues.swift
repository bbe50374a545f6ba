/// The value of every uncertain parameter in one evaluation of a sensitivity test: one varied, the others
/// at their central values.
public struct ParameterValues: Sendable, Hashable {
    /// The value of each parameter, by name.
    public let values: [String: Double]

    /// Makes a set of values.
    public init(_ values: [String: Double]) { self.values = values }

    /// The value of the parameter named `name`.
    /// - Throws: ``AppraisalError`` `invalidInterval` when there is no such parameter (a typo in the model).
    public func callAsFunction(_ name: String) throws(AppraisalError) -> Double {
        guard let value = values[name] else {
            throw AppraisalError(.invalidInterval, field: "parameters[\(name)]", reason: "there is no such parameter")
        }
        return value
    }
}
