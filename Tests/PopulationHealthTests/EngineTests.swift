import ConcordatCore
import Foundation
import PopulationHealth
import Testing

@Suite("Segmentation and profiles")
struct EngineTests {
    @Test("the standard rules place each person in one segment, in priority order")
    func segments() {
        let rules = SegmentationRules.standard
        #expect(rules.segment(for: PersonFacts(age: 30)) == .healthy)
        #expect(rules.segment(for: PersonFacts(age: 0)) == .maternalAndInfant)
        #expect(rules.segment(for: PersonFacts(age: 28, maternity: true)) == .maternalAndInfant)
        #expect(rules.segment(for: PersonFacts(age: 30, events: [.ae: 1])) == .acutelyIll)
        #expect(rules.segment(for: PersonFacts(age: 60, charlson: ["diab"], events: [.ae: 1])) == .chronicConditions)
        #expect(
            rules.segment(for: PersonFacts(age: 70, charlson: ["chf"], events: [.inpatientNonElective: 1]))
                == .limitedReserveWithExacerbations)
        #expect(rules.segment(for: PersonFacts(age: 70, charlson: ["chf"])) == .chronicConditions)
        #expect(
            rules.segment(for: PersonFacts(age: 66, charlson: ["metacanc", "chf"], events: [.inpatientNonElective: 2]))
                == .shortDeclineBeforeDying)
        #expect(
            rules.segment(for: PersonFacts(age: 88, charlson: ["dementia", "metacanc"])) == .longDeclineFrailtyDementia)
        #expect(rules.segment(for: PersonFacts(age: 86, frailtyTenths: 50)) == .longDeclineFrailtyDementia)
        #expect(rules.segment(for: PersonFacts(age: 80, frailtyTenths: 50)) == .healthy)
        #expect(rules.segment(for: PersonFacts(age: 40, charlson: ["hp"])) == .stableButSeriousDisability)
    }

    @Test("rules are configuration: they round-trip through JSON")
    func rulesAreData() throws {
        let data = try JSONEncoder().encode(SegmentationRules.standard)
        #expect(try JSONDecoder().decode(SegmentationRules.self, from: data) == .standard)
    }

    @Test("profiles count each person once, by practice, and add up")
    func profiles() {
        var dataset = IntegratedDataset()
        dataset.practiceCodes = PackedStrings(["A00001", "B00002"])
        dataset.codes = PackedStrings(["I500", "F03", "C780", "O800"])
        let people: [(year: UInt16, practice: UInt16, decile: UInt8)] = [
            (1950, 0, 1), (1940, 0, 5), (1990, 1, 2), (1996, 1, 9),
        ]
        for person in people {
            dataset.personIDs.append("p")
            dataset.birthYear.append(person.year)
            dataset.birthMonth.append(1)
            dataset.sex.append(0)
            dataset.lsoa.append(0)
            dataset.imdDecile.append(person.decile)
            dataset.practice.append(person.practice)
            dataset.registeredFrom.append(0)
            dataset.diedOn.append(IntegratedDataset.noDate)
        }
        // Person 0: heart failure with an emergency admission; person 1: dementia; person 3: childbirth.
        for (person, code) in [(0, 0), (1, 1), (3, 3)] {
            dataset.diagnosisPerson.append(UInt32(person))
            dataset.diagnosisSystem.append(CodeSystem.icd10.rawValue)
            dataset.diagnosisCode.append(UInt32(code))
            dataset.diagnosisRecordedOn.append(20_000)
        }
        for (person, setting, cost) in [
            (0, CareSetting.inpatientNonElective, 400_000), (0, .gp, 4_000), (2, .ae, 18_000),
        ] {
            dataset.eventPerson.append(UInt32(person))
            dataset.eventSetting.append(setting.rawValue)
            dataset.eventProvider.append(0)
            dataset.eventStart.append(20_500)
            dataset.eventEnd.append(IntegratedDataset.noDate)
            dataset.eventCostPence.append(Int64(cost))
            dataset.eventPrimaryCode.append(IntegratedDataset.noCode)
        }
        let profiles = PopulationHealthEngine(referenceDate: Day(year: 2026, month: 7, day: 1)!).profiles(of: dataset)
        let a = profiles["A00001"]!
        let b = profiles["B00002"]!
        #expect(a.people == 2 && b.people == 2)
        #expect(a.core20 == 1 && b.core20 == 1)
        #expect(a.aged75Plus == 2)
        #expect(a.emergencyAdmissions75Plus == 1)
        // Heart failure with an emergency admission: limited reserve with exacerbations.
        #expect(a.segments[Int(BridgesToHealthSegment.limitedReserveWithExacerbations.rawValue)] == 1)
        #expect(a.segments[Int(BridgesToHealthSegment.longDeclineFrailtyDementia.rawValue)] == 1)
        #expect(b.segments[Int(BridgesToHealthSegment.acutelyIll.rawValue)] == 1)
        #expect(b.segments[Int(BridgesToHealthSegment.maternalAndInfant.rawValue)] == 1)
        #expect(a.charlsonDistribution == [0, 0, 2, 0, 0, 0])  // two people scoring 2 each
        #expect(b.charlsonDistribution == [2, 0, 0, 0, 0, 0])
        #expect(a.charlsonTotal == 2 + 2)  // chf 2, dementia 2 (Quan 2011)
        #expect(a.costBySetting[Int(CareSetting.inpatientNonElective.rawValue)] == 400_000)
        #expect(a.totalCost == 404_000 && b.totalCost == 18_000)
        var system = PracticeProfile()
        system += a
        system += b
        #expect(system.people == 4)
        #expect(system.segments.reduce(0, +) == 4)
        #expect(system.costBySegment.reduce(0, +) == system.totalCost)
    }
}

