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
            let setting = Int(cell.setting)
            let cost = cell.costPence
            figures.costBySettingPence[setting] += cost
            figures.activityBySetting[setting] += Double(cell.events)
            figures.bedDaysBySetting[setting] += Double(cell.bedDays)
            figures.costByPlacePence[baseline.placeOfPractice[group.practice]] += cost
            figures.costByPartnerPence[cell.partner] += cost
            if let pool = poolOfPartner[cell.partner] { figures.costByPoolPence[pool] += cost }
            if group.ageBand >= ProjectionCells.firstBandAged75
                && setting == Int(CareSetting.inpatientNonElective.rawValue)
            {
                figures.emergencyAdmissionsAged75Plus += Double(cell.events)
            }
        }
        for band in cells.peopleByBand.indices {
            figures.people += Double(cells.peopleByBand[band])
            if band >= ProjectionCells.firstBandAged75 { figures.peopleAged75Plus += Double(cells.peopleByBand[band]) }
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

    /// Money in pence: the one rounding every cost in a run goes through (activity kept, activity shifted,
    /// business as usual), so that a scenario that changes nothing gives business as usual to the penny.
    @inline(__always)
    static func pence(_ value: Double) -> Int64 { Int64(value.rounded()) }

    /// Projects run `run` (0 is the principal projection).
    func pass(run: Int) -> Pass {
        var random = Self.random(seed: scenario.seed, run: run)
        let draw = self.draw(run: run, random: &random)
        var stream = ActivityStream(seed: random.next())
        let resample = run > 0 && scenario.resample
        let principal = run == 0
        let settings = CareSetting.allCases.count
        let placeCount = baseline.places.count
        let partnerCount = partners.count
        let emergency = Int(CareSetting.inpatientNonElective.rawValue)
        let cells = self.cells
        let steps = changeSteps
        var result = Pass(years: [], breaches: [])
        result.years.reserveCapacity(scenario.horizon)
        // The year's tables, made once and refilled each year.
        var growth = [Double](repeating: 1, count: cells.growthClasses * settings)
        var growthOfClass = [Double](repeating: 1, count: cells.growthClasses)
        var effect = [Double](repeating: 0, count: steps.count)
        var money = [Int64](repeating: 0, count: settings * placeCount * partnerCount)
        var activity = [Double](repeating: 0, count: settings)
        var bedDays = [Double](repeating: 0, count: settings)
        var broken = [Bool](repeating: false, count: pools.count)
        var businessAsUsual = [Int64](repeating: 0, count: principal ? partnerCount : 0)
        for year in 1...scenario.horizon {
            let t = Double(year)
            let demographic = draw.demographic.map { pow1p($0, t) }
            let nonDemographic = draw.nonDemographic.map { pow1p($0, t) }
            // Class 0: bands no rule names; class 1 + r: the bands rule r sets (demographic growth first).
            for rule in 1..<cells.growthClasses { growthOfClass[rule] = pow1p(draw.demographicRules[rule - 1], t) }
            for growthClass in 0..<cells.growthClasses {
                for setting in 0..<settings {
                    growth[growthClass * settings + setting] = growthOfClass[growthClass] * nonDemographic[setting]
                }
            }
            let price = pow1p(draw.price, t)
            for index in steps.indices {
                effect[index] = draw.fractions[index] * scenario.changes[index].phase(inYear: year)
            }
            for index in money.indices { money[index] = 0 }
            for index in 0..<settings {
                activity[index] = 0
                bedDays[index] = 0
            }
            for index in broken.indices { broken[index] = false }
            for index in businessAsUsual.indices { businessAsUsual[index] = 0 }
            var emergencyAged75Plus = 0.0
            // The principal projection's waterfall steps, each factor alone against the baseline.
            var alone = (demographic: 0.0, nonDemographic: 0.0, price: 0.0, avoid: 0.0, shift: 0.0, efficiency: 0.0)

            for cell in 0..<cells.count {
                let events = cells.events[cell]
                let setting = cells.setting[cell]
                let grown = events * growth[cells.growthSlot[cell]]
                var remaining = grown
                var costScale = price
                var stayScale = 1.0
                var applying = cells.changes[cell]
                var avoidAlone = 1.0
                var shiftAlone = 1.0
                var efficiencyAlone = 1.0
                while applying != 0 {
                    let index = applying.trailingZeroBitCount
                    applying &= applying - 1
                    let share = effect[index]
                    guard share > 0 else { continue }
                    let step = steps[index]
                    switch step.kind {
                    case .avoid:
                        remaining -= remaining * share
                        avoidAlone *= 1 - share
                    case .shift:
                        let expected = remaining * share
                        remaining -= expected
                        let moved = resample ? Double(stream.poissonCount(mean: expected)) : expected
                        if principal {
                            // Alone: the shift acts on the baseline's events (after earlier shifts only).
                            let movedAlone = events * shiftAlone * share
                            alone.shift +=
                                movedAlone * destinationUnitCost[index] - Double(cells.costPence[cell]) * shiftAlone
                                * share
                            shiftAlone *= 1 - share
                        }
                        guard moved > 0 else { continue }
                        let place = cells.place[cell]
                        money[destinationSlot[index][place]] += Self.pence(moved * destinationUnitCost[index] * price)
                        activity[step.target] += moved
                        bedDays[step.target] += moved * bedDaysPerEvent[step.target]
                        if step.target == emergency && cells.aged75Plus[cell] { emergencyAged75Plus += moved }
                        let pool = cells.breachOfSignature[cells.signature[cell]][index]
                        if pool >= 0 { broken[pool] = true }
                    case .efficiency:
                        if step.cutsCost {
                            costScale *= 1 - share
                            efficiencyAlone *= 1 - share
                        } else {
                            stayScale *= 1 - share
                        }
                    }
                }
                let kept = resample ? Double(stream.poissonCount(mean: remaining)) : remaining
                money[cells.moneySlot[cell]] += Self.pence(cells.costPerEvent[cell] * kept * costScale)
                activity[setting] += kept
                bedDays[setting] += cells.bedDaysPerEvent[cell] * kept * stayScale
                if setting == emergency && cells.aged75Plus[cell] { emergencyAged75Plus += kept }
                if principal {
                    let cost = Double(cells.costPence[cell])
                    alone.demographic += cost * (growthOfClass[cells.growthClass[cell]] - 1)
                    alone.nonDemographic += cost * (nonDemographic[setting] - 1)
                    alone.price += cost * (price - 1)
                    alone.avoid -= cost * (1 - avoidAlone)
                    alone.efficiency -= cost * (1 - efficiencyAlone)
                    // Business as usual: the same rounding of the same product as the kept cost above, so
                    // a cell no change acts on costs the same in both, to the penny.
                    businessAsUsual[cells.partner[cell]] += Self.pence(cells.costPerEvent[cell] * grown * price)
                }
            }

            var figures = emptyFigures()
            for setting in 0..<settings {
                for place in 0..<placeCount {
                    for partner in 0..<partnerCount {
                        let cost = money[(setting * placeCount + place) * partnerCount + partner]
                        guard cost != 0 else { continue }
                        figures.costBySettingPence[setting] += cost
                        figures.costByPlacePence[place] += cost
                        figures.costByPartnerPence[partner] += cost
                        if let pool = poolOfPartner[partner] { figures.costByPoolPence[pool] += cost }
                    }
                }
            }
            figures.activityBySetting = activity
            figures.bedDaysBySetting = bedDays
            figures.emergencyAdmissionsAged75Plus = emergencyAged75Plus
            for band in cells.peopleByBand.indices {
                let people = Double(cells.peopleByBand[band]) * demographic[band]
                figures.people += people
                if band >= ProjectionCells.firstBandAged75 { figures.peopleAged75Plus += people }
            }
            var breached = Set(broken.indices.filter { broken[$0] })
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
                    alone.demographic, alone.nonDemographic, alone.price, alone.avoid, alone.shift, alone.efficiency,
                ].map(Self.pence)
                let total = figures.costPence
                result.waterfalls.append(
                    .init(
                        year: scenario.yearLabel(year), baselinePence: base, demographicPence: rounded[0],
                        nonDemographicPence: rounded[1], priceUpliftPence: rounded[2], avoidancePence: rounded[3],
                        shiftPence: rounded[4], efficiencyPence: rounded[5],
                        interactionPence: total - base - rounded.reduce(0, +), resultPence: total))
                result.businessAsUsual.append(businessAsUsual)
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
