import ConcordatCore
import Finance

/// The scenario model: a validated ``Scenario`` over ``BaselineCells``, projected year by year over the
/// horizon, once as the principal projection (every parameter at its central value, activity not
/// resampled) and then once per Monte Carlo run, each run drawing every parameter once and resampling
/// activity (Poisson counts; avoidance and shift thin them, by the Poisson splitting property), in the
/// manner of the Strategy Unit's New Hospital Programme demand model (nhp_model). Pure.
///
/// In projected year `t` a cell's expected activity is its baseline events × (1 + demographic growth of
/// its age band)ᵗ × (1 + non-demographic growth of its setting)ᵗ; each change aimed at it then acts in
/// order on what remains, at its fraction × its phase (start year and ramp): an avoidance removes that
/// share, a shift moves it to the destination setting, partner and unit cost, an efficiency cuts the cost
/// per unit (or the bed days per admission). Cost is the cell's baseline cost per event × activity ×
/// (1 + price uplift)ᵗ × the efficiencies, rounded to the penny per cell, so every breakdown adds up.
public struct ScenarioModel: Sendable {
    /// The scenario.
    public let scenario: Scenario
    /// The baseline.
    public let baseline: BaselineCells
    /// The pools and ring-fences.
    public let finance: ScenarioFinance

    /// Partner codes: the baseline's, then destinations' and investors' not in it.
    let partners: [String]
    /// Pool codes.
    let pools: [String]
    /// Each partner's pool index.
    let poolOfPartner: [Int?]
    /// For each change and place: the destination partner (shifts).
    let destinationPartner: [[Int]]
    /// For each change: the destination's unit cost in pence (shifts).
    let destinationUnitCost: [Double]
    /// For each setting: baseline bed days per event.
    let bedDaysPerEvent: [Double]
    /// For each setting: the changes (bit mask) aimed at it.
    let changesOfSetting: [UInt64]
    /// For each change and practice: the ring-fenced pool its shifted activity breaks, if any.
    let shiftBreach: [[Int?]]
    /// The pools each investment breaks.
    let investmentBreach: [Set<Int>]
    /// Each ring-fenced pool's rule in words.
    let fencedPools: [Int: String]
    /// The cells the run projects: the baseline's, merged where the model cannot tell them apart.
    let cells: ProjectionCells
    /// For each change and place: the money slot its shifted activity goes to (shifts).
    let destinationSlot: [[Int]]
    /// For each change: its kind, measure and destination setting, as the inner loop reads them.
    let changeSteps: [ChangeStep]
    /// Each partner's cost of activity in the baseline year, pence (0 for a partner not in the baseline).
    let baselineCostByPartner: [Int64]

    /// What one change does to a cell, as the run's inner loop reads it.
    struct ChangeStep: Sendable, Hashable {
        /// Avoid, shift or efficiency.
        var kind: ScenarioDefinition.Change.Kind
        /// For an efficiency: whether it cuts cost per unit (else length of stay).
        var cutsCost: Bool
        /// For a shift: the destination setting's raw value.
        var target: Int
    }

    /// How many cells the run projects: the baseline's cells merged wherever the model treats them alike.
    public var projectionCellCount: Int { cells.count }