@Suite("The electronic Frailty Index in the engine's profiles")
struct EngineFrailtyIndexTests {
    @Test("people are counted by eFI category from their SNOMED CT codes when deficit lists are configured")
    func efiCategories() throws {
        var dataset = IntegratedDataset()
        dataset.practiceCodes = PackedStrings(["A00001"])
        // Four SNOMED CT codes: two deficits' codes, one code in two deficits, one in none.
        dataset.codes = PackedStrings(["195967001", "49436004", "26929004", "22298006", "I500"])
        for _ in 0..<4 {
            dataset.personIDs.append("p")
            dataset.birthYear.append(1940)
            dataset.birthMonth.append(1)
            dataset.sex.append(0)
            dataset.lsoa.append(0)
            dataset.imdDecile.append(5)
            dataset.practice.append(0)
            dataset.registeredFrom.append(0)
            dataset.diedOn.append(IntegratedDataset.noDate)
        }
        // Person 0: none; person 1: asthma (1 of 4 = 0.25, moderate); person 2: atrial fibrillation and
        // dementia (2 deficits via one code = 0.5, severe); person 3: an ICD-10 code only (fit).
        for (person, code, system) in [
            (1, 0, CodeSystem.snomed), (2, 2, .snomed), (2, 3, .snomed), (3, 4, .icd10), (1, 0, .snomed),
        ] {
            dataset.diagnosisPerson.append(UInt32(person))
            dataset.diagnosisSystem.append(system.rawValue)
            dataset.diagnosisCode.append(UInt32(code))
            dataset.diagnosisRecordedOn.append(20_000)
        }
        let efi = try ElectronicFrailtyIndex(
            configuration: .init(deficits: [
                .init(name: "respiratory disease", codes: ["195967001"]),
                .init(name: "atrial fibrillation", codes: ["49436004", "26929004"]),
                .init(name: "cognitive problems", codes: ["26929004"]),
                .init(name: "heart failure", codes: ["84114007"]),
            ]))
        let reference = Day(year: 2026, month: 7, day: 1)!
        let profile = try #require(
            PopulationHealthEngine(referenceDate: reference, electronicFrailtyIndex: efi).profiles(of: dataset)[
                "A00001"])
        #expect(profile.efiCategories == [2, 0, 1, 1])
        // Without a configuration there is no eFI, and summing keeps it absent.
        let plain = try #require(PopulationHealthEngine(referenceDate: reference).profiles(of: dataset)["A00001"])
        #expect(plain.efiCategories == nil)
        var sum = plain
        sum += profile
        #expect(sum.efiCategories == [2, 0, 1, 1])
    }
}
