import Storage

/// A scenario could not be cancelled because its run is no longer under way: it is done, failed or
/// already cancelled (perhaps it finished while the cancellation was on its way). The web answers 409.
public struct ScenarioNotUnderWay: Error, Sendable, Hashable, CustomStringConvertible {
    /// The scenario as it stands.
    public var scenario: StoredScenario

    /// Says that `scenario` is no longer under way.
    public init(_ scenario: StoredScenario) { self.scenario = scenario }

    /// Why, in words.
    public var description: String {
        "scenario \(scenario.id) is \(scenario.status.rawValue), not queued or running: there is no run to cancel"
    }
}