    /// Prepares the model.
    /// - Throws: ``ScenarioRefusal`` when a shift's destination has no unit cost or provider to take, or a
    ///   ledger line's budget or outturn is negative or above ``LedgerBudget/maximumPence``.
    public init(scenario: Scenario, baseline: BaselineCells, finance: ScenarioFinance = .init()) throws(ScenarioRefusal)
    {
        for (partner, line) in finance.ledger.sorted(by: { $0.key < $1.key }) {
            for (field, value) in [("budgetPence", line.budgetPence), ("outturnPence", line.outturnPence)]
            where !(0...LedgerBudget.maximumPence).contains(value) {
                throw ScenarioRefusal(
                    "ledger[\"\(partner)\"].\(field)",
                    "is \(value); a ledger line holds 0 to \(LedgerBudget.maximumPence) pence")
            }
        }
        self.scenario = scenario
        self.baseline = baseline
        self.finance = finance
        let settings = CareSetting.allCases.count
        var partners = baseline.partners
        func partnerIndex(_ code: String) -> Int {
            if let found = partners.firstIndex(of: code) { return found }
            partners.append(code)
            return partners.count - 1
        }
        var eventsOfSetting = [Int](repeating: 0, count: settings)
        var costOfSetting = [Int64](repeating: 0, count: settings)
        var bedDaysOfSetting = [Int](repeating: 0, count: settings)
        var costByPlaceSettingPartner: [Int: [Int: Int64]] = [:]
        for cell in baseline.cells {
            let setting = Int(cell.setting)
            eventsOfSetting[setting] += cell.events
            costOfSetting[setting] += cell.costPence
            bedDaysOfSetting[setting] += cell.bedDays
            let place = baseline.placeOfPractice[baseline.groups[cell.group].practice]
            costByPlaceSettingPartner[place * settings + setting, default: [:]][cell.partner, default: 0] +=
                cell.costPence
        }
        bedDaysPerEvent = (0..<settings).map {
            eventsOfSetting[$0] > 0 ? Double(bedDaysOfSetting[$0]) / Double(eventsOfSetting[$0]) : 0
        }
        var destinationPartner: [[Int]] = []
        var destinationUnitCost: [Double] = []
        var changesOfSetting = [UInt64](repeating: 0, count: settings)
        for (index, change) in scenario.changes.enumerated() {
            changesOfSetting[Int(change.setting.rawValue)] |= 1 << UInt64(index)
            guard let destination = change.destination else {
                destinationPartner.append([])
                destinationUnitCost.append(0)
                continue
            }
            let target = Int(destination.setting.rawValue)
            if let cost = destination.unitCostPence {
                destinationUnitCost.append(Double(cost))
            } else {
                guard eventsOfSetting[target] > 0 else {
                    throw ScenarioRefusal(
                        "$.changes[\(index)].to.unitCostPence",
                        "is missing, and the baseline has no \(destination.setting.label.lowercased()) activity to take a unit cost from"
                    )
                }
                destinationUnitCost.append(Double(costOfSetting[target]) / Double(eventsOfSetting[target]))
            }
            if let code = destination.partner {
                let fixed = partnerIndex(code)
                destinationPartner.append(Array(repeating: fixed, count: baseline.places.count))
            } else {
                var systemWide: [Int: Int64] = [:]
                for place in baseline.places.indices {
                    for (partner, cost) in costByPlaceSettingPartner[place * settings + target] ?? [:] {
                        systemWide[partner, default: 0] += cost
                    }
                }
                func largest(_ costs: [Int: Int64]) -> Int? {
                    costs.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
                }
                guard let fallback = largest(systemWide) else {
                    throw ScenarioRefusal(
                        "$.changes[\(index)].to.partner",
                        "is missing, and the baseline has no \(destination.setting.label.lowercased()) provider to send the activity to"
                    )
                }
                destinationPartner.append(
                    baseline.places.indices.map {
                        largest(costByPlaceSettingPartner[$0 * settings + target] ?? [:]) ?? fallback
                    })
            }
        }
        for investment in scenario.investments { _ = partnerIndex(investment.partner) }
        for partner in scenario.envelopes.keys.sorted() { _ = partnerIndex(partner) }
        self.partners = partners
        var baselineCostByPartner = [Int64](repeating: 0, count: partners.count)
        for cell in baseline.cells { baselineCostByPartner[cell.partner] += cell.costPence }
        self.baselineCostByPartner = baselineCostByPartner
        self.destinationPartner = destinationPartner
        self.destinationUnitCost = destinationUnitCost
        self.changesOfSetting = changesOfSetting

        let pools = Set(finance.poolOfPartner.values).sorted()
        self.pools = pools
        poolOfPartner = partners.map { finance.poolOfPartner[$0].flatMap { pools.firstIndex(of: $0) } }
        var fencedPools: [Int: String] = [:]
        for (index, pool) in pools.enumerated() {
            if let fences = finance.ringFences[pool], !fences.isEmpty {
                fencedPools[index] = fences.map(\.name).joined(separator: "; ")
            }
        }
        self.fencedPools = fencedPools
        // A fence's rules, as Finance's RingFence reads them: the setting must be allowed, and the practice's
        // district known and allowed.
        func breaks(_ pool: Int, setting: CareSetting?, districts: [String?]) -> Bool {
            for fence in finance.ringFences[pools[pool]] ?? [] {
                if let allowed = fence.settings, !(setting.map { allowed.contains($0.code) } ?? false) { return true }
                if let allowed = fence.districts,
                    districts.contains(where: { $0 == nil || !allowed.contains($0!) })
                {
                    return true
                }
            }
            return false
        }
        let poolOfPartner = self.poolOfPartner
        shiftBreach = scenario.changes.indices.map { index in
            guard let destination = scenario.changes[index].destination else { return [] }
            return baseline.practices.indices.map { practice in
                let partner = destinationPartner[index][baseline.placeOfPractice[practice]]
                guard let pool = poolOfPartner[partner], fencedPools[pool] != nil else { return nil }
                return breaks(pool, setting: destination.setting, districts: [baseline.districtOfPractice[practice]])
                    ? pool : nil
            }
        }
        investmentBreach = scenario.investments.map { investment in
            guard investment.pencePerYear > 0, let partner = partners.firstIndex(of: investment.partner),
                let pool = poolOfPartner[partner], fencedPools[pool] != nil
            else { return [] }
            let practices = baseline.practices.indices.filter { practice in
                investment.place.map { baseline.places[baseline.placeOfPractice[practice]] == $0 } ?? true
            }
            return breaks(
                pool, setting: investment.setting, districts: practices.map { baseline.districtOfPractice[$0] })
                ? [pool] : []
        }
        let partnerCount = partners.count
        cells = ProjectionCells(
            baseline: baseline, changesOfSetting: changesOfSetting, shiftBreach: shiftBreach, partners: partnerCount,
            demographicRuleOfBand: scenario.demographicRuleOfBand)
        let placeCount = baseline.places.count
        destinationSlot = scenario.changes.indices.map { index in
            guard let destination = scenario.changes[index].destination else { return [] }
            return (0..<placeCount).map { place in
                (Int(destination.setting.rawValue) * placeCount + place) * partnerCount
                    + destinationPartner[index][place]
            }
        }
        changeSteps = scenario.changes.map { change in
            ChangeStep(
                kind: change.kind, cutsCost: change.measure == .costPerUnit,
                target: change.destination.map { Int($0.setting.rawValue) } ?? 0)
        }
    }

