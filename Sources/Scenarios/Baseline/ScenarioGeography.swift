import ConcordatCore

/// Where each practice is, as scenarios need it: its place (the area directly under the system), its
/// neighbourhood (the area between place and practice, where the system has one) and its local authority
/// district (for ring-fences).
public struct ScenarioGeography: Sendable, Hashable {
    /// Place code by practice code.
    public var placeOfPractice: [String: String]
    /// Neighbourhood code by practice code.
    public var neighbourhoodOfPractice: [String: String]
    /// District by practice code (absent when unknown).
    public var districtOfPractice: [String: String]
    /// Every place code.
    public var places: [String]
    /// Every neighbourhood code.
    public var neighbourhoods: [String]

    /// Makes a geography from its tables.
    public init(
        placeOfPractice: [String: String], neighbourhoodOfPractice: [String: String] = [:],
        districtOfPractice: [String: String] = [:]
    ) {
        self.placeOfPractice = placeOfPractice
        self.neighbourhoodOfPractice = neighbourhoodOfPractice
        self.districtOfPractice = districtOfPractice
        places = Set(placeOfPractice.values).sorted()
        neighbourhoods = Set(neighbourhoodOfPractice.values).sorted()
    }

    /// The geography of a system: places at its second level, neighbourhoods at its third when it has four
    /// or more levels, practices at its last.
    public init(system: HealthSystem) {
        var places: [String: String] = [:]
        var neighbourhoods: [String: String] = [:]
        var districts: [String: String] = [:]
        for leaf in system.areas(atLevel: system.levels.last?.key ?? "practice") {
            let lineage = system.lineage(of: leaf.code)
            if lineage.count >= 3 { places[leaf.code] = lineage[1].code }
            if lineage.count >= 4 { neighbourhoods[leaf.code] = lineage[2].code }
            if let district = leaf.district { districts[leaf.code] = district }
        }
        self.init(placeOfPractice: places, neighbourhoodOfPractice: neighbourhoods, districtOfPractice: districts)
    }

    /// The codes a definition's places and neighbourhoods are checked against.
    public func context(partners: Set<String>, conditions: [String] = PersonAttributes.conditionNames)
        -> ScenarioContext
    {
        ScenarioContext(
            places: Set(places), neighbourhoods: Set(neighbourhoods), partners: partners, conditions: conditions)
    }
}
