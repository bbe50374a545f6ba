import ConcordatCore
import Finance
import Foundation
import Ingest
import PopulationHealth

extension SystemFinances {
    /// The money picture of `system` with the loaded dataset's spend and person-based formula (if any),
    /// NHS England's published weighted populations of the system's ICB, and — for Kent & Medway — the councils' pools.
    public init(system: HealthSystem, analysis: PopulationAnalysis?) throws {
        let isKentMedway = system.code == "QKS"
        let weights = try EnglandAllocationFile.publishedWeights(of: system)
        let partnerOf: @Sendable (SpendSummary.Cell) -> String = { KentMedwayFinance.partner(of: $0) }
        let poolOf: @Sendable (String) -> String? = { isKentMedway ? KentMedwayFinance.pool(ofPartner: $0) : nil }
        self.init(
            system: system, publishedWeights: weights, personBasedWeights: analysis?.personBasedCapitation?.weights,
            spend: analysis?.spend, partnerOf: partnerOf, poolOf: poolOf)
    }

    /// The same, reading the analysis stored with a dataset summary.
    public init(system: HealthSystem, dataset: DatasetSummary?) throws {
        let analysis = try dataset?.analysis.map { try JSONDecoder().decode(PopulationAnalysis.self, from: $0) }
        try self.init(system: system, analysis: analysis)
    }

    /// A partner's name: from the system's organisations, then Kent & Medway's providers, else its code.
    public func partnerName(_ code: String) -> String {
        system.organisations.first { $0.code == code }?.name ?? KentMedwayFinance.partnerName(code)
    }
}