    /// One pass's drawn parameters.
    struct Draw {
        var demographic: [Double]
        /// Each demographic rule's drawn growth (the first of the growth values).
        var demographicRules: [Double]
        var nonDemographic: [Double]
        var price: Double
        var occupancy: Double
        var fractions: [Double]
    }

    /// The parameters of run `run` (0: the principal projection's central values).
    func draw(run: Int, random: inout SeededRandom) -> Draw {
        let values = scenario.growthValues.map {
            run == 0
                ? $0.central(clippedTo: Scenario.growthRange) : $0.draw(using: &random, clippedTo: Scenario.growthRange)
        }
        func value(_ uncertain: UncertainValue, _ range: ClosedRange<Double>) -> Double {
            run == 0 ? uncertain.central(clippedTo: range) : uncertain.draw(using: &random, clippedTo: range)
        }
        let price = value(scenario.priceUplift, Scenario.growthRange)
        let occupancy = value(scenario.occupancy, Scenario.occupancyRange)
        let fractions = scenario.changes.map { value($0.fraction, Scenario.fractionRange) }
        return Draw(
            demographic: scenario.demographicRuleOfBand.map { $0.map { values[$0] } ?? 0 },
            demographicRules: values,
            nonDemographic: scenario.nonDemographicRuleOfSetting.map { $0.map { values[$0] } ?? 0 }, price: price,
            occupancy: occupancy, fractions: fractions)
    }

    /// The random stream of run `run`: its own, so runs can be computed in any order.
    static func random(seed: UInt64, run: Int) -> SeededRandom {
        SeededRandom(seed: seed ^ (UInt64(run) &* 0x9E37_79B9_7F4A_7C15))
    }
}
