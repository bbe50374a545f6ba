import ConcordatCore
import Foundation
import Testing

@testable import PopulationHealth

@Suite("Person-based capitation: OLS of next-period cost on age, sex, morbidity, deprivation")
struct PersonBasedCapitationTests {
    static let reference = Day(year: 2026, month: 7, day: 1)!

    /// People at two practices whose second-half cost is a known linear function of their facts:
    /// £200 + £1,500 if aged 85+ + £800 with heart failure (I50) + £100 in IMD decile 1, a year.
    static func dataset(people: Int) -> IntegratedDataset {
        var data = IntegratedDataset()
        data.practiceCodes = PackedStrings(["OLDER", "YOUNGER"])
        data.providerCodes = PackedStrings(["RVV"])
        data.codes = PackedStrings(["I50", "R69"])
        var random = SeededRandom(seed: 3)
        let outcomeStart = reference.adding(days: -182)
        for person in 0..<people {
            let older = person % 2 == 0
            let age = older ? 40 + random.below(60) : 5 + random.below(50)
            data.personIDs.append("p\(person)")
            data.birthYear.append(UInt16(2026 - age - 1))
            data.birthMonth.append(1)
            data.sex.append(UInt8(random.below(2)))
            data.lsoa.append(0)
            let decile = 1 + random.below(10)
            data.imdDecile.append(UInt8(decile))
            data.practice.append(older ? 0 : 1)
            data.registeredFrom.append(reference.adding(days: -4000).daysSinceEpoch)
            data.diedOn.append(IntegratedDataset.noDate)
            let heartFailure = random.unit() < (older ? 0.15 : 0.02)
            if heartFailure {
                data.diagnosisPerson.append(UInt32(person))
                data.diagnosisSystem.append(CodeSystem.icd10.rawValue)
                data.diagnosisCode.append(0)
                data.diagnosisRecordedOn.append(reference.adding(days: -900).daysSinceEpoch)
            }
            let realAge = reference.age(birthYear: 2026 - age - 1, birthMonth: 1)
            let annual = 200.0 + (realAge >= 85 ? 1_500 : 0) + (heartFailure ? 800 : 0) + (decile == 1 ? 100 : 0)
            // Half a year's cost in the outcome period, in pence, as two events (GP and outpatient).
            let half = Int64((annual * 100 * 182 / 365).rounded())
            for (setting, share) in [(CareSetting.gp, half / 4), (.outpatient, half - half / 4)] {
                data.eventPerson.append(UInt32(person))
                data.eventSetting.append(setting.rawValue)
                data.eventProvider.append(0)
                data.eventStart.append(outcomeStart.adding(days: 10).daysSinceEpoch)
                data.eventEnd.append(outcomeStart.adding(days: 10).daysSinceEpoch)
                data.eventCostPence.append(share)
                data.eventPrimaryCode.append(1)
            }
        }
        return data
    }

    @Test("recovers the cost structure it was simulated from, and weights the older practice higher")
    func recovers() throws {
        let data = Self.dataset(people: 30_000)
        let result = try #require(PersonBasedCapitation(referenceDate: Self.reference).fit(on: data))
        let names = result.features
        func total(_ feature: String) -> Double {
            let index = names.firstIndex(of: feature)! + 1
            return result.coefficients.reduce(0) { $0 + $1[index] }
        }
        // The cost is exactly linear in the features, so OLS recovers it (to the pence of rounding).
        #expect(abs(total("charlson: chf") - 800) < 1)
        #expect(abs(total("male 85+") - total("male 45–64") - 1_500) < 1)
        #expect(abs(total("IMD decile 1") - total("IMD decile 5") - 100) < 1)
        #expect(result.rSquared > 0.999)
        let older = try #require(result.weights["OLDER"])
        let younger = try #require(result.weights["YOUNGER"])
        // Weighted populations add up to the registered population, and need follows age and illness.
        #expect(abs(older.weighted + younger.weighted - 30_000) < 1)
        #expect(older.weighted / older.population > 1.1 * younger.weighted / younger.population)
        // Components by setting add up to the total: GP took a quarter of every person's cost.
        #expect(abs((older.components["gp"] ?? 0) / older.weighted - 0.25) < 0.001)
    }
}
