import ConcordatCore

extension EnglandAllocationFile {
    /// The published weighted populations an allocation of `system` uses: every row of the ICB whose
    /// code is the system's (for Kent & Medway, `QKS`, the same 183 rows as the Kent & Medway file).
    /// Empty for a system that is not one of England's ICBs (an example), which then cannot be
    /// allocated on the published basis.
    /// - Throws: ``IngestError`` if the shipped file is unreadable or a value is not a number.
    public static func publishedWeights(of system: HealthSystem) throws -> [String: WeightedPopulation] {
        try bundled().weightedPopulations(ofICB: system.code)
    }

    /// `system` with its practices' list sizes filled in from this file (people of unknown sex and
    /// age, as ``PublishedICB`` builds them), for a system read back from a store that keeps age/sex
    /// cells only. Only a system that carries no population at all and is one of the file's ICBs is
    /// changed: one with any population (Kent & Medway, from its age/sex file) is left as it is.
    /// - Throws: ``IngestError`` naming the line of a population that is not a number.
    public func withListSizes(_ system: HealthSystem) throws -> HealthSystem {
        guard system.population(of: system.root.code).total == 0 else { return system }
        let rows = records(ofICB: system.code)
        guard !rows.isEmpty else { return system }
        let (code, population) = (try table.column("Practice_Code"), try table.column("Population"))
        var populations = system.sourcePopulations
        var changed = false
        for record in rows {
            let practice = record[code].uppercased()
            guard let area = system.area(practice), system.children(of: area.code).isEmpty else { continue }
            populations[practice] = PopulationProfile(unbanded: Int(try number(record, population).rounded()))
            changed = true
        }
        guard changed else { return system }
        return try HealthSystem(
            code: system.code, name: system.name, levels: system.levels, areas: system.areas,
            populations: populations, organisations: system.organisations, notes: system.notes,
            sources: system.sources, publishedRegisteredTotal: system.publishedRegisteredTotal)
    }
}
