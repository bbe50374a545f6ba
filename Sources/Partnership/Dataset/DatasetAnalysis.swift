import ConcordatCore
import Foundation
import PopulationHealth
import Storage

/// Runs the population health engine on a dataset for its one analysis period and extract date, and
/// stores the result: the one use case behind the import, the demo and the web's re-analysis job, so
/// that the same data, period and extract date always give the same stored analysis.
public struct DatasetAnalysis: Sendable {
    /// An extract date further than this from the day after the data's latest date is warned about.
    public static let farDays = 31

    /// The store holding the dataset.
    public var store: any Store
    /// The eFI, when its deficit lists are configured.
    public var electronicFrailtyIndex: ElectronicFrailtyIndex?

    /// Makes the use case.
    public init(store: any Store, electronicFrailtyIndex: ElectronicFrailtyIndex? = nil) {
        self.store = store
        self.electronicFrailtyIndex = electronicFrailtyIndex
    }

    /// The default extract date of `dataset`: the day after its latest date, or `fallback` with no dates.
    public static func defaultExtractDate(of dataset: IntegratedDataset, fallback: Day) -> Day {
        dataset.latestDate?.adding(days: 1) ?? fallback
    }

    /// A warning when `extractDate` is more than ``farDays`` from the day after the data's latest date.
    public static func extractDateWarning(_ extractDate: Day, dataset: IntegratedDataset) -> String? {
        guard let latest = dataset.latestDate else { return nil }
        let gap = latest.adding(days: 1).days(to: extractDate)
        guard abs(gap) > farDays else { return nil }
        return "the extract date \(extractDate) is \(abs(gap)) days after the data's latest date \(latest) "
            + "(more than \(farDays)): check it; the analysis period comes from the data, not from it"
    }

    /// The period to analyse: `given`, or the twelve months ending at the last complete month of the data.
    /// - Throws: ``AnalysisPeriodError/afterExtract(period:extractDate:)`` when it ends on or after the
    ///   extract date.
    public static func period(
        given: AnalysisPeriod?, dataset: IntegratedDataset, extractDate: Day
    ) throws -> AnalysisPeriod {
        let period =
            given ?? .twelveMonths(endingAtLastCompleteMonthOf: dataset.latestDate ?? extractDate.adding(days: -1))
        guard period.lastDay < extractDate else {
            throw AnalysisPeriodError.afterExtract(period: period.description, extractDate: extractDate)
        }
        return period
    }

    /// The stored analysis's period and extract date, or the defaults for an analysis stored before they
    /// were kept, with a note saying so.
    public static func storedDates(
        of summary: DatasetSummary, dataset: IntegratedDataset
    ) -> (period: AnalysisPeriod, extractDate: Day, note: String?) {
        storedDates(of: summary, analysis: storedAnalysis(of: summary), dataset: dataset)
    }

    /// The analysis stored with `summary`, if it can be read.
    static func storedAnalysis(of summary: DatasetSummary) -> PopulationAnalysis? {
        summary.analysis.flatMap { try? JSONDecoder().decode(PopulationAnalysis.self, from: $0) }
    }

    /// ``storedDates(of:dataset:)`` of an analysis already read from `summary`.
    static func storedDates(
        of summary: DatasetSummary, analysis stored: PopulationAnalysis?, dataset: IntegratedDataset
    ) -> (period: AnalysisPeriod, extractDate: Day, note: String?) {
        let importedOn = Day(daysSinceEpoch: Int32((summary.importedAt.timeIntervalSince1970 / 86_400).rounded(.down)))
        let extractDate = stored?.extractDate ?? defaultExtractDate(of: dataset, fallback: importedOn)
        if let period = stored?.period { return (period, extractDate, nil) }
        let period = AnalysisPeriod.twelveMonths(
            endingAtLastCompleteMonthOf: dataset.latestDate ?? extractDate.adding(days: -1))
        return (
            period, extractDate,
            "the stored analysis has no analysis period (made by an older version): the default \(period) and "
                + "extract date \(extractDate) were used"
        )
    }

    /// The analysis of `dataset` for `period`, JSON-encoded with sorted keys (the same input gives the
    /// same bytes), and the top-risk cohort.
    public func analyse(
        _ dataset: IntegratedDataset, period: AnalysisPeriod, extractDate: Day,
        stage: (_ progress: Double, _ name: String) throws -> Void = { _, _ in }
    ) throws -> (analysis: Data, cohort: [RiskCohortMember]) {
        let (analysis, cohort) = try PopulationAnalysis.run(
            on: dataset, period: period, extractDate: extractDate, electronicFrailtyIndex: electronicFrailtyIndex,
            stage: stage)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try encoder.encode(analysis), cohort)
    }

    /// What a re-analysis did.
    public struct Reanalysis: Sendable {
        /// The period analysed.
        public var period: AnalysisPeriod
        /// The extract date used.
        public var extractDate: Day
        /// People in the population at the period's end.
        public var people: Int
        /// Set when the stored analysis had no period and defaults were used.
        public var note: String?
    }

    /// Re-runs the engine on the stored dataset with its stored period and extract date, and stores the
    /// analysis in place of the old one.
    /// - Throws: ``StoreError`` when no dataset is loaded; whatever `stage` throws (a cancelled job).
    public func reanalyse(
        stage: @Sendable (_ progress: Double, _ name: String) throws -> Void = { _, _ in }
    ) async throws -> Reanalysis {
        guard let summary = try await store.datasetSummary() else { throw StoreError.notFound("dataset", "loaded") }
        try stage(0.02, "loading the dataset")
        guard let dataset = try await store.loadDataset() else {
            throw StoreError.notFound("dataset", summary.fingerprint)
        }
        // Read once: the stored analysis gives the period, the extract date and the eFI's deficit lists.
        let stored = Self.storedAnalysis(of: summary)
        let (period, extractDate, note) = Self.storedDates(of: summary, analysis: stored, dataset: dataset)
        var analysing = self
        if analysing.electronicFrailtyIndex == nil, let configuration = stored?.frailtyConfiguration {
            analysing.electronicFrailtyIndex = try ElectronicFrailtyIndex(configuration: configuration)
        }
        let (data, cohort) = try analysing.analyse(dataset, period: period, extractDate: extractDate, stage: stage)
        try stage(0.95, "saving")
        try await store.updateAnalysis(data, cohort: cohort, fingerprint: summary.fingerprint)
        let people = (0..<dataset.personCount).filter { dataset.standing(of: $0, in: period) == .registered }.count
        return Reanalysis(period: period, extractDate: extractDate, people: people, note: note)
    }
}
