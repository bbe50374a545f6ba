import ConcordatCore
import ConcordatTestSupport
import Foundation
import Ingest
import Partnership
import PopulationHealth
import Storage
import Testing

@Suite("One extract date and one analysis period per dataset")
struct DatasetPeriodTests {
    static let kent = Result {
        try PublishedSystemAssembly.assemble(from: .bundled("kent-medway"), rules: BundledPacks.kentPlaceRules)
    }
    static let pseudonymiser = Result { try Pseudonymiser(key: [UInt8](repeating: 9, count: 32)) }

    /// A synthetic extract whose events end on 2026-06-30, in a fresh folder.
    static func extract(people: Int = 1_200, seed: UInt64 = 31) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-period-\(UUID())")
        _ = try SyntheticPopulation.write(
            system: try kent.get(), spec: SyntheticPopulationSpec.kentMedway(seed: seed, people: people), to: folder)
        return folder
    }

    static func store() async throws -> SQLiteStore {
        let store = try SQLiteStore()
        try await store.replaceSystem(try kent.get())
        return store
    }

    static func storedAnalysis(_ store: any Store) async throws -> (Data, PopulationAnalysis) {
        let blob = try #require(try await store.datasetSummary()?.analysis)
        return (blob, try JSONDecoder().decode(PopulationAnalysis.self, from: blob))
    }

    @Test("the import and the re-run (the job's path) store exactly the same analysis")
    func importAndRerunAgree() async throws {
        let folder = try Self.extract()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await Self.store()
        // Imported on 2026-12-01 without an extract date: the extract date comes from the data.
        let result = try await DatasetLoading(store: store, system: try Self.kent.get()).load(
            directory: folder, pseudonymiser: try Self.pseudonymiser.get(), extractDate: nil, source: "test",
            today: Day(year: 2026, month: 12, day: 1)!)
        guard case .loaded(_, let report) = result else {
            Issue.record("expected the extract to load, got \(result)")
            return
        }
        #expect(report.extractDate == Day(year: 2026, month: 7, day: 1))
        #expect(report.analysisPeriod?.description == "2025-07..2026-06")
        #expect(report.warnings.isEmpty)
        #expect(report.rendered().contains("Analysis period 2025-07..2026-06"))
        let (imported, analysis) = try await Self.storedAnalysis(store)
        #expect(analysis.period?.description == "2025-07..2026-06")
        #expect(analysis.extractDate == Day(year: 2026, month: 7, day: 1))
        #expect(analysis.admissionRisk?.outcomePeriod == "2026-01-01 to 2026-06-30")
        #expect(analysis.admissionRisk?.aucInterval != nil)

        let rerun = try await DatasetAnalysis(store: store).reanalyse()
        #expect(rerun.note == nil)
        #expect(rerun.period == analysis.period)
        let (again, rerunAnalysis) = try await Self.storedAnalysis(store)
        #expect(again == imported)  // byte for byte
        #expect(rerunAnalysis.profiles == analysis.profiles)
        #expect(rerunAnalysis.admissionRisk == analysis.admissionRisk)
        #expect(rerunAnalysis.spend == analysis.spend)
        #expect(rerunAnalysis.personBasedCapitation == analysis.personBasedCapitation)
    }

    @Test("a re-run keeps the eFI the dataset was imported with, so the job's analysis matches the import's")
    func rerunKeepsFrailtyIndex() async throws {
        let folder = try Self.extract()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await Self.store()
        let configuration = ElectronicFrailtyIndex.Configuration(deficits: [
            .init(name: "Falls", codes: ["161898004", "56307009"]),
            .init(name: "Memory and cognitive problems", codes: ["386807006"]),
        ])
        let frailty = try ElectronicFrailtyIndex(configuration: configuration)
        _ = try await DatasetLoading(store: store, system: try Self.kent.get(), electronicFrailtyIndex: frailty)
            .load(
                directory: folder, pseudonymiser: try Self.pseudonymiser.get(), extractDate: nil, source: "test",
                today: Day(year: 2026, month: 12, day: 1)!)
        let (imported, analysis) = try await Self.storedAnalysis(store)
        #expect(analysis.frailtyConfiguration == configuration)
        #expect(analysis.profiles.values.contains { $0.efiCategories != nil })

        // The job re-runs with no eFI given: it must use the stored deficit lists, not drop the eFI.
        _ = try await DatasetAnalysis(store: store).reanalyse()
        let (again, rerun) = try await Self.storedAnalysis(store)
        #expect(rerun.frailtyConfiguration == configuration)
        #expect(rerun.profiles == analysis.profiles)
        #expect(again == imported)  // byte for byte
    }

    @Test("the population is the registered and alive at the period end; the dead are counted apart")
    func population() async throws {
        let folder = try Self.extract(people: 1_500, seed: 11)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await Self.store()
        _ = try await DatasetLoading(store: store, system: try Self.kent.get()).load(
            directory: folder, pseudonymiser: try Self.pseudonymiser.get(), extractDate: nil, source: "test",
            today: Day(year: 2026, month: 12, day: 1)!)
        let (_, analysis) = try await Self.storedAnalysis(store)
        let dataset = try #require(try await store.loadDataset())
        let period = try #require(analysis.period)
        let standings = (0..<dataset.personCount).map { dataset.standing(of: $0, in: period) }
        let people = analysis.profiles.values.reduce(0) { $0 + $1.people }
        let died = analysis.profiles.values.reduce(0) { $0 + ($1.diedInPeriod ?? 0) }
        #expect(people == standings.filter { $0 == .registered }.count)
        #expect(died == standings.filter { $0 == .diedInPeriod }.count)
        #expect(died > 0)  // the synthetic year has deaths
        #expect(people + died <= 1_500)
        // Their cost is in the totals and in the segments' cost.
        let total = analysis.profiles.values.reduce(Int64(0)) { $0 + $1.totalCost }
        let bySegment = analysis.profiles.values.reduce(Int64(0)) { $0 + $1.costBySegment.reduce(0, +) }
        #expect(total == bySegment)
        #expect(analysis.spend?.total == total)
    }

    @Test("a far extract date is warned about; a period after the extract date or a damaged one loads nothing")
    func hostileDates() async throws {
        let folder = try Self.extract(people: 600, seed: 5)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await Self.store()
        let loading = DatasetLoading(store: store, system: try Self.kent.get())
        let pseudonymiser = try Self.pseudonymiser.get()
        // The issue's case: an extract date of 2026-12-01 for data ending 2026-06-30.
        let far = try await loading.load(
            directory: folder, pseudonymiser: pseudonymiser, extractDate: Day(year: 2026, month: 12, day: 1)!,
            source: "far")
        guard case .loaded(_, let report) = far else {
            Issue.record("expected the extract to load, got \(far)")
            return
        }
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.contains("153 days after the data's latest date 2026-06-30") == true)
        // The period still comes from the data, and the model's outcomes lie inside it.
        let (_, analysis) = try await Self.storedAnalysis(store)
        #expect(analysis.period?.description == "2025-07..2026-06")
        #expect(analysis.admissionRisk?.outcomePeriod == "2026-01-01 to 2026-06-30")

        // A period that ends after the extract date: refused, nothing changed.
        await #expect(
            throws: AnalysisPeriodError.afterExtract(
                period: "2025-08..2026-07", extractDate: Day(year: 2026, month: 7, day: 1)!)
        ) {
            _ = try await loading.load(
                directory: folder, pseudonymiser: pseudonymiser, extractDate: Day(year: 2026, month: 7, day: 1)!,
                period: try AnalysisPeriod(parsing: "2025-08..2026-07"), source: "after")
        }
        #expect(try await store.datasetSummary()?.source == "far")

        // An extract date before all the events: every event is refused, nothing is loaded.
        let before = try await loading.load(
            directory: folder, pseudonymiser: pseudonymiser, extractDate: Day(year: 2024, month: 1, day: 1)!,
            source: "before")
        guard case .refused(let refused) = before else {
            Issue.record("expected the extract to be refused, got \(before)")
            return
        }
        #expect(refused.errorCount > 0)
        #expect(refused.rendered().contains("after the extract date 2024-01-01"))
        #expect(try await store.datasetSummary()?.source == "far")

        // The same extract with another period: the analysis is redone for it, the data kept.
        let shorter = try await loading.load(
            directory: folder, pseudonymiser: pseudonymiser, extractDate: Day(year: 2026, month: 12, day: 1)!,
            period: try AnalysisPeriod(parsing: "2026-01..2026-06"), source: "shorter")
        guard case .loaded = shorter else {
            Issue.record("expected the analysis to be redone, got \(shorter)")
            return
        }
        let (_, redone) = try await Self.storedAnalysis(store)
        #expect(redone.period?.description == "2026-01..2026-06")
        #expect(redone.spend?.months.count == 6)
        #expect(redone.admissionRisk?.outcomePeriod == "2026-04-01 to 2026-06-30")
        #expect((redone.eventsOutsidePeriod?.count ?? 0) > 0)
    }

    @Test("an analysis stored before periods still loads, and the re-run says it used the defaults")
    func oldSummary() async throws {
        let folder = try Self.extract(people: 500, seed: 6)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await Self.store()
        _ = try await DatasetLoading(store: store, system: try Self.kent.get()).load(
            directory: folder, pseudonymiser: try Self.pseudonymiser.get(), extractDate: nil, source: "test",
            today: Day(year: 2026, month: 12, day: 1)!)
        let summary = try #require(try await store.datasetSummary())
        // The analysis as an older version stored it: no period, no extract date.
        let dataset = try #require(try await store.loadDataset())
        let old = PopulationAnalysis(of: dataset, referenceDate: Day(year: 2026, month: 7, day: 1)!)
        #expect(old.period == nil)
        try await store.updateAnalysis(try JSONEncoder().encode(old), cohort: [], fingerprint: summary.fingerprint)
        let decoded = try JSONDecoder().decode(
            PopulationAnalysis.self, from: try #require(try await store.datasetSummary()?.analysis))
        #expect(FigureDefinitions(of: decoded).note != nil)
        let rerun = try await DatasetAnalysis(store: store).reanalyse()
        #expect(rerun.note?.contains("no analysis period") == true)
        #expect(rerun.period.description == "2025-07..2026-06")
        #expect(rerun.extractDate == Day(year: 2026, month: 7, day: 1))
        let (_, refreshed) = try await Self.storedAnalysis(store)
        #expect(refreshed.period?.description == "2025-07..2026-06")
    }
}
