import ConcordatCore
import Disclosure
import Finance
import Foundation
import Ingest
import Partnership
import PopulationHealth
import Storage
import SystemPack

/// What pages and the API read: the system (geography, populations, partnership) and, when one is
/// loaded, the integrated dataset's summary rolled up to every area.
struct SystemSnapshot: Sendable {
    /// The system with its current organisations.
    var system: HealthSystem
    /// The loaded dataset's summary, if any.
    var dataset: DatasetSummary?
    /// People in the dataset under each area (practice counts summed up the hierarchy).
    var datasetPeople: [String: Int]
    /// The population health profile of each area (practice profiles summed up the hierarchy).
    var profiles: [String: PracticeProfile]
    /// The admission-risk model's report.
    var admissionRisk: AdmissionRiskReport?
    /// Why the admission-risk model is not reported, when the engine refused it (shown in its place).
    var admissionRiskRefusal: String?
    /// What the needs figures are: period, reference date, population and denominator.
    var definitions = FigureDefinitions(of: nil)
    /// People in the top-risk cohort under each area.
    var cohort: [String: Int]
    /// The money picture: allocation bases, spend, ledger and pools' sizing.
    var finances: SystemFinances?
    /// Every count above as it may be shown, through the disclosure gate.
    var published: PublishedFigures
    /// Why the stored analysis cannot be read, when it cannot: the profiles, cohort and model above are
    /// then empty, and what shows them answers with this problem instead (``SystemRegistry/analysedSnapshot()``).
    var analysisFault: AnalysisUnreadable?

    /// The pack the system was loaded from, if one is stored (or shipped for its code).
    var pack: SystemPack?
    /// The registry's generation when this snapshot was read: what is computed from it may be kept
    /// while this stays the same (the finance cache).
    var generation = 0

    init(
        system: HealthSystem, dataset: DatasetSummary?, pack: SystemPack? = nil, policy: DisclosurePolicy = .standard
    ) {
        self.system = system
        self.pack = pack
        self.dataset = dataset
        var rolled: [String: Int] = [:]
        if let dataset {
            for (practice, people) in dataset.peopleByPractice {
                for area in system.lineage(of: practice) { rolled[area.code, default: 0] += people }
            }
        }
        datasetPeople = rolled
        var profiles: [String: PracticeProfile] = [:]
        var cohort: [String: Int] = [:]
        var analysis: PopulationAnalysis?
        if let blob = dataset?.analysis {
            do {
                analysis = try JSONDecoder().decode(PopulationAnalysis.self, from: blob)
            } catch let error as DecodingError {
                analysisFault = AnalysisUnreadable(reason: "\(DecodingErrorText(error))")
            } catch {
                analysisFault = AnalysisUnreadable(reason: "\(error)")
            }
        }
        for (practice, profile) in analysis?.profiles ?? [:] {
            for area in system.lineage(of: practice) { profiles[area.code, default: PracticeProfile()] += profile }
        }
        for (practice, people) in analysis?.admissionRisk?.cohortByPractice ?? [:] {
            for area in system.lineage(of: practice) { cohort[area.code, default: 0] += people }
        }
        self.profiles = profiles
        self.cohort = cohort
        admissionRisk = analysis?.admissionRisk
        admissionRiskRefusal = analysis?.admissionRiskRefusal
        definitions = FigureDefinitions(of: analysis)
        finances = try? SystemFinances(system: system, analysis: analysis, pack: pack)
        // With an analysis period the people shown are its population: registered and alive at its end
        // (the people loaded, less those who died in it, shown apart, and those outside it).
        let shownPeople = analysis?.period == nil ? rolled : profiles.mapValues(\.people)
        published = PublishedFigures(
            system: system, datasetPeople: dataset == nil ? nil : shownPeople, profiles: profiles,
            cohort: analysis?.admissionRisk == nil ? nil : cohort, admissionRisk: analysis?.admissionRisk,
            policy: policy)
    }

    /// People in the dataset under `code` as they may be shown, or `nil` when no dataset is loaded.
    func datasetPeople(of code: String) -> DisclosedCount? {
        dataset == nil ? nil : published.count("people", of: code)
    }
}

/// The system's geography and populations and the dataset summary, read from the store once and then
/// served from memory until the store's system version moves (a system, pack, dataset or analysis
/// replaced, by this process or any other); organisations are always read fresh.
actor SystemRegistry {
    private let store: any Store
    private let policy: DisclosurePolicy
    private var cached: SystemSnapshot?
    /// The store's system version when `cached` was read.
    private var cachedVersion: DataVersion?
    /// How many times the snapshot has been forgotten: part of the pages' data version, because pages
    /// read the snapshot, and a write the snapshot shows is seen only once it is refreshed.
    private(set) var generation = 0

    init(store: any Store, policy: DisclosurePolicy = .standard) {
        self.store = store
        self.policy = policy
    }

    /// The current snapshot with current organisations.
    /// - Throws: ``StoreError`` `noSystem` when nothing is loaded.
    func snapshot() async throws -> SystemSnapshot {
        // Read before the snapshot: a replace committed while it is read leaves a version that is older
        // than what was read, so the next call reads again; never the other way round.
        let version = try await store.systemVersion()
        if cached != nil, version != cachedVersion { refresh() }
        if cached == nil, let system = try await store.loadSystem() {
            cached = SystemSnapshot(
                system: system, dataset: try await store.datasetSummary(),
                pack: try await SystemPackStorage.pack(in: store, for: system), policy: policy)
            cached?.generation = generation
            cachedVersion = version
        }
        guard var snapshot = cached else { throw StoreError.noSystem }
        snapshot.system = snapshot.system.with(organisations: try await store.organisations())
        snapshot.finances?.system = snapshot.system
        return snapshot
    }

    /// The current snapshot, for what shows the analysis (profiles, cohort, the model, the money).
    /// - Throws: ``AnalysisUnreadable`` when the stored analysis cannot be read; ``StoreError`` `noSystem`.
    func analysedSnapshot() async throws -> SystemSnapshot {
        let snapshot = try await snapshot()
        if let fault = snapshot.analysisFault { throw fault }
        return snapshot
    }

    /// Why the stored analysis cannot be read, or `nil` when it can (or there is none, or no system).
    func analysisFault() async throws -> AnalysisUnreadable? {
        do {
            return try await snapshot().analysisFault
        } catch let error as StoreError where error.code == .noSystem {
            return nil
        }
    }

    /// The current system with its current organisations.
    func system() async throws -> HealthSystem { try await snapshot().system }

    /// The dataset's people as the gate publishes them, for a sentence: "about 2,000" or "a few".
    func publishedPeople() async throws -> String {
        let snapshot = try await snapshot()
        return snapshot.datasetPeople(of: snapshot.system.root.code)?.value.map { "about \($0.grouped)" } ?? "a few"
    }

    /// Forgets the snapshot, so the next read sees a new dataset or analysis.
    func refresh() {
        cached = nil
        cachedVersion = nil
        generation += 1
    }
}
