/// What a definition is checked against: the system's places, neighbourhoods and partners, and the
/// conditions people can be chosen by.
public struct ScenarioContext: Sendable, Hashable {
    /// Place codes.
    public var places: Set<String>
    /// Neighbourhood codes.
    public var neighbourhoods: Set<String>
    /// Partner (budget holder) codes.
    public var partners: Set<String>
    /// Condition names people can be chosen by (Charlson categories).
    public var conditions: [String]

    /// Makes a context.
    public init(places: Set<String>, neighbourhoods: Set<String>, partners: Set<String>, conditions: [String]) {
        self.places = places
        self.neighbourhoods = neighbourhoods
        self.partners = partners
        self.conditions = conditions
    }
}
