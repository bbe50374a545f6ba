import ConcordatCore
import Foundation
import PopulationHealth
import Scenarios
import Testing

@Suite("The scenario model")
struct ScenarioModelTests {
    static let data = SyntheticBaseline.dataset()

    static let frailtyShift = ScenarioDefinition.Change(
        name: "home first", kind: .shift, people: .init(agedAtLeast: 75), setting: "inpatient_nonelective",
        fraction: UncertainValue(low: 0.10, high: 0.20), to: .init(setting: "community", unitCostPence: 18_000),
        start: "2026/27", rampYears: 2)
    static let avoidance = ScenarioDefinition.Change(
        name: "avoid", kind: .avoid, people: .init(places: ["A"], agedAtLeast: 75), setting: "inpatient_nonelective",
        fraction: UncertainValue(low: 0.05, high: 0.15))
    static let efficiency = ScenarioDefinition.Change(
        name: "shorter stays", kind: .efficiency, setting: "inpatient_elective", fraction: UncertainValue(point: 0.1),
        measure: .lengthOfStay)

    @Test(
        "no changes and point parameters reproduce the baseline to the penny, in the principal projection and in every run without resampling"
    )
    func reproducesBaseline() throws {
        var definition = SyntheticBaseline.definition(runs: 5)
        definition.resample = false
        let model = try SyntheticBaseline.model(definition, on: Self.data)
        let results = model.results()
        let expected = Self.data.costBySetting()
        #expect(results.baseline.costPence == Self.data.eventCostPence.reduce(0, +))
        for run in model.everyRun() {
            for year in run {
                #expect(year.costPence == results.baseline.costPence)
                #expect(year.costBySettingPence == results.baseline.costBySettingPence)
                #expect(year.costByPartnerPence == results.baseline.costByPartnerPence)
                #expect(year.costByPlacePence == results.baseline.costByPlacePence)
                #expect(year.activityBySetting == results.baseline.activityBySetting)
                #expect(year.beds == results.baseline.beds)
            }
        }
        for setting in CareSetting.allCases {
            #expect(results.baseline.costBySettingPence[Int(setting.rawValue)] == expected[setting, default: 0])
        }
        for step in results.waterfall {
            #expect(step.resultPence == step.baselinePence)
            #expect(step.demographicPence == 0 && step.avoidancePence == 0 && step.interactionPence == 0)
        }
    }

    @Test("with resampling and no change, the runs scatter around the baseline: its cost lies between p10 and p90")
    func resampledRunsScatter() throws {
        let model = try SyntheticBaseline.model(SyntheticBaseline.definition(runs: 200), on: Self.data)
        let results = model.results()
        let band = results.percentiles[0].costPence
        let base = Double(results.baseline.costPence)
        #expect(band.p10 < base && base < band.p90)
        #expect(band.p10 < band.p90)
        #expect(abs(band.p50 - base) / base < 0.02)
    }

    @Test("money adds up across settings, places, partners and pools in every run and every year")
    func moneyAddsUp() throws {
        let definition = SyntheticBaseline.definition(
            runs: 30, changes: [Self.frailtyShift, Self.avoidance, Self.efficiency],
            demographic: UncertainValue(low: 0.005, high: 0.02), nonDemographic: UncertainValue(low: 0, high: 0.03))
        let model = try SyntheticBaseline.model(definition, on: Self.data)
        let results = model.results()
        for run in model.everyRun() {
            for year in run {
                let total = year.costPence
                #expect(year.costByPlacePence.reduce(0, +) == total)
                #expect(year.costByPartnerPence.reduce(0, +) == total)
                let council = try #require(results.partners.firstIndex(of: "COUNCIL"))
                #expect(year.costByPoolPence == [year.costByPartnerPence[council]])
            }
        }
        for step in results.waterfall {
            let sum =
                step.baselinePence + step.demographicPence + step.nonDemographicPence + step.priceUpliftPence
                + step.avoidancePence + step.shiftPence + step.efficiencyPence + step.interactionPence
            #expect(sum == step.resultPence)
        }
    }

    @Test("the same seed gives the same results; another seed different runs")
    func seeded() throws {
        let definition = SyntheticBaseline.definition(
            runs: 20, changes: [Self.frailtyShift], demographic: UncertainValue(low: 0, high: 0.02))
        let first = try SyntheticBaseline.model(definition, on: Self.data).results()
        let second = try SyntheticBaseline.model(definition, on: Self.data).results()
        #expect(first == second)
        var other = definition
        other.seed = 6
        let third = try SyntheticBaseline.model(other, on: Self.data).results()
        #expect(third.percentiles != first.percentiles)
        #expect(third.principal == first.principal)
    }

