import ArgumentParser
import Assurance
import ConcordatCore
import Foundation
import Governance
import Ingest
import Logging
import Partnership
import PopulationHealth
import Storage
import SystemPack
import Web

/// `concordat demo`: the main job. Loads Kent & Medway and a synthetic integrated dataset for its whole
/// registered population (if the database lacks them), then serves it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load Kent & Medway and its synthetic population (if needed) and serve it on http://127.0.0.1:8080.",
        discussion: """
            Creates the database (./concordat.sqlite unless --database or CONCORDAT_DATABASE says otherwise), \
            loads Kent & Medway from the published NHS data shipped with Concordat, generates a synthetic \
            person-level dataset matching its real list sizes (2,039,483 people and a year of their care), \
            pseudonymises and imports it, and serves the system. The synthetic extract is cached by seed \
            in .concordat-cache/ beside the database, and a database that already holds the same dataset \
            is reused, so a second start is fast.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var server: ServerOptions

    @Option(help: ArgumentHelp("The seed of the synthetic population.", valueName: "number"))
    var seed: UInt64 = 2026

    @Option(
        help: ArgumentHelp("A smaller synthetic population (default: every registered patient).", valueName: "count"))
    var people: Int?

    func validate() throws {
        if let people, !(1...SyntheticPopulationSpec.maximumPeople).contains(people) {
            throw ValidationError(
                "--people must be from 1 to \(SyntheticPopulationSpec.maximumPeople.grouped); got \(people)")
        }
    }

    func run() async throws {
        server.bootstrapLogging()
        try await StoreWork.run(try await openStore(store.resolvedPath), logger: Logger(label: "concordat")) {
            [self] store in
            let system: HealthSystem
            let pack: SystemPack?
            if let existing = try await store.loadSystem() {
                system = existing
                pack = try await SystemPackStorage.pack(in: store, for: system)
            } else {
                let loaded = try SystemOptions.parse([]).load()
                (system, pack) = (loaded.system, loaded.pack)
                try await store.replaceSystem(system)
                if let chosen = loaded.pack { try await SystemPackStorage.save(chosen, in: store) }
                SystemSummary(system: system).report(loadedInto: self.store.displayName)
            }
            try await loadSyntheticDataset(for: system, pack: pack, into: store)
            let spend = try await currentAnalysis(in: store)?.spend
            if let pack {
                if let spend {
                    try await setUpPools(pack, spend: spend, in: store)
                    try await setUpIndicators(for: system, pack: pack, spend: spend, in: store)
                }
                try await setUpGovernance(pack, in: store)
                try await setUpProgrammeAndRisks(for: system, pack: pack, in: store)
            }
            try await Serving.run(
                system: system, store: store, server: server, database: self.store.displayName)
        }
    }

    /// Generates (or reuses) the synthetic extract and imports it, unless the store already holds it.
    private func loadSyntheticDataset(for system: HealthSystem, pack: SystemPack?, into store: any Store) async throws {
        guard system.population(of: system.root.code).total > 0 else {
            say("\(system.name) has no registered population, so no synthetic dataset is generated.")
            return
        }
        // The providers' fingerprint is part of the label and the cache's name: an extract made with other
        // particulars (an edited synthetic.json, or one made before packs had them) is made again.
        let providers = SyntheticExtract.particulars(for: pack).particulars.fingerprint
        let label =
            "synthetic population in real 2021 LSOAs, seed \(seed), \(people.map { "\($0) people" } ?? "every registered patient"), providers \(providers)"
        if try await store.datasetSummary()?.source == label { return }
        let cache = URL(fileURLWithPath: self.store.displayName).deletingLastPathComponent()
            .appendingPathComponent(".concordat-cache")
        let extract = cache.appendingPathComponent(
            "synthetic/\(system.code)-lsoa21-seed-\(seed)-\(people.map(String.init) ?? "all")-providers-\(providers)")
        let synthetic = try SyntheticExtract(system: system, pack: pack, seed: seed, people: people)
        let spec = synthetic.spec
        let complete = SyntheticPopulation.fileNames.allSatisfy {
            FileManager.default.fileExists(atPath: extract.appendingPathComponent($0).path)
        }
        if !complete {
            for note in synthetic.notes { say(note) }
            say("Generating the synthetic population (seed \(seed))…")
            let started = Date()
            let summary = try SyntheticPopulation.write(system: system, spec: spec, to: extract)
            say(
                "  \(summary.people) people, \(summary.diagnoses) diagnoses, \(summary.events) events in \(elapsed(since: started))"
            )
        }
        // The demo plays the data provider: its key lives apart from the extract, as a provider's would.
        let keyFile = cache.appendingPathComponent("keys/demo-provider.key")
        if !FileManager.default.fileExists(atPath: keyFile.path) { try Pseudonymiser.generateKeyFile(at: keyFile) }
        say("Importing it (validating every row, pseudonymising NHS numbers)…")
        let started = Date()
        let bar = ProgressBar("Reading")
        defer { bar.finish() }
        let result = try await DatasetLoading(
            store: store, system: system, progress: { bar.update(done: $0, total: $1) }
        ).load(
            directory: extract, pseudonymiser: try Pseudonymiser(keyFile: keyFile), extractDate: spec.referenceDate,
            source: label, today: .today)
        switch result {
        case .loaded(let summary, _), .unchanged(let summary, _):
            say("  \(summary.people) people loaded in \(elapsed(since: started))")
        case .refused(let report):
            throw ValidationError("the synthetic extract was refused:\n\(report.rendered(maxLines: 20))")
        }
    }

    /// The stored analysis, decoded once for everything the demo sets up from it (a full population's is
    /// megabytes of JSON). The engine is re-run on the stored dataset first when the analysis predates a
    /// measure the pages need (an older engine version), so an older demo database keeps working.
    private func currentAnalysis(in store: any Store) async throws -> PopulationAnalysis? {
        guard let data = try await store.datasetSummary()?.analysis else { return nil }
        let analysis = try? JSONDecoder().decode(PopulationAnalysis.self, from: data)
        if let analysis, analysis.version == PopulationAnalysis.currentVersion { return analysis }
        say("Updating the population health analysis for this version of Concordat…")
        // The stored period and extract date (the defaults from the data, for an analysis made before they
        // were kept), exactly as the re-analysis job uses them.
        _ = try await DatasetAnalysis(store: store).reanalyse()
        guard let data = try await store.datasetSummary()?.analysis else { return nil }
        return try JSONDecoder().decode(PopulationAnalysis.self, from: data)
    }

    /// The pack's pools (for Kent & Medway, the councils' ring-fenced social care and the Better Care
    /// Fund), sized from the dataset's spend, if the store has none yet.
    private func setUpPools(_ pack: SystemPack, spend: SpendSummary, in store: any Store) async throws {
        guard !pack.pools.isEmpty, try await store.pools().isEmpty else { return }
        for pool in pack.pools(spend: spend) { try await store.savePool(pool) }
    }

    /// The indicators computed from the dataset (always refreshed) and, for the demo's dashboard, synthetic
    /// series of the business-as-usual indicators if none have been imported, A&E 4-hour performance being
    /// NHS England's published series of the pack's trusts (`AEStatistics`).
    private func setUpIndicators(
        for system: HealthSystem, pack: SystemPack, spend: SpendSummary, in store: any Store
    ) async throws {
        var values = DatasetIndicators.values(spend: spend, system: system)
        let imported = try await store.indicatorValues().contains {
            WatchedIndicators(pack: pack).indicator($0.indicator)?.computedFromDataset == false
        }
        if !imported, let last = spend.months.last {
            // NHS England's published A&E series for the pack's trusts with ODS codes, instead of synthetic ones.
            values += AEStatistics.replacingSynthetic(
                pack.demoIndicatorValues(system: system, lastMonth: last), organisations: pack.organisations,
                systemCode: system.root.code, file: try AEAttendances.bundled())
        }
        try await store.saveIndicatorValues(values)
    }

    /// The pack's memorandum and its worked decision (voted, partly ratified) and open one, if none is
    /// stored, all recorded through the hash-chained register.
    private func setUpGovernance(_ pack: SystemPack, in store: any Store) async throws {
        guard let adopted = pack.memorandum, try await store.memorandum() == nil else { return }
        let memorandum = try adopted.memorandum()
        let routes = adopted.routes
        try await store.adoptMemorandum(memorandum, routes: routes, detail: adopted.adoptionDetail)
        let parties = memorandum.seats.filter { $0.kind == .party }.map(\.organisation)
        if let worked = pack.demo?.workedDecision {
            let proposal = worked.proposal
            _ = try await store.updateDecision(proposal.id) { _ in
                (DecisionRecord(proposal: proposal), .proposal, "tabled: \(proposal.title)")
            }
            let votes = parties.enumerated().map {
                Vote(organisation: $1, choice: $0 < worked.yesVotes ? .yes : .abstain)
            }
            _ = try await store.updateDecision(proposal.id) { existing in
                let voted = try existing!.voted(votes, present: parties, overrides: [], memorandum: memorandum)
                return (voted, .vote, voted.outcome!.arithmetic.joined(separator: " "))
            }
        }
        // And one open for the partners' representatives to vote on.
        if let open = pack.demo?.openDecision?.proposal(tabled: Day.today) {
            _ = try await store.updateDecision(open.id) { _ in
                (DecisionRecord(proposal: open), .proposal, "tabled: \(open.title)")
            }
        }
        guard let worked = pack.demo?.workedDecision else { return }
        let proposal = worked.proposal
        for (index, party) in parties.prefix(worked.ratifications).enumerated() {
            let ratification = Ratification(
                party: party, body: routes.body(for: party, type: proposal.type),
                date: worked.firstRatification.adding(days: index),
                minuteReference:
                    "\(party.uppercased())/\(worked.firstRatification.description.prefix(4))/\(worked.firstMinute + index)",
                ratified: true)
            _ = try await store.updateDecision(proposal.id) { existing in
                (
                    try existing!.ratified(ratification, memorandum: memorandum, routes: routes), .ratification,
                    "\(party)'s \(ratification.body) ratified, minute \(ratification.minuteReference)"
                )
            }
        }
    }

    /// The pack's work programme, as far on as its demo seeds say, and its starting risk register.
    private func setUpProgrammeAndRisks(for system: HealthSystem, pack: SystemPack, in store: any Store) async throws {
        if var programme = pack.programme, try await store.workProgramme() == nil {
            let notDone = pack.demo?.milestonesNotDone ?? [:]
            for index in programme.milestones.indices {
                if let status = notDone[programme.milestones[index].id] {
                    programme.milestones[index].status = status
                } else if pack.demo != nil {
                    programme.milestones[index].status = .done
                    programme.milestones[index].completed = programme.milestones[index].due
                }
            }
            let seeded = programme
            _ = try await store.updateWorkProgramme { _ in (seeded, nil) }
        }
        guard let demo = pack.demo, try await store.risks().isEmpty else { return }
        let today = Day.today
        for seed in demo.risks where system.area(seed.area) != nil {
            let risk = Risk(
                id: seed.id, title: seed.title, owner: seed.owner, area: seed.area, controls: demo.riskControls,
                actions: demo.riskActions,
                inherent: try .init(likelihood: seed.inherent[0], consequence: seed.inherent[1]),
                current: try .init(likelihood: seed.current[0], consequence: seed.current[1]),
                target: try .init(likelihood: seed.target[0], consequence: seed.target[1]), on: today.adding(days: -20))
            _ = try await store.updateRisk(seed.id) { _ in risk }
        }
    }

    private func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    private func elapsed(since start: Date) -> String { String(format: "%.1f s", Date().timeIntervalSince(start)) }
}
