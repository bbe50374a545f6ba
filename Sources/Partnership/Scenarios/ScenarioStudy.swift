import ConcordatCore
import Finance
import Foundation
import PopulationHealth
import Scenarios
import Storage
import SystemPack

/// Runs a what-if scenario over the stored system and dataset, the same for the command line and (next)
/// the web: reads the definition, checks it against the system's places, neighbourhoods and partners,
/// builds the baseline cells from the dataset for the baseline period, and runs the model with the pack's
/// pools and ring-fences.
public struct ScenarioStudy: Sendable {
    /// Why a scenario cannot be run on what is stored.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// The reason in words.
        public var description: String
    }

    /// The system.
    public var system: HealthSystem
    /// The pack it was loaded from, if kept.
    public var pack: SystemPack?
    /// The integrated dataset.
    public var dataset: IntegratedDataset
    /// Each partner's budget and forecast outturn in the system's ledger (as `concordat settle` reads
    /// it), by partner code: the default budget envelopes and what the risk-share agreement settles.
    public var ledger: [String: LedgerBudget]
    /// Where ``ledger`` comes from, in words.
    public var ledgerSource: String?

    /// A study of what is given.
    public init(
        system: HealthSystem, pack: SystemPack?, dataset: IntegratedDataset, ledger: [String: LedgerBudget] = [:],
        ledgerSource: String? = nil
    ) {
        self.system = system
        self.pack = pack
        self.dataset = dataset
        self.ledger = ledger
        self.ledgerSource = ledgerSource
    }

    /// A study of what `store` holds, with its ledger's budgets unless `ledger` is `false` (for checking a
    /// definition or a backtest, which need none).
    /// - Throws: ``Problem`` when it holds no system or no dataset.
    public static func read(from store: any Store, ledger withLedger: Bool = true) async throws -> ScenarioStudy {
        guard let system = try await store.loadSystem() else {
            throw Problem(description: "the database holds no system: run `concordat init` (or `concordat demo`) first")
        }
        guard let dataset = try await store.loadDataset(), dataset.eventCount > 0 else {
            throw Problem(
                description:
                    "the database holds no dataset with activity: run `concordat import` (or `concordat demo`) first")
        }
        let (ledger, source) = withLedger ? await ledgerBudgets(in: store) : ([:], nil)
        return ScenarioStudy(
            system: system, pack: try await SystemPackStorage.pack(in: store, for: system), dataset: dataset,
            ledger: ledger, ledgerSource: source)
    }

    /// Each partner's ledger budget and forecast outturn, read as `concordat settle` reads them (the
    /// system's default control total, ``SettlementQuestion``'s months of actuals and forecast method),
    /// with where they come from in words; empty (saying why) when the system's money cannot give a ledger,
    /// so a scenario still runs, its envelopes then its baseline costs.
    public static func ledgerBudgets(in store: any Store) async -> ([String: LedgerBudget], String?) {
        let question = SettlementQuestion()
        let ledger: Ledger
        do {
            guard let money = try await SystemMoney.read(from: store) else { return ([:], nil) }
            ledger = try await money.ledger(question.ledger)
        } catch {
            return ([:], "no ledger: \(error)")
        }
        let positions = ledger.positions(method: question.forecast)
        let budgets = Dictionary(
            positions.map { ($0.partner, LedgerBudget(budgetPence: $0.budgetPence, outturnPence: $0.actualPence)) },
            uniquingKeysWith: { a, _ in a })
        let source =
            "the ledger for a control total of \(ledger.controlTotal), \(ledger.monthsElapsed) months of actuals, "
            + "\(question.forecast.rawValue) forecast outturn (as `concordat settle`)"
        return (budgets, source)
    }

    /// The twelve whole months ending with the month of the dataset's last event: the default baseline
    /// period.
    public var defaultPeriod: ClosedRange<Day> {
        let last = Day(daysSinceEpoch: dataset.eventStart.max() ?? 0)
        let (year, month, _) = last.components
        let end = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
        let startIndex = year * 12 + month - 1 - 11
        let start = Day(year: startIndex / 12, month: startIndex % 12 + 1, day: 1)!
        return start...end
    }

    /// The geography of the system.
    public var geography: ScenarioGeography { ScenarioGeography(system: system) }

    /// The budget holder of activity, by the pack's finance mapping (its provider where there is none).
    public func partner(practice: String, setting: CareSetting, provider: String) -> String {
        guard let finance = pack?.finance else { return provider }
        return finance.partner(
            of: SpendSummary.Cell(
                practice: practice, setting: setting.code, provider: provider, month: "", child: false, pence: 0))
    }

    /// The codes partners may be named by: the pack's partners and every budget holder in the dataset.
    public var partnerCodes: Set<String> {
        var codes = Set(pack?.finance.partners.map(\.code) ?? [])
        for code in dataset.providerCodes.strings { codes.insert(code) }
        if let general = pack?.finance.generalPractice { codes.insert(general.partner) }
        return codes
    }

    /// The pack's pools, ring-fences and risk-share agreement, and the ledger's budgets.
    public var finance: ScenarioFinance {
        guard let pack else { return ScenarioFinance(ledger: ledger, ledgerSource: ledgerSource) }
        return ScenarioFinance(
            poolOfPartner: pack.finance.poolOfPartner,
            ringFences: Dictionary(pack.pools.map { ($0.code, $0.ringFences) }, uniquingKeysWith: { a, _ in a }),
            poolNames: Dictionary(pack.pools.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }),
            ledger: ledger, ledgerSource: ledgerSource, agreement: pack.finance.agreement)
    }

    /// Checks a definition (JSON) against the system, with `runs` in place of its own if given.
    /// - Throws: ``ScenarioRefusal`` with the JSON path and the reason.
    public func scenario(_ json: Data, runs: Int? = nil) throws(ScenarioRefusal) -> Scenario {
        var definition: ScenarioDefinition
        do { definition = try JSONDecoder().decode(ScenarioDefinition.self, from: json) } catch let error
            as DecodingError
        {
            throw ScenarioRefusal(decoding: error)
        } catch { throw ScenarioRefusal("$", "cannot be read (\(error))") }
        if let runs { definition.runs = runs }
        return try definition.validated(in: geography.context(partners: partnerCodes))
    }

    /// The model of `scenario` over the baseline period (default ``defaultPeriod``).
    public func model(_ scenario: Scenario, period: ClosedRange<Day>? = nil) throws(ScenarioRefusal) -> ScenarioModel {
        let period = period ?? defaultPeriod
        let cells = BaselineCells(
            dataset: dataset, period: period,
            attributes: PersonAttributes(of: dataset, referenceDate: period.upperBound), geography: geography,
            targets: scenario.changes.map(\.people), partnerOf: partner)
        return try ScenarioModel(scenario: scenario, baseline: cells, finance: finance)
    }

    /// Runs a definition (JSON) end to end.
    public func run(
        _ json: Data, runs: Int? = nil, period: ClosedRange<Day>? = nil,
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(ScenarioRefusal) -> ScenarioResults {
        try model(try scenario(json, runs: runs), period: period).results(progress: progress)
    }
}
