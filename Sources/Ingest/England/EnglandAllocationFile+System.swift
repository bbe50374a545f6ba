import ConcordatCore

extension EnglandAllocationFile {
    /// The published weighted populations an allocation of `system` uses: every row of the ICB whose
    /// code is the system's (for a system built from published files, the same rows as its own
    /// weighted-population file).
    /// Empty for a system that is not one of England's ICBs (an example), which then cannot be
    /// allocated on the published basis.
    /// - Throws: ``IngestError`` if the shipped file is unreadable or a value is not a number.
    public static func publishedWeights(of system: HealthSystem) throws -> [String: WeightedPopulation] {
        try bundled().weightedPopulations(ofICB: system.code)
    }
}
