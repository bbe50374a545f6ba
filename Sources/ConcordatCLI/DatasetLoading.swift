import ConcordatCore
import Foundation
import Ingest
import PopulationHealth
import Storage

/// Imports an extract into the store, all or nothing, and says what happened; shared by `import` and `demo`.
struct DatasetLoading {
    var store: any Store
    var system: HealthSystem
    /// The eFI, when its deficit lists are configured.
    var electronicFrailtyIndex: ElectronicFrailtyIndex? = nil

    /// What an import did.
    enum Result {
        /// The dataset was loaded.
        case loaded(DatasetSummary, DatasetImportReport)
        /// The same extract (same fingerprint) was already loaded: nothing changed.
        case unchanged(DatasetSummary, DatasetImportReport)
        /// Rows were refused: nothing was loaded.
        case refused(DatasetImportReport)
    }

    func load(directory: URL, pseudonymiser: Pseudonymiser?, extractDate: Day, source: String) async throws -> Result {
        var importer = DatasetImport(system: system, pseudonymiser: pseudonymiser, extractDate: extractDate)
        let bar = ProgressBar("Reading")
        importer.progress = { bar.update(done: $0, total: $1) }
        let (dataset, report) = try importer.run(directory: directory)
        bar.finish()
        guard let dataset else { return .refused(report) }
        if let existing = try await store.datasetSummary(), existing.fingerprint == report.fingerprint {
            return .unchanged(existing, report)
        }
        // The population health engine runs once per import; pages read its aggregates, never people.
        let (analysis, cohort) = PopulationAnalysis.run(
            on: dataset, referenceDate: extractDate, electronicFrailtyIndex: electronicFrailtyIndex)
        let summary = DatasetSummary(
            of: dataset, fingerprint: report.fingerprint, source: source, analysis: try JSONEncoder().encode(analysis))
        try await store.replaceDataset(dataset, summary: summary, cohort: cohort)
        return .loaded(summary, report)
    }
}
