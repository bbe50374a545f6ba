import ConcordatCore
import Finance
import Scenarios

/// A small synthetic system for the scenario tests: three practices in two places (two in district
/// "North", one in "South"), people of every age, and a year of activity whose rates rise with age.
enum SyntheticBaseline {
    /// The baseline period: 2025/26.
    static let period = Day(year: 2025, month: 4, day: 1)!...Day(year: 2026, month: 3, day: 31)!

    /// The geography: P1, P2 in place A (North), P3 in place B (South); neighbourhoods N1 (P1) and N2 (P2, P3).
    static let geography = ScenarioGeography(
        placeOfPractice: ["P1": "A", "P2": "A", "P3": "B"],
        neighbourhoodOfPractice: ["P1": "N1", "P2": "N2", "P3": "N2"],
        districtOfPractice: ["P1": "North", "P2": "North", "P3": "South"])

    /// The partners: providers are their own budget holders.
    static let partners: Set<String> = ["ACUTE", "COMMUNITY", "COUNCIL", "GP"]

    /// The council's pool and its ring-fence: social care only, only in the North.
    static let finance = ScenarioFinance(
        poolOfPartner: ["COUNCIL": "council-care"],
        ringFences: [
            "council-care": [
                RingFence(name: "social care only", settings: ["adult_social_care"]),
                RingFence(name: "only in the North", districts: ["North"]),
            ]
        ], poolNames: ["council-care": "Council adult social care"])

    /// The context definitions are checked against.
    static var context: ScenarioContext { geography.context(partners: partners) }

    /// A dataset of `people` people; `emergencyFactor` scales emergency admissions of people aged 75+ (the
    /// "future" year of a recovery test), and `yearOffset` moves the events by whole years.
    static func dataset(people: Int = 3_000, seed: UInt64 = 7, emergencyFactor: Double = 1, yearOffset: Int = 0)
        -> IntegratedDataset
    {
        var random = SeededRandom(seed: seed)
        var data = IntegratedDataset()
        data.practiceCodes = PackedStrings(["P1", "P2", "P3"])
        data.providerCodes = PackedStrings(["ACUTE", "COMMUNITY", "COUNCIL", "GP"])
        data.lsoaCodes = PackedStrings(["E01000001"])
        data.codes = PackedStrings(["F03", "I50"])
        let start = period.lowerBound.adding(days: 365 * yearOffset)
        func event(_ person: Int, _ setting: CareSetting, _ provider: UInt32, _ cost: Int64, stay: Int? = nil) {
            let day = start.adding(days: random.below(365))
            data.eventPerson.append(UInt32(person))
            data.eventSetting.append(setting.rawValue)
            data.eventProvider.append(provider)
            data.eventStart.append(day.daysSinceEpoch)
            data.eventEnd.append(stay.map { day.adding(days: $0).daysSinceEpoch } ?? IntegratedDataset.noDate)
            data.eventCostPence.append(cost)
            data.eventPrimaryCode.append(IntegratedDataset.noCode)
        }
        for person in 0..<people {
            let age = random.below(100)
            data.personIDs.append("person-\(person)")
            data.birthYear.append(UInt16(2026 - age - 1))
            data.birthMonth.append(6)
            data.sex.append(UInt8(random.below(2)))
            data.lsoa.append(0)
            data.imdDecile.append(UInt8(1 + random.below(10)))
            data.practice.append(UInt16(random.below(3)))
            data.registeredFrom.append(Day(year: 2010, month: 1, day: 1)!.daysSinceEpoch)
            data.diedOn.append(IntegratedDataset.noDate)
            if age >= 80 && random.unit() < 0.3 {
                data.diagnosisPerson.append(UInt32(person))
                data.diagnosisSystem.append(CodeSystem.icd10.rawValue)
                data.diagnosisCode.append(0)
                data.diagnosisRecordedOn.append(start.daysSinceEpoch)
            }
            let emergencyRate = age >= 75 ? 0.6 * emergencyFactor : 0.08
            for _ in 0..<random.activityCount(mean: emergencyRate) {
                event(
                    person, .inpatientNonElective, 0, 350_000 + Int64(random.below(100_000)), stay: 1 + random.below(12)
                )
            }
            for _ in 0..<random.activityCount(mean: age >= 65 ? 0.2 : 0.05) {
                event(person, .inpatientElective, 0, 400_000, stay: random.below(3))
            }
            for _ in 0..<random.activityCount(mean: age >= 75 ? 3 : 0.3) { event(person, .community, 1, 9_500) }
            for _ in 0..<random.activityCount(mean: 4) { event(person, .gp, 3, 4_200) }
            if age >= 75 && random.unit() < 0.15 { event(person, .adultSocialCare, 2, 1_200_000) }
        }
        return data
    }

    /// A point-parameter definition with `changes`.
    static func definition(
        horizon: Int = 3, runs: Int = 40, seed: UInt64 = 5, changes: [ScenarioDefinition.Change] = [],
        demographic: UncertainValue? = nil, nonDemographic: UncertainValue? = nil,
        investments: [ScenarioDefinition.Investment] = [], envelopes: [ScenarioDefinition.Envelope] = []
    ) -> ScenarioDefinition {
        ScenarioDefinition(
            name: "test", baseYear: "2025/26", horizon: horizon, runs: runs, seed: seed,
            demographicGrowth: demographic.map { [.init(annual: $0)] },
            nonDemographicGrowth: nonDemographic.map { [.init(annual: $0)] }, changes: changes,
            investments: investments, envelopes: envelopes)
    }

    /// The model of a definition on a dataset.
    static func model(
        _ definition: ScenarioDefinition, on data: IntegratedDataset, granularity: BaselineCells.Granularity = .cells,
        finance: ScenarioFinance = SyntheticBaseline.finance
    ) throws -> ScenarioModel {
        let scenario = try definition.validated(in: context)
        let cells = BaselineCells(
            dataset: data, period: period, attributes: PersonAttributes(of: data, referenceDate: period.upperBound),
            geography: geography, targets: scenario.changes.map(\.people), partnerOf: { _, _, provider in provider },
            granularity: granularity)
        return try ScenarioModel(scenario: scenario, baseline: cells, finance: finance)
    }
}
