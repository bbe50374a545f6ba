import ConcordatCore
import Finance
import Foundation
import Ingest
import PopulationHealth
import SystemPack

extension SystemFinances {
    /// The money picture of `system` with the loaded dataset's spend and person-based formula (if any),
    /// the published weighted populations its pack builds on, and its pack's partners, pools, risk-share
    /// agreement and care networks.
    public init(system: HealthSystem, analysis: PopulationAnalysis?, pack: SystemPack?) throws {
        // The published files the pack builds on, else NHS England's weighted populations of the system's ICB
        // (empty for a system, such as a pack of given areas, whose code is no ICB's).
        var weights: [String: WeightedPopulation]
        if let folder = pack?.publishedDataDirectory {
            weights = try PublishedReferenceData(directory: folder).weightedPopulations()
        } else {
            weights = try EnglandAllocationFile.publishedWeights(of: system)
        }
        let finance = pack?.finance
        let partnerOf: @Sendable (SpendSummary.Cell) -> String = { finance?.partner(of: $0) ?? $0.provider }
        let poolOf: @Sendable (String) -> String? = { finance?.pool(ofPartner: $0) }
        self.init(
            system: system, publishedWeights: weights, personBasedWeights: analysis?.personBasedCapitation?.weights,
            spend: analysis?.spend, partnerOf: partnerOf, poolOf: poolOf,
            agreement: finance?.agreement ?? .tieredByBudget, careNetworks: finance?.careNetworks,
            partnerNames: Dictionary(
                finance?.partners.map { ($0.code, $0.name) } ?? [], uniquingKeysWith: { a, _ in a }))
    }

    /// The same, reading the analysis stored with a dataset summary.
    public init(system: HealthSystem, dataset: DatasetSummary?, pack: SystemPack?) throws {
        let analysis = try dataset?.analysis.map { try JSONDecoder().decode(PopulationAnalysis.self, from: $0) }
        try self.init(system: system, analysis: analysis, pack: pack)
    }

    /// A partner's name: from the system's organisations, then its pack's partners, else its code.
    public func partnerName(_ code: String) -> String {
        system.organisations.first { $0.code == code }?.name ?? partnerNames[code] ?? code
    }
}
