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

    /// Today (UTC), the latest date an extract without an extract date may hold.
    public static var today: Day {
        Day(daysSinceEpoch: Int32((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
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

    /// Reads, checks and loads the extract in `directory`, with the engine run on it for one analysis
    /// period (``DatasetAnalysis``).
    /// - Parameters:
    ///   - extractDate: no date in the data may be later; `nil`: the day after the data's latest date (the
    ///     data are checked against `today` first). A date more than 31 days from that is warned about.
    ///   - period: the analysis period; `nil`: the twelve months ending at the data's last complete month.
    ///   - today: the latest date an extract without an extract date may hold.
    /// - Throws: `CancellationError` when ``isCancelled`` says stop (nothing is loaded);
    ///   ``AnalysisPeriodError`` when the period ends on or after the extract date (nothing is loaded).
    public func load(
        directory: URL, pseudonymiser: Pseudonymiser?, extractDate: Day?, period: AnalysisPeriod? = nil,
        source: String, today: Day = DatasetLoading.today
    ) async throws -> Result {
        var importer = DatasetImport(system: system, pseudonymiser: pseudonymiser, extractDate: extractDate ?? today)
        importer.progress = progress
        importer.isCancelled = isCancelled
        var (dataset, report) = try importer.run(directory: directory)
        if isCancelled?() == true { throw CancellationError() }
        guard let dataset else { return .refused(report) }
        let extract = extractDate ?? DatasetAnalysis.defaultExtractDate(of: dataset, fallback: today)
        if extractDate != nil, let warning = DatasetAnalysis.extractDateWarning(extract, dataset: dataset) {
            report.warnings.append(warning)
        }
        let chosen = try DatasetAnalysis.period(given: period, dataset: dataset, extractDate: extract)
        report.extractDate = extract
        report.analysisPeriod = chosen
        report.eventsOutsidePeriod = dataset.eventsOutside(chosen)
        let analysing = DatasetAnalysis(store: store, electronicFrailtyIndex: electronicFrailtyIndex)
        if let existing = try await store.datasetSummary(), existing.fingerprint == report.fingerprint {
            let stored = existing.analysis.flatMap { try? JSONDecoder().decode(PopulationAnalysis.self, from: $0) }
            if stored?.period == chosen, stored?.extractDate == extract { return .unchanged(existing, report) }
            // The same extract with another period or extract date: the analysis is redone, the data kept.
            let (analysis, cohort) = try analysing.analyse(dataset, period: chosen, extractDate: extract)
            if isCancelled?() == true { throw CancellationError() }
            try await store.updateAnalysis(analysis, cohort: cohort, fingerprint: existing.fingerprint)
            var summary = existing
            summary.analysis = analysis
            return .loaded(summary, report)
        }
        // The population health engine runs once per import; pages read its aggregates, never people.
        let (analysis, cohort) = try analysing.analyse(dataset, period: chosen, extractDate: extract)
        let summary = DatasetSummary(of: dataset, fingerprint: report.fingerprint, source: source, analysis: analysis)
        if isCancelled?() == true { throw CancellationError() }
        try await store.replaceDataset(dataset, summary: summary, cohort: cohort)
        return .loaded(summary, report)
    }
}
