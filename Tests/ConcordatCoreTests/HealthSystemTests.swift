import ConcordatCore
import Testing

@Suite("A system's hierarchy and its populations")
struct HealthSystemTests {
    static let levels = [
        HierarchyLevel(key: "system", singular: "System", plural: "Systems"),
        HierarchyLevel(key: "place", singular: "Place", plural: "Places"),
        HierarchyLevel(key: "neighbourhood", singular: "PCN", plural: "PCNs", designPopulation: 30...50),
        HierarchyLevel(key: "practice", singular: "Practice", plural: "Practices"),
    ]

    static func profile(female: Int, male: Int, band: Int = 3) -> PopulationProfile {
        var profile = PopulationProfile()
        profile[.female, AgeBand(index: band)!] = female
        profile[.male, AgeBand(index: band)!] = male
        return profile
    }

    static func sample() throws -> HealthSystem {
        try HealthSystem(
            code: "S", name: "Sample", levels: levels,
            areas: [
                Area(code: "S", name: "Sample", level: "system", parentCode: nil),
                Area(code: "P1", name: "North", level: "place", parentCode: "S"),
                Area(code: "P2", name: "South", level: "place", parentCode: "S"),
                Area(code: "N1", name: "Alpha PCN", level: "neighbourhood", parentCode: "P1"),
                Area(code: "N2", name: "Beta PCN", level: "neighbourhood", parentCode: "P2"),
                Area(code: "A", name: "A Surgery", level: "practice", parentCode: "N1"),
                Area(code: "B", name: "B Surgery", level: "practice", parentCode: "N1"),
                Area(code: "C", name: "C Surgery", level: "practice", parentCode: "N2"),
                Area(code: "D", name: "D Surgery", level: "practice", parentCode: "P2"),
            ],
            populations: [
                "A": profile(female: 10, male: 12), "B": profile(female: 7, male: 3, band: 15),
                "C": profile(female: 1, male: 2), "D": profile(female: 5, male: 0, band: 19),
            ])
    }

    @Test("populations roll up from practices to neighbourhoods, places and the system")
    func rollsUp() throws {
        let system = try Self.sample()
        #expect(system.population(of: "N1").total == 32)
        #expect(system.population(of: "P1").total == 32)
        #expect(system.population(of: "N2").total == 3)
        #expect(system.population(of: "P2").total == 8)
        #expect(system.population(of: "S").total == 40)
        #expect(system.population(of: "S").total(of: .female) == 23)
        #expect(system.population(of: "S").total(agedAtLeast: 65) == 15)
        #expect(system.population(of: "S")[.female, AgeBand(index: 19)!] == 5)
    }

    @Test("lineage runs from the system down; children are sorted by name")
    func lineageAndChildren() throws {
        let system = try Self.sample()
        #expect(system.lineage(of: "B").map(\.code) == ["S", "P1", "N1", "B"])
        #expect(system.children(of: "P2").map(\.code) == ["N2", "D"])
        #expect(system.root.code == "S")
        #expect(system.areas(atLevel: "practice").count == 4)
    }

    @Test("the design size flags neighbourhoods outside it, and no other level")
    func designSize() throws {
        let system = try Self.sample()
        #expect(system.isOutsideDesignSize("N1") == false)  // 32 within 30...50
        #expect(system.isOutsideDesignSize("N2") == true)  // 3
        #expect(system.isOutsideDesignSize("P1") == nil)
    }

    @Test("a tree with a repeated code, an unknown parent, two roots or an unknown level is refused")
    func refusesBrokenTrees() {
        let root = Area(code: "S", name: "S", level: "system", parentCode: nil)
        #expect(throws: HealthSystemError.duplicateCode("S")) {
            try HealthSystem(code: "S", name: "S", levels: Self.levels, areas: [root, root])
        }
        #expect(throws: HealthSystemError.unknownParent(area: "X", parent: "Q")) {
            try HealthSystem(
                code: "S", name: "S", levels: Self.levels,
                areas: [root, Area(code: "X", name: "X", level: "place", parentCode: "Q")])
        }
        #expect(throws: HealthSystemError.notOneRoot(found: ["S", "T"])) {
            try HealthSystem(
                code: "S", name: "S", levels: Self.levels,
                areas: [root, Area(code: "T", name: "T", level: "system", parentCode: nil)])
        }
        #expect(throws: HealthSystemError.unknownLevel(area: "X", level: "ward")) {
            try HealthSystem(
                code: "S", name: "S", levels: Self.levels,
                areas: [root, Area(code: "X", name: "X", level: "ward", parentCode: "S")])
        }
        #expect(throws: HealthSystemError.parentNotHigher(area: "Y", parent: "X")) {
            try HealthSystem(
                code: "S", name: "S", levels: Self.levels,
                areas: [
                    root, Area(code: "X", name: "X", level: "place", parentCode: "S"),
                    Area(code: "Y", name: "Y", level: "place", parentCode: "X"),
                ])
        }
        #expect(throws: HealthSystemError.populationForUnknownArea("Z")) {
            try HealthSystem(
                code: "S", name: "S", levels: Self.levels, areas: [root], populations: ["Z": PopulationProfile()])
        }
    }
}

@Suite("Natural ordering of names")
struct NaturalOrderTests {
    @Test("digits compare as numbers, letters case-insensitively")
    func orders() {
        let names = ["Locality 10", "locality 2", "Locality 1", "Alpha", "Locality 9", "beta", "Locality 02"]
        #expect(
            names.sorted(by: NaturalOrder.precedes) == [
                "Alpha", "beta", "Locality 1", "locality 2", "Locality 02", "Locality 9", "Locality 10",
            ])
        #expect(!NaturalOrder.precedes("a", "a"))
        #expect(NaturalOrder.precedes("a", "ab"))
    }
}