    @Test(
        "the projection on cells equals the projection on rows exactly: principal, every Monte Carlo run and the summary, to the penny"
    )
    func cellsEqualRows() throws {
        let definition = SyntheticBaseline.definition(
            runs: 12, changes: [Self.frailtyShift, Self.avoidance, Self.efficiency],
            demographic: UncertainValue(low: 0.005, high: 0.025), nonDemographic: UncertainValue(low: 0, high: 0.03))
        let cells = try SyntheticBaseline.model(definition, on: Self.data)
        let rows = try SyntheticBaseline.model(definition, on: Self.data, granularity: .rows)
        #expect(rows.baseline.cells.count == Self.data.eventCount)
        #expect(cells.baseline.cells.count < rows.baseline.cells.count / 5)
        // Rows and cells merge into the same projection cells (integer sums in a canonical order), so every
        // figure of every run, resampled with the same seed, is identical.
        let onCells = cells.everyRun()
        let onRows = rows.everyRun()
        #expect(onCells.count == 13)
        #expect(onCells == onRows)
        #expect(cells.results() == rows.results())
        #expect(onCells[1] != onCells[2])
    }

    @Test("results are the same, to the last bit, on one, two or three workers")
    func workersDoNotMatter() throws {
        let definition = SyntheticBaseline.definition(
            runs: 37, changes: [Self.frailtyShift, Self.avoidance], demographic: UncertainValue(low: 0, high: 0.02))
        let model = try SyntheticBaseline.model(definition, on: Self.data)
        var reported: [Int] = []
        let one = model.results(workers: 1) { done, total in
            #expect(total == 37)
            reported.append(done)
        }
        #expect(reported.last == 37)
        #expect(reported == reported.sorted())
        #expect(model.results(workers: 2) == one)
        #expect(model.results(workers: 3) == one)
        #expect(model.results() == one)
        // The runs really do differ from one another (the test would pass vacuously otherwise).
        #expect(one.percentiles[0].costPence.p10 < one.percentiles[0].costPence.p90)
    }

    @Test("a scenario that changes nothing costs business as usual to the penny, for every partner and year")
    func noChangeIsBusinessAsUsual() throws {
        let definition = SyntheticBaseline.definition(
            horizon: 5, runs: 3, demographic: UncertainValue(point: 0.0137),
            nonDemographic: UncertainValue(point: 0.0291))
        let results = try SyntheticBaseline.model(definition, on: Self.data).results()
        #expect(results.streams.count == 5 * results.partners.count)
        #expect(results.streams.allSatisfy { $0.savingPence == 0 })
        #expect(results.streams.contains { $0.businessAsUsualPence > 0 })
        // Growth moved the cost, so this is not the baseline's cost repeated.
        #expect(results.principal[4].costPence > results.baseline.costPence)
    }

    @Test(
        "recovery: a year with 10% fewer emergency admissions of people aged 75+ lies within the interval of the scenario that describes it"
    )
    func recoversKnownChange() throws {
        let base = SyntheticBaseline.dataset(people: 6_000, seed: 21)
        let future = SyntheticBaseline.dataset(people: 6_000, seed: 21, emergencyFactor: 0.9)
        let observed = try SyntheticBaseline.model(SyntheticBaseline.definition(runs: 1), on: future).results().baseline
        let change = ScenarioDefinition.Change(
            name: "avoid", kind: .avoid, people: .init(agedAtLeast: 75), setting: "inpatient_nonelective",
            fraction: UncertainValue(low: 0.05, high: 0.15))
        let results = try SyntheticBaseline.model(
            SyntheticBaseline.definition(horizon: 1, runs: 400, changes: [change]), on: base
        ).results()
        let band = results.percentiles[0].emergencyAdmissionsPer1000Aged75Plus
        let truth = observed.emergencyAdmissionsPer1000Aged75Plus
        #expect(band.p10 <= truth && truth <= band.p90, "\(truth) outside \(band)")
        // And the baseline's own rate (no change) is outside it: the interval is informative.
        #expect(results.baseline.emergencyAdmissionsPer1000Aged75Plus > band.p50)
    }

