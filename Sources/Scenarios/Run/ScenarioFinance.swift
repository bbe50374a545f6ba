import Finance

/// The money rules a scenario's red lines are judged by: which pool each partner's budget is drawn from and
/// the conditions on spending each pool (Finance's ``RingFence``: settings, districts), as the system pack
/// gives them.
public struct ScenarioFinance: Sendable, Hashable {
    /// The pool code each partner's budget is drawn from, where it is not its own.
    public var poolOfPartner: [String: String]
    /// Each pool's ring-fences, by pool code.
    public var ringFences: [String: [RingFence]]
    /// Each pool's name, by code.
    public var poolNames: [String: String]

    /// Makes the rules.
    public init(
        poolOfPartner: [String: String] = [:], ringFences: [String: [RingFence]] = [:],
        poolNames: [String: String] = [:]
    ) {
        self.poolOfPartner = poolOfPartner
        self.ringFences = ringFences
        self.poolNames = poolNames
    }
}
