import ConcordatCore
import Foundation
import Testing

@testable import PopulationHealth

/// A small dataset written out person by person, for the period's counting rules.
struct PeriodDataset {
    var dataset = IntegratedDataset()

    init(practices: [String] = ["A00001"]) {
        dataset.practiceCodes = PackedStrings(practices)
        dataset.providerCodes = PackedStrings(["RVV"])
        dataset.codes = PackedStrings(["I500"])
    }

    static func day(_ text: String) -> Int32 { Day(iso: text)!.daysSinceEpoch }

    /// Adds a person, returning their row.
    @discardableResult
    mutating func person(
        born: UInt16 = 1950, practice: UInt16 = 0, registered: String = "2000-01-01", died: String? = nil,
        decile: UInt8 = 5
    ) -> Int {
        dataset.personIDs.append("p\(dataset.personCount)")
        dataset.birthYear.append(born)
        dataset.birthMonth.append(1)
        dataset.sex.append(0)
        dataset.lsoa.append(0)
        dataset.imdDecile.append(decile)
        dataset.practice.append(practice)
        dataset.registeredFrom.append(Self.day(registered))
        dataset.diedOn.append(died.map(Self.day) ?? IntegratedDataset.noDate)
        return dataset.personCount - 1
    }

    mutating func event(_ person: Int, _ setting: CareSetting, on date: String, pence: Int64) {
        dataset.eventPerson.append(UInt32(person))
        dataset.eventSetting.append(setting.rawValue)
        dataset.eventProvider.append(0)
        dataset.eventStart.append(Self.day(date))
        dataset.eventEnd.append(IntegratedDataset.noDate)
        dataset.eventCostPence.append(pence)
        dataset.eventPrimaryCode.append(IntegratedDataset.noCode)
    }

    mutating func diagnosis(_ person: Int, on date: String) {
        dataset.diagnosisPerson.append(UInt32(person))
        dataset.diagnosisSystem.append(CodeSystem.icd10.rawValue)
        dataset.diagnosisCode.append(0)
        dataset.diagnosisRecordedOn.append(Self.day(date))
    }
}

@Suite("Counting one analysis period")
struct AnalysisPeriodEngineTests {
    static let period = try! AnalysisPeriod(parsing: "2025-07..2026-06")

    @Test("a two-year extract counts one period's activity and cost; the rest is reported, not added")
    func twoYearExtract() throws {
        var data = PeriodDataset()
        let person = data.person()
        // One emergency admission and one GP appointment in each of two years.
        data.event(person, .inpatientNonElective, on: "2024-09-10", pence: 300_000)
        data.event(person, .gp, on: "2025-06-30", pence: 4_000)
        data.event(person, .inpatientNonElective, on: "2025-09-10", pence: 500_000)
        data.event(person, .gp, on: "2026-06-30", pence: 5_000)
        let dataset = data.dataset
        #expect(dataset.latestDate == Day(year: 2026, month: 6, day: 30))
        let period = AnalysisPeriod.twelveMonths(endingAtLastCompleteMonthOf: try #require(dataset.latestDate))
        #expect(period == Self.period)
        let profile = try #require(PopulationHealthEngine(period: period).profiles(of: dataset)["A00001"])
        #expect(profile.totalCost == 505_000)
        #expect(profile.costBySetting[Int(CareSetting.inpatientNonElective.rawValue)] == 500_000)
        #expect(profile.peopleWithEmergencyAdmission == 1)
        #expect(profile.emergencyAdmissions75Plus == 1)  // born January 1950: 76 on 2026-06-30
        // Without a period every event counts: two years shown as one (the fault the period fixes).
        let everything = try #require(
            PopulationHealthEngine(referenceDate: period.endExclusive).profiles(of: dataset)["A00001"])
        #expect(everything.totalCost == 809_000)
        let spend = SpendSummary(of: dataset, period: period)
        #expect(spend.total == 505_000)
        #expect(spend.months.count == 12 && spend.months.first == "2025-07" && spend.months.last == "2026-06")
        let outside = dataset.eventsOutside(period)
        #expect(outside.count == 2 && outside.before == 2 && outside.after == 0)
        #expect(outside.earliest == Day(year: 2024, month: 9, day: 10))
        #expect(outside.latest == Day(year: 2025, month: 6, day: 30))
        // The events are kept: the dataset still holds all four.
        #expect(dataset.eventCount == 4)
        let (analysis, _) = PopulationAnalysis.run(
            on: dataset, period: period, extractDate: Day(year: 2026, month: 7, day: 1)!)
        #expect(analysis.eventsOutsidePeriod == outside)
        #expect(analysis.period == period)
        #expect(analysis.profiles["A00001"]?.totalCost == 505_000)
    }

