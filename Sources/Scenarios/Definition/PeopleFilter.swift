import ConcordatCore

/// Who a change is aimed at, resolved: each criterion `nil` when any value matches.
public struct PeopleFilter: Sendable, Hashable {
    /// Place codes.
    public var places: Set<String>?
    /// Neighbourhood codes.
    public var neighbourhoods: Set<String>?
    /// Bridges to Health segments (raw values).
    public var segments: Set<UInt8>?
    /// Age band indices.
    public var ageBands: Set<Int>?
    /// Sexes (0 female, 1 male, as in the dataset).
    public var sexes: Set<UInt8>?
    /// IMD deciles.
    public var imdDeciles: Set<UInt8>?
    /// Condition indices (into the context's conditions); any of them.
    public var conditions: [Int]?

    /// Everyone.
    public static let everyone = PeopleFilter()

    /// Makes a filter.
    public init(
        places: Set<String>? = nil, neighbourhoods: Set<String>? = nil, segments: Set<UInt8>? = nil,
        ageBands: Set<Int>? = nil, sexes: Set<UInt8>? = nil, imdDeciles: Set<UInt8>? = nil, conditions: [Int]? = nil
    ) {
        self.places = places
        self.neighbourhoods = neighbourhoods
        self.segments = segments
        self.ageBands = ageBands
        self.sexes = sexes
        self.imdDeciles = imdDeciles
        self.conditions = conditions
    }
}
