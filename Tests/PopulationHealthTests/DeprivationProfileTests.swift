import ConcordatCore
import Foundation
import Testing

@testable import PopulationHealth

@Suite("People and emergency admissions by IMD decile in the profiles")
struct DeprivationProfileTests {
    @Test("the engine counts people and emergency admissions by decile; a decile outside 1–10 is counted unknown")
    func engineCounts() throws {
        var dataset = IntegratedDataset()
        dataset.practiceCodes = PackedStrings(["A00001"])
        dataset.providerCodes = PackedStrings(["RVV"])
        let deciles: [UInt8] = [1, 1, 2, 10, 0, 11]
        for decile in deciles {
            dataset.personIDs.append("p")
            dataset.birthYear.append(1960)
            dataset.birthMonth.append(1)
            dataset.sex.append(0)
            dataset.lsoa.append(0)
            dataset.imdDecile.append(decile)
            dataset.practice.append(0)
            dataset.registeredFrom.append(0)
            dataset.diedOn.append(IntegratedDataset.noDate)
        }
        // Two emergency admissions for person 0 (decile 1), one for person 4 (decile unknown).
        for person in [0, 0, 4] {
            dataset.eventPerson.append(UInt32(person))
            dataset.eventSetting.append(CareSetting.inpatientNonElective.rawValue)
            dataset.eventProvider.append(0)
            dataset.eventStart.append(20_500)
            dataset.eventEnd.append(20_502)
            dataset.eventCostPence.append(100_000)
            dataset.eventPrimaryCode.append(IntegratedDataset.noCode)
        }
        let profile = try #require(
            PopulationHealthEngine(referenceDate: Day(year: 2026, month: 7, day: 1)!).profiles(of: dataset)["A00001"])
        #expect(profile.imdDeciles == [2, 1, 0, 0, 0, 0, 0, 0, 0, 1, 2])
        #expect(profile.emergencyAdmissionsByDecile == [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(profile.core20 == 3)
        #expect(profile.imdDeciles!.reduce(0, +) == profile.people)
    }

    @Test("profiles add decile by decile; a profile stored before deciles were counted still reads and adds nothing")
    func additionAndOldBlobs() throws {
        var first = PracticeProfile()
        first.count(decile: 3, emergencyAdmissions: 1)
        first.count(decile: -4, emergencyAdmissions: -2)
        var second = PracticeProfile()
        second.count(decile: 3, emergencyAdmissions: 2)
        first += second
        #expect(first.imdDeciles?[2] == 2)
        #expect(first.imdDeciles?[10] == 1)
        #expect(first.emergencyAdmissionsByDecile?[2] == 3)
        #expect(first.emergencyAdmissionsByDecile?[10] == 0)
        // An old blob: the fields are absent.
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(PracticeProfile())) as! [String: Any]
        json["imdDeciles"] = nil
        json["emergencyAdmissionsByDecile"] = nil
        let old = try JSONDecoder().decode(PracticeProfile.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(old.imdDeciles == nil)
        var sum = first
        sum += old
        #expect(sum.imdDeciles == first.imdDeciles)
    }
}