    @Test("a death in the period counts in activity and cost and apart; a late registration counts in the population")
    func deathAndLateRegistration() throws {
        var data = PeriodDataset()
        let stays = data.person(born: 1980)
        let late = data.person(born: 1990, registered: "2026-03-01")
        let died = data.person(born: 1940, died: "2026-02-10")
        let diedBefore = data.person(born: 1940, died: "2025-05-01")
        let after = data.person(born: 1985, registered: "2026-08-01")
        data.event(stays, .gp, on: "2025-08-01", pence: 3_000)
        data.event(late, .ae, on: "2026-04-01", pence: 20_000)
        data.event(died, .inpatientNonElective, on: "2026-01-20", pence: 700_000)
        data.event(diedBefore, .inpatientNonElective, on: "2025-04-20", pence: 600_000)
        data.event(after, .gp, on: "2026-08-02", pence: 3_500)
        data.diagnosis(died, on: "2025-01-01")
        let profile = try #require(PopulationHealthEngine(period: Self.period).profiles(of: data.dataset)["A00001"])
        // Population at the period end: registered on 2026-06-30 and alive.
        #expect(profile.people == 2)
        #expect(profile.segments.reduce(0, +) == 2)
        #expect(profile.aged75Plus == 0)
        #expect(profile.diedInPeriod == 1)
        #expect(profile.costOfDiedInPeriod == 700_000)
        // Their activity and cost count: 3,000 + 20,000 + 700,000.
        #expect(profile.totalCost == 723_000)
        #expect(profile.costBySegment.reduce(0, +) == profile.totalCost)
        #expect(profile.emergencyAdmissions75Plus == 1)  // the death, aged 86: activity counts
        #expect(profile.peopleWithEmergencyAdmission == 0)  // a share of the end population
        #expect(profile.charlsonCategories.reduce(0, +) == 0)  // the heart failure was the dead person's
        let spend = SpendSummary(of: data.dataset, period: Self.period)
        #expect(spend.total == 723_000)
        #expect(spend.people?["A00001"]?.all == 2)
        // Profiles add up with the new counts.
        var sum = PracticeProfile()
        sum += profile
        sum += profile
        #expect(sum.diedInPeriod == 2 && sum.costOfDiedInPeriod == 1_400_000)
    }

