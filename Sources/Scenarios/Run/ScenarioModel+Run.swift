import ConcordatCore
import Foundation

extension ScenarioModel {
    /// One pass over the horizon: each projected year's figures and the ring-fenced pools (indices) broken.
    struct Pass {
        var years: [ScenarioResults.Figures]
        var breaches: [Set<Int>]
        /// Principal only: each year's waterfall and business-as-usual cost by partner.
        var waterfalls: [ScenarioResults.Waterfall] = []
        var businessAsUsual: [[Int64]] = []
    }

    /// Empty figures in this model's shape.
    func emptyFigures() -> ScenarioResults.Figures {
        .init(
            settings: CareSetting.allCases.count, places: baseline.places.count, partners: partners.count,
            pools: pools.count)
    }

    /// The baseline year's figures.
    func baselineFigures(occupancy: Double) -> ScenarioResults.Figures {
        var figures = emptyFigures()
        for cell in baseline.cells {
            let group = baseline.groups[cell.group]
            add(
                cost: cell.costPence, activity: Double(cell.events), bedDays: Double(cell.bedDays),
                setting: Int(cell.setting), practice: group.practice, partner: cell.partner, ageBand: group.ageBand,
                to: &figures)
        }
        for group in baseline.groups {
            figures.people += Double(group.people)
            if group.ageBand >= 15 { figures.peopleAged75Plus += Double(group.people) }
        }
        figures.beds = Self.beds(figures, occupancy: occupancy)
        return figures
    }

    static func beds(_ figures: ScenarioResults.Figures, occupancy: Double) -> Double {
        let admissions =
            figures.bedDaysBySetting[Int(CareSetting.inpatientElective.rawValue)]
            + figures.bedDaysBySetting[Int(CareSetting.inpatientNonElective.rawValue)]
        return admissions / (365 * occupancy)
    }

    @inline(__always)
    func add(
        cost: Int64, activity: Double, bedDays: Double, setting: Int, practice: Int, partner: Int, ageBand: Int,
        to figures: inout ScenarioResults.Figures
    ) {
        figures.costBySettingPence[setting] += cost
        figures.activityBySetting[setting] += activity
        figures.bedDaysBySetting[setting] += bedDays
        figures.costByPlacePence[baseline.placeOfPractice[practice]] += cost
        figures.costByPartnerPence[partner] += cost
        if let pool = poolOfPartner[partner] { figures.costByPoolPence[pool] += cost }
        if ageBand >= 15 && setting == Int(CareSetting.inpatientNonElective.rawValue) {
            figures.emergencyAdmissionsAged75Plus += activity
        }
    }

