import ConcordatCore

/// Why a scenario definition is refused: where (a JSON path, `$.changes[2].fraction.low`) and why.
public struct ScenarioRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The JSON path of the offending value.
    public var path: String
    /// The reason, in words the author can act on.
    public var reason: String

    /// Makes a refusal.
    public init(_ path: String, _ reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The refusal of a definition that does not decode.
    public init(decoding error: DecodingError) {
        let (path, reason) = JSONPath.describe(error)
        self.init(path, reason)
    }

    /// `$.path: reason`.
    public var description: String { "\(path): \(reason)" }
}
