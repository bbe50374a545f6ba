import ConcordatCore
import Foundation
import Ingest
import PopulationHealth
import Storage

/// Imports an extract into the store, all or nothing, and says what happened: shared by `concordat
/// import`, `concordat demo` and the web's import job.
public struct DatasetLoading: Sendable {
    /// The store to load into.
    public var store: any Store
    /// The system the extract is for.
    public var system: HealthSystem
    /// The eFI, when its deficit lists are configured.
    public var electronicFrailtyIndex: ElectronicFrailtyIndex?
    /// Told the bytes read so far and in all, as the extract is read.
    public var progress: (@Sendable (_ bytesRead: Int, _ bytesTotal: Int) -> Void)?
    /// Asked between files and stages whether to stop; a stop loads nothing.
    public var isCancelled: (@Sendable () -> Bool)?

    /// Makes a loader.
    public init(
        store: any Store, system: HealthSystem, electronicFrailtyIndex: ElectronicFrailtyIndex? = nil,
        progress: (@Sendable (Int, Int) -> Void)? = nil, isCancelled: (@Sendable () -> Bool)? = nil
    ) {
        self.store = store
        self.system = system
        self.electronicFrailtyIndex = electronicFrailtyIndex
        self.progress = progress
        self.isCancelled = isCancelled
    }

    /// What an import did.
    public enum Result: Sendable {
        /// The dataset was loaded.
        case loaded(DatasetSummary, DatasetImportReport)
        /// The same extract (same fingerprint) was already loaded: nothing changed.
        case unchanged(DatasetSummary, DatasetImportReport)
        /// Rows were refused: nothing was loaded.
        case refused(DatasetImportReport)
    }

    /// Reads, checks and loads the extract in `directory`, with the engine run on it.
    /// - Throws: `CancellationError` when ``isCancelled`` says stop (nothing is loaded).
    public func load(directory: URL, pseudonymiser: Pseudonymiser?, extractDate: Day, source: String) async throws
        -> Result
    {
        var importer = DatasetImport(system: system, pseudonymiser: pseudonymiser, extractDate: extractDate)
        importer.progress = progress
        importer.isCancelled = isCancelled
        let (dataset, report) = try importer.run(directory: directory)
        if isCancelled?() == true { throw CancellationError() }
        guard let dataset else { return .refused(report) }
        if let existing = try await store.datasetSummary(), existing.fingerprint == report.fingerprint {
            return .unchanged(existing, report)
        }
        // The population health engine runs once per import; pages read its aggregates, never people.
        let (analysis, cohort) = PopulationAnalysis.run(
            on: dataset, referenceDate: extractDate, electronicFrailtyIndex: electronicFrailtyIndex)
        let summary = DatasetSummary(
            of: dataset, fingerprint: report.fingerprint, source: source, analysis: try JSONEncoder().encode(analysis))
        if isCancelled?() == true { throw CancellationError() }
        try await store.replaceDataset(dataset, summary: summary, cohort: cohort)
        return .loaded(summary, report)
    }
}
