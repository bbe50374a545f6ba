import ConcordatCore
import Finance
import Foundation
import Ingest
import PopulationHealth

extension SystemFinances {
    /// The money picture of `system` with the loaded dataset's spend and person-based formula (if any),
    /// NHS England's published weighted populations, and the system's partners and pools
    /// (``FinanceParticulars``).
    public init(system: HealthSystem, analysis: PopulationAnalysis?) throws {
        let particulars = FinanceParticulars.of(system)
        let weights = try PublishedReferenceData.bundledKentMedway().weightedPopulations()
        self.init(
            system: system, publishedWeights: weights, personBasedWeights: analysis?.personBasedCapitation?.weights,
            spend: analysis?.spend, partnerOf: particulars.partnerOf, poolOf: particulars.poolOf)
    }

    /// The same, reading the analysis stored with a dataset summary.
    public init(system: HealthSystem, dataset: DatasetSummary?) throws {
        let analysis = try dataset?.analysis.map { try JSONDecoder().decode(PopulationAnalysis.self, from: $0) }
        try self.init(system: system, analysis: analysis)
    }

    /// A partner's name: from the system's organisations, then the particulars' providers, else its code.
    public func partnerName(_ code: String) -> String {
        system.organisations.first { $0.code == code }?.name ?? FinanceParticulars.of(system).partnerName(code)
    }
}
