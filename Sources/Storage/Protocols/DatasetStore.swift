import ConcordatCore
import Foundation

/// Where the integrated dataset is kept, with its analysis and top-risk cohort.
public protocol DatasetStore: Sendable {
    /// Replaces the integrated dataset and its top-risk cohort, whole, in one transaction.
    func replaceDataset(_ dataset: IntegratedDataset, summary: DatasetSummary, cohort: [RiskCohortMember]) async throws

    /// The loaded dataset's summary, or `nil` when none is loaded.
    func datasetSummary() async throws -> DatasetSummary?

    /// The loaded dataset, or `nil` when none is loaded.
    func loadDataset() async throws -> IntegratedDataset?

    /// Replaces the loaded dataset's analysis (after the engine gains a measure), keeping the dataset.
    /// - Throws: ``StoreError`` `notFound` when no dataset with `fingerprint` is loaded.
    func updateAnalysis(_ analysis: Data, cohort: [RiskCohortMember], fingerprint: String) async throws

    /// A practice's top-risk cohort by person, highest risk first. Restricted: callers must check the
    /// reader's role and log the access (``AccountStore/recordAccess(_:)``).
    func riskCohort(practice: String) async throws -> [RiskCohortMember]
}

extension DatasetStore {
    /// Replaces the integrated dataset with no top-risk cohort.
    public func replaceDataset(_ dataset: IntegratedDataset, summary: DatasetSummary) async throws {
        try await replaceDataset(dataset, summary: summary, cohort: [])
    }
}
