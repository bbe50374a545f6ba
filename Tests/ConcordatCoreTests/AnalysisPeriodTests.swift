import ConcordatCore
import Foundation
import Testing

@Suite("The analysis period")
struct AnalysisPeriodTests {
    @Test("YYYY-MM..YYYY-MM reads as its first and last month, inclusive")
    func parses() throws {
        let period = try AnalysisPeriod(parsing: "2025-07..2026-06")
        #expect(period.months == 12)
        #expect(period.firstDay == Day(year: 2025, month: 7, day: 1))
        #expect(period.lastDay == Day(year: 2026, month: 6, day: 30))
        #expect(period.endExclusive == Day(year: 2026, month: 7, day: 1))
        #expect(period.monthLabels.first == "2025-07" && period.monthLabels.last == "2026-06")
        #expect(period.description == "2025-07..2026-06")
        #expect(period.words == "July 2025 to June 2026 (12 months)")
        #expect(period.contains(Day(year: 2026, month: 6, day: 30)!))
        #expect(!period.contains(Day(year: 2026, month: 7, day: 1)!))
        #expect(!period.contains(Day(year: 2025, month: 6, day: 30)!))
        #expect(try AnalysisPeriod(parsing: "2024-02..2024-02").lastDay == Day(year: 2024, month: 2, day: 29))
        #expect(try AnalysisPeriod(parsing: "2024-01..2025-12").months == 24)
    }

    @Test(
        "a malformed period is refused, saying what is wrong",
        arguments: [
            "", "2025-07", "2025-07..", "..2026-06", "2025-7..2026-06", "2025-07-2026-06", "2025-13..2026-06",
            "2025-07..2026-00", "2025-07...2026-06", "2025-07..2026-06..2027-06", "abcd-ef..ghij-kl",
            "-2025-07..2026-06",
            "2025-07 .. 2026-06", "9999-01..9999-02",
        ])
    func malformed(text: String) {
        #expect {
            _ = try AnalysisPeriod(parsing: text)
        } throws: { error in
            guard case .malformed = error as? AnalysisPeriodError else { return false }
            return "\(error)".contains("is not a period")
        }
    }

    @Test("a reversed, empty or over-long period is refused")
    func hostile() {
        #expect(throws: AnalysisPeriodError.reversed(text: "2026-06..2025-07")) {
            try AnalysisPeriod(parsing: "2026-06..2025-07")
        }
        // 0 months: the last month just before the first.
        #expect(throws: AnalysisPeriodError.empty(text: "2025-07..2025-06")) {
            try AnalysisPeriod(parsing: "2025-07..2025-06")
        }
        #expect(throws: AnalysisPeriodError.empty(text: "0 months")) {
            try AnalysisPeriod(year: 2025, month: 7, months: 0)
        }
        // 100 months.
        #expect(throws: AnalysisPeriodError.tooLong(text: "2020-01..2028-04", months: 100)) {
            try AnalysisPeriod(parsing: "2020-01..2028-04")
        }
        #expect(throws: AnalysisPeriodError.tooLong(text: "25 months", months: 25)) {
            try AnalysisPeriod(year: 2025, month: 1, months: 25)
        }
        #expect(throws: (any Error).self) { try AnalysisPeriod(year: 2025, month: 13, months: 12) }
        #expect("\(AnalysisPeriodError.reversed(text: "x"))".contains("ends before it starts"))
        #expect("\(AnalysisPeriodError.tooLong(text: "x", months: 100))".contains("longest accepted is 24"))
    }

    @Test("the default is the twelve months ending at the last complete month of the data")
    func defaults() {
        let endOfJune = Day(year: 2026, month: 6, day: 30)!
        #expect(AnalysisPeriod.twelveMonths(endingAtLastCompleteMonthOf: endOfJune).description == "2025-07..2026-06")
        // June is not complete on the 29th: the period ends in May.
        let june29 = Day(year: 2026, month: 6, day: 29)!
        #expect(AnalysisPeriod.twelveMonths(endingAtLastCompleteMonthOf: june29).description == "2025-06..2026-05")
        // Across a year boundary, and in a leap February.
        let january = Day(year: 2026, month: 1, day: 31)!
        #expect(AnalysisPeriod.twelveMonths(endingAtLastCompleteMonthOf: january).description == "2025-02..2026-01")
        let leap = Day(year: 2024, month: 2, day: 29)!
        #expect(AnalysisPeriod.twelveMonths(endingAtLastCompleteMonthOf: leap).description == "2023-03..2024-02")
        // The convention before periods were stored: the twelve whole months before the reference month.
        #expect(
            AnalysisPeriod.twelveMonths(before: Day(year: 2026, month: 7, day: 1)!).description == "2025-07..2026-06")
        #expect(
            AnalysisPeriod.twelveMonths(before: Day(year: 2026, month: 7, day: 20)!).description == "2025-07..2026-06")
    }

    @Test("a period is stored as its text and a damaged one is refused on reading")
    func codable() throws {
        let period = try AnalysisPeriod(parsing: "2025-04..2026-03")
        let data = try JSONEncoder().encode([period])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2025-04..2026-03\"]")
        #expect(try JSONDecoder().decode([AnalysisPeriod].self, from: data) == [period])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([AnalysisPeriod].self, from: Data("[\"2026-03..2025-04\"]".utf8))
        }
    }

    @Test("who counts in a period: registered and alive at its end; died in it apart; the rest not at all")
    func standing() throws {
        let period = try AnalysisPeriod(parsing: "2025-07..2026-06")
        var dataset = IntegratedDataset()
        let day = { (text: String) in Day(iso: text)!.daysSinceEpoch }
        let people: [(registered: Int32, died: Int32)] = [
            (day("2010-01-01"), IntegratedDataset.noDate),  // registered throughout
            (day("2026-03-01"), IntegratedDataset.noDate),  // a late registration, in the period
            (day("2026-07-01"), IntegratedDataset.noDate),  // registered the day after the period
            (day("2010-01-01"), day("2026-02-10")),  // died in the period
            (day("2010-01-01"), day("2025-06-30")),  // died the day before it
            (day("2010-01-01"), day("2026-06-30")),  // died on its last day
            (day("2026-06-30"), IntegratedDataset.noDate),  // registered on its last day
        ]
        for person in people {
            dataset.registeredFrom.append(person.registered)
            dataset.diedOn.append(person.died)
        }
        let standings = (0..<people.count).map { dataset.standing(of: $0, in: period) }
        #expect(
            standings == [
                .registered, .registered, .registeredAfter, .diedInPeriod, .diedBefore, .diedInPeriod, .registered,
            ])
        #expect(standings.map(\.countsActivity) == [true, true, false, true, false, true, true])
    }
}