    @Test("a profile stored before periods reads with no death counts")
    func oldProfileReads() throws {
        let old = try JSONEncoder().encode(PracticeProfile())
        var object = try #require(try JSONSerialization.jsonObject(with: old) as? [String: Any])
        object["diedInPeriod"] = nil
        object["costOfDiedInPeriod"] = nil
        let profile = try JSONDecoder().decode(
            PracticeProfile.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(profile.diedInPeriod == nil)
        let analysis = try JSONDecoder().decode(
            PopulationAnalysis.self, from: Data(#"{"profiles": {}, "version": 4}"#.utf8))
        #expect(analysis.period == nil && analysis.extractDate == nil)
        #expect(FigureDefinitions(of: analysis).note?.contains("before analysis periods were stored") == true)
        #expect(FigureDefinitions(of: nil).period == nil)
    }

    /// People with prior activity that predicts an emergency admission, over two years of events.
    static func modelDataset(people: Int = 3_000, lastDay: String = "2026-06-30") -> IntegratedDataset {
        var data = PeriodDataset()
        var random = SeededRandom(seed: 41)
        let end = Day(iso: lastDay)!
        for _ in 0..<people {
            let person = data.person(born: UInt16(1930 + random.below(90)), decile: UInt8(1 + random.below(10)))
            let visits = random.below(6)
            for _ in 0..<visits {
                data.event(person, .gp, on: end.adding(days: -random.below(730)).description, pence: 4_000)
            }
            let risk = 0.02 + 0.05 * Double(visits)
            for _ in 0..<2 where random.unit() < risk {
                data.event(
                    person, .inpatientNonElective, on: end.adding(days: -random.below(730)).description, pence: 250_000)
            }
        }
        // The data end on `lastDay`.
        data.event(0, .gp, on: lastDay, pence: 4_000)
        return data.dataset
    }

    @Test("the model's windows are the period's halves, and it reports its outcomes, DeLong CI and calibration")
    func modelInsidePeriod() throws {
        let dataset = Self.modelDataset()
        let study = AdmissionRiskStudy(period: Self.period, dataset: dataset)
        #expect(study.windows.start == Day(year: 2025, month: 7, day: 1))
        #expect(study.windows.split == Day(year: 2026, month: 1, day: 1))
        #expect(study.windows.end == Day(year: 2026, month: 7, day: 1))
        guard case .reported(let report, _) = study.evaluate(on: dataset) else {
            Issue.record("expected the model to report")
            return
        }
        #expect(report.outcomePeriod == "2026-01-01 to 2026-06-30")
        #expect(report.priorPeriod == "2025-07-01 to 2025-12-31")
        let outcomes = try #require(report.testOutcomes)
        #expect(outcomes > 10 && outcomes < report.testPeople)
        let interval = try #require(report.aucInterval)
        #expect(interval.confidence == 0.95)
        #expect(interval.lower < report.auc && report.auc < interval.upper)
        #expect(report.calibration.reduce(0) { $0 + $1.people } == report.testPeople)
    }

    @Test("the model refuses an outcome window beyond the data, saying why, instead of reporting")
    func modelRefusesBeyondData() throws {
        // The issue's case: events end on 2026-06-30, the period asked for runs to November.
        let dataset = Self.modelDataset()
        let late = try AnalysisPeriod(parsing: "2025-12..2026-11")
        guard case .refused(let reason) = AdmissionRiskStudy(period: late, dataset: dataset).evaluate(on: dataset)
        else {
            Issue.record("expected a refusal")
            return
        }
        #expect(reason.contains("the outcome window 2026-06-01 to 2026-11-30 runs past the data"))
        #expect(reason.contains("2026-06-30"))
        let (analysis, cohort) = PopulationAnalysis.run(
            on: dataset, period: late, extractDate: Day(year: 2026, month: 12, day: 1)!)
        #expect(analysis.admissionRisk == nil && cohort.isEmpty)
        #expect(analysis.admissionRiskRefusal == reason)
        // One month has no room for two windows.
        let one = try AnalysisPeriod(parsing: "2026-06..2026-06")
        guard case .refused(let short) = AdmissionRiskStudy(period: one, dataset: dataset).evaluate(on: dataset) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(short.contains("one month"))
        // A prior window before the data begin.
        let early = try AnalysisPeriod(parsing: "2023-01..2023-12")
        guard case .refused(let before) = AdmissionRiskStudy(period: early, dataset: dataset).evaluate(on: dataset)
        else {
            Issue.record("expected a refusal")
            return
        }
        #expect(before.contains("first event"))
        // An empty dataset refuses too, never crashes.
        let empty = IntegratedDataset()
        guard case .refused = AdmissionRiskStudy(period: Self.period, dataset: empty).evaluate(on: empty) else {
            Issue.record("expected a refusal")
            return
        }
    }

    @Test("the same dataset and period give the same analysis")
    func deterministic() {
        let dataset = Self.modelDataset(people: 800)
        let extract = Day(year: 2026, month: 7, day: 1)!
        let first = PopulationAnalysis.run(on: dataset, period: Self.period, extractDate: extract)
        let second = PopulationAnalysis.run(on: dataset, period: Self.period, extractDate: extract)
        #expect(first.analysis == second.analysis)
        #expect(first.cohort == second.cohort)
    }
}