    /// Projects run `run` (0 is the principal projection).
    func pass(run: Int) -> Pass {
        var random = Self.random(seed: scenario.seed, run: run)
        let draw = self.draw(run: run, random: &random)
        let resample = run > 0 && scenario.resample
        let principal = run == 0
        var result = Pass(years: [], breaches: [])
        var shifted = [(change: Int, expected: Double)]()
        shifted.reserveCapacity(scenario.changes.count)
        for year in 1...scenario.horizon {
            let t = Double(year)
            let demographic = draw.demographic.map { pow1p($0, t) }
            let nonDemographic = draw.nonDemographic.map { pow1p($0, t) }
            let price = pow1p(draw.price, t)
            let effect = scenario.changes.indices.map { draw.fractions[$0] * scenario.changes[$0].phase(inYear: year) }
            var figures = emptyFigures()
            var breached = Set<Int>()
            // The principal projection's waterfall steps, each factor alone against the baseline.
            var steps = (demographic: 0.0, nonDemographic: 0.0, price: 0.0, avoid: 0.0, shift: 0.0, efficiency: 0.0)
            var businessAsUsual = [Double](repeating: 0, count: principal ? partners.count : 0)
            for cell in baseline.cells {
                let group = baseline.groups[cell.group]
                let setting = Int(cell.setting)
                let events = Double(cell.events)
                let cost = Double(cell.costPence)
                let growth = demographic[group.ageBand] * nonDemographic[setting]
                var remaining = events * growth
                var costScale = price
                var stayScale = 1.0
                shifted.removeAll(keepingCapacity: true)
                var applying = group.targets & changesOfSetting[setting]
                var avoidAlone = 1.0
                var shiftAlone = 1.0
                var efficiencyAlone = 1.0
                while applying != 0 {
                    let index = applying.trailingZeroBitCount
                    applying &= applying - 1
                    let share = effect[index]
                    guard share > 0 else { continue }
                    switch scenario.changes[index].kind {
                    case .avoid:
                        remaining -= remaining * share
                        avoidAlone *= 1 - share
                    case .shift:
                        let moved = remaining * share
                        remaining -= moved
                        shifted.append((index, moved))
                        if principal {
                            // Alone: the shift acts on the baseline's events (after earlier shifts only).
                            let movedAlone = events * shiftAlone * share
                            steps.shift += movedAlone * destinationUnitCost[index] - cost * shiftAlone * share
                            shiftAlone *= 1 - share
                        }
                    case .efficiency:
                        if scenario.changes[index].measure == .costPerUnit {
                            costScale *= 1 - share
                            efficiencyAlone *= 1 - share
                        } else {
                            stayScale *= 1 - share
                        }
                    }
                }
                let kept = resample ? Double(random.activityCount(mean: remaining)) : remaining
                let keptCost = events > 0 ? (cost * (kept / events) * costScale).rounded() : 0
                let keptBedDays = events > 0 ? Double(cell.bedDays) * (kept / events) * stayScale : 0
                add(
                    cost: Int64(keptCost), activity: kept, bedDays: keptBedDays, setting: setting,
                    practice: group.practice, partner: cell.partner, ageBand: group.ageBand, to: &figures)
                let place = baseline.placeOfPractice[group.practice]
                for (index, expected) in shifted {
                    let moved = resample ? Double(random.activityCount(mean: expected)) : expected
                    guard moved > 0 else { continue }
                    let target = Int(scenario.changes[index].destination!.setting.rawValue)
                    let movedCost = (moved * destinationUnitCost[index] * price).rounded()
                    add(
                        cost: Int64(movedCost), activity: moved, bedDays: moved * bedDaysPerEvent[target],
                        setting: target, practice: group.practice, partner: destinationPartner[index][place],
                        ageBand: group.ageBand, to: &figures)
                    if let pool = shiftBreach[index][group.practice] { breached.insert(pool) }
                }
                if principal {
                    let d = demographic[group.ageBand]
                    steps.demographic += cost * (d - 1)
                    steps.nonDemographic += cost * (nonDemographic[setting] - 1)
                    steps.price += cost * (price - 1)
                    steps.avoid -= cost * (1 - avoidAlone)
                    steps.efficiency -= cost * (1 - efficiencyAlone)
                    businessAsUsual[cell.partner] += cost * growth * price
                }
            }
            for group in baseline.groups {
                let people = Double(group.people) * demographic[group.ageBand]
                figures.people += people
                if group.ageBand >= 15 { figures.peopleAged75Plus += people }
            }
            for (index, investment) in scenario.investments.enumerated() where investment.years.contains(year) {
                let partner = partners.firstIndex(of: investment.partner)!
                switch investment.kind {
                case .capital: figures.capitalByPartnerPence[partner] += investment.pencePerYear
                case .revenue: figures.revenueByPartnerPence[partner] += investment.pencePerYear
                }
                breached.formUnion(investmentBreach[index])
            }
            figures.beds = Self.beds(figures, occupancy: draw.occupancy)
            if principal {
                let base = baseline.costPence
                let rounded = [
                    steps.demographic, steps.nonDemographic, steps.price, steps.avoid, steps.shift, steps.efficiency,
                ].map { Int64($0.rounded()) }
                let total = figures.costPence
                result.waterfalls.append(
                    .init(
                        year: scenario.yearLabel(year), baselinePence: base, demographicPence: rounded[0],
                        nonDemographicPence: rounded[1], priceUpliftPence: rounded[2], avoidancePence: rounded[3],
                        shiftPence: rounded[4], efficiencyPence: rounded[5],
                        interactionPence: total - base - rounded.reduce(0, +), resultPence: total))
                result.businessAsUsual.append(businessAsUsual.map { Int64($0.rounded()) })
            }
            result.years.append(figures)
            result.breaches.append(breached)
        }
        return result
    }
}

/// (1 + rate)ᵗ, exactly 1 when the rate is 0.
@inline(__always)
func pow1p(_ rate: Double, _ t: Double) -> Double {
    rate == 0 ? 1 : Foundation.pow(1 + rate, t)
}