    @Test("recovery: demographic growth of 2% a year for three years grows the projected population by 6.1%")
    func recoversGrowth() throws {
        let definition = SyntheticBaseline.definition(runs: 1, demographic: UncertainValue(point: 0.02))
        let model = try SyntheticBaseline.model(definition, on: Self.data)
        let results = model.results()
        let factor = results.principal[2].people / results.baseline.people
        #expect(abs(factor - 1.061208) < 1e-9)
        let cost = Double(results.principal[2].costPence) / Double(results.baseline.costPence)
        #expect(abs(cost - 1.061208) < 1e-6)
        // One factor alone has nothing to interact with: only per-cell rounding is left.
        let step = results.waterfall[2]
        #expect(step.resultPence - step.baselinePence == step.demographicPence + step.interactionPence)
        #expect(abs(step.interactionPence) <= Int64(model.baseline.cells.count))
    }

    @Test("the waterfall states the interaction: growth and avoidance together avoid more than avoidance alone")
    func waterfallInteraction() throws {
        let avoid = ScenarioDefinition.Change(
            name: "avoid", kind: .avoid, setting: "inpatient_nonelective", fraction: UncertainValue(point: 0.2))
        let definition = SyntheticBaseline.definition(
            horizon: 1, runs: 1, changes: [avoid], demographic: UncertainValue(point: 0.1))
        let step = try SyntheticBaseline.model(definition, on: Self.data).results().waterfall[0]
        #expect(step.demographicPence > 0)
        #expect(step.avoidancePence < 0)
        // Avoiding 20% of 10% more activity: the interaction is −(0.1 × 0.2) of the emergency cost.
        let emergency = Double(Self.data.costBySetting()[.inpatientNonElective]!)
        #expect(abs(Double(step.interactionPence) + 0.02 * emergency) < 100)
    }

    @Test(
        "a shift moves activity at the given unit cost, ramps in from its start year, and length of stay cuts beds not cost"
    )
    func shiftAndEfficiency() throws {
        let shift = ScenarioDefinition.Change(
            name: "home first", kind: .shift, people: .init(agedAtLeast: 75), setting: "inpatient_nonelective",
            fraction: UncertainValue(point: 0.2),
            to: .init(setting: "community", unitCostPence: 18_000, partner: "COMMUNITY"),
            start: "2027/28", rampYears: 2)
        let definition = SyntheticBaseline.definition(horizon: 3, runs: 1, changes: [shift, Self.efficiency])
        let results = try SyntheticBaseline.model(definition, on: Self.data).results()
        let nel = Int(CareSetting.inpatientNonElective.rawValue)
        let community = Int(CareSetting.community.rawValue)
        let base = results.baseline
        let older = base.emergencyAdmissionsAged75Plus
        // 2026/27: not started. 2027/28: half effect (10%). 2028/29: full (20%).
        #expect(abs(results.principal[0].activityBySetting[nel] - base.activityBySetting[nel]) < 1e-9)
        #expect(abs(base.activityBySetting[nel] - results.principal[1].activityBySetting[nel] - 0.1 * older) < 1e-6)
        #expect(abs(base.activityBySetting[nel] - results.principal[2].activityBySetting[nel] - 0.2 * older) < 1e-6)
        let added = Double(results.principal[2].costBySettingPence[community] - base.costBySettingPence[community])
        #expect(abs(added - 0.2 * older * 18_000) <= 1_000)
        let elective = Int(CareSetting.inpatientElective.rawValue)
        #expect(results.principal[0].costBySettingPence[elective] == base.costBySettingPence[elective])
        #expect(abs(results.principal[0].bedDaysBySetting[elective] - 0.9 * base.bedDaysBySetting[elective]) < 1e-6)
        #expect(results.principal[2].beds < base.beds)
    }

    @Test(
        "red lines: shifting care to the council for people in the South breaks its ring-fence; in the North it does not"
    )
    func ringFence() throws {
        func probability(places: [String], setting: String) throws -> Double {
            let shift = ScenarioDefinition.Change(
                name: "to social care", kind: .shift, people: .init(places: places, agedAtLeast: 75),
                setting: "inpatient_nonelective", fraction: UncertainValue(low: 0.05, high: 0.1),
                to: .init(setting: setting, unitCostPence: 50_000, partner: "COUNCIL"))
            let results = try SyntheticBaseline.model(
                SyntheticBaseline.definition(horizon: 2, runs: 50, changes: [shift]), on: Self.data
            ).results()
            let line = try #require(results.redLines.first { $0.kind == .ringFence && $0.subject == "council-care" })
            return line.probability
        }
        #expect(try probability(places: ["B"], setting: "adult_social_care") == 1)
        #expect(try probability(places: ["A"], setting: "adult_social_care") == 0)
        #expect(try probability(places: ["A"], setting: "community") == 1)
    }

    @Test(
        "red lines: an investment by the council in community health breaks the fence; envelopes hold or break by their size"
    )
    func investmentsAndEnvelopes() throws {
        let investment = ScenarioDefinition.Investment(
            partner: "COUNCIL", kind: .revenue, pencePerYear: 250_000_000, setting: "community", place: "A")
        let definition = SyntheticBaseline.definition(
            runs: 20, investments: [investment],
            envelopes: [
                .init(partner: "GP", pencePerYear: 1_000_000_000_000), .init(partner: "ACUTE", pencePerYear: 0),
            ])
        let results = try SyntheticBaseline.model(definition, on: Self.data).results()
        #expect(results.redLines.first { $0.kind == .ringFence }?.probability == 1)
        #expect(results.redLines.first { $0.kind == .envelope && $0.subject == "GP" }?.probability == 0)
        #expect(results.redLines.first { $0.kind == .envelope && $0.subject == "ACUTE" }?.probability == 1)
        let council = try #require(results.partners.firstIndex(of: "COUNCIL"))
        #expect(results.principal[0].revenueByPartnerPence[council] == 250_000_000)
        #expect(
            results.principal[0].netCostByPartnerPence[council] == results.principal[0].costByPartnerPence[council]
                + 250_000_000)
        let stream = try #require(results.streams.first { $0.partner == "COUNCIL" && $0.year == "2026/27" })
        #expect(stream.revenuePence == 250_000_000 && stream.savingPence == 0)
    }

    @Test("people are chosen by segment, condition, sex and IMD decile as the engine assigns them")
    func targeting() throws {
        let attributes = PersonAttributes(of: Self.data, referenceDate: SyntheticBaseline.period.upperBound)
        let profiles = PopulationHealthEngine(referenceDate: SyntheticBaseline.period.upperBound).profiles(
            of: Self.data)
        var counts = [Int](repeating: 0, count: BridgesToHealthSegment.allCases.count)
        for segment in attributes.segments { counts[Int(segment)] += 1 }
        let engine = profiles.values.reduce(into: [Int](repeating: 0, count: counts.count)) { total, profile in
            for index in total.indices { total[index] += profile.segments[index] }
        }
        #expect(counts == engine)
        let dementia = ScenarioDefinition.Change(
            name: "dementia", kind: .avoid,
            people: .init(sexes: ["female"], imdDeciles: [1, 2, 3], conditions: ["dementia"]),
            setting: "community", fraction: UncertainValue(point: 1))
        let results = try SyntheticBaseline.model(
            SyntheticBaseline.definition(horizon: 1, runs: 1, changes: [dementia]), on: Self.data
        ).results()
        let community = Int(CareSetting.community.rawValue)
        var expected = 0.0
        let dementiaIndex = try #require(attributes.conditionNames.firstIndex(of: "dementia"))
        for row in 0..<Self.data.eventCount where Self.data.eventSetting[row] == CareSetting.community.rawValue {
            let person = Int(Self.data.eventPerson[row])
            if attributes.conditions[person].contains(dementiaIndex), Self.data.sex[person] == 0,
                Self.data.imdDecile[person] <= 3
            {
                expected += 1
            }
        }
        #expect(expected > 0)
        #expect(
            abs(
                results.baseline.activityBySetting[community] - results.principal[0].activityBySetting[community]
                    - expected) < 1e-9)
    }

    @Test("an empty dataset runs to zeros without dividing by zero")
    func emptyDataset() throws {
        var empty = IntegratedDataset()
        empty.practiceCodes = PackedStrings(["P1"])
        let results = try SyntheticBaseline.model(SyntheticBaseline.definition(runs: 3), on: empty).results()
        #expect(results.baseline.costPence == 0)
        #expect(results.principal.allSatisfy { $0.costPence == 0 && $0.costPerHeadPence == 0 })
    }

    @Test("a shift with no unit cost in a setting the baseline lacks is refused with its path")
    func destinationWithoutCost() throws {
        let shift = ScenarioDefinition.Change(
            name: "to hospice", kind: .shift, setting: "inpatient_nonelective", fraction: UncertainValue(point: 0.1),
            to: .init(setting: "hospice"))
        #expect(
            throws: ScenarioRefusal(
                "$.changes[0].to.unitCostPence",
                "is missing, and the baseline has no hospice activity to take a unit cost from")
        ) {
            _ = try SyntheticBaseline.model(SyntheticBaseline.definition(changes: [shift]), on: Self.data)
        }
    }
}
