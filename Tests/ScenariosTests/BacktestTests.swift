import ConcordatCore
import Foundation
import Scenarios
import Testing

@Suite("The backtest: growth fitted on the first half of a year, projected over the second")
struct BacktestTests {
    /// July 2025 to June 2026; month m (0…11) of it.
    static let lastMonth = Day(year: 2026, month: 6, day: 30)!
    static func month(_ m: Int) -> (first: Day, days: Int) {
        let index = 2025 * 12 + 6 + m
        let year = index / 12
        let month = index % 12 + 1
        return (Day(year: year, month: month, day: 1)!, Day.daysIn(month: month, year: year))
    }

    /// A dataset whose `setting` has `perDay(m)` events a day in month m, each costing `pence`.
    static func dataset(_ rates: [(CareSetting, Int64, (Int) -> Double)]) -> IntegratedDataset {
        var data = IntegratedDataset()
        data.practiceCodes = PackedStrings(["P1"])
        data.providerCodes = PackedStrings(["PROVIDER"])
        data.personIDs.append("person-0")
        data.birthYear.append(1950)
        data.birthMonth.append(1)
        data.sex.append(0)
        data.lsoa.append(0)
        data.imdDecile.append(5)
        data.practice.append(0)
        data.registeredFrom.append(0)
        data.diedOn.append(IntegratedDataset.noDate)
        for (setting, pence, perDay) in rates {
            for m in 0..<12 {
                let (first, days) = month(m)
                let count = Int((perDay(m) * Double(days)).rounded())
                for event in 0..<count {
                    data.eventPerson.append(0)
                    data.eventSetting.append(setting.rawValue)
                    data.eventProvider.append(0)
                    data.eventStart.append(first.adding(days: event % days).daysSinceEpoch)
                    data.eventEnd.append(IntegratedDataset.noDate)
                    data.eventCostPence.append(pence)
                    data.eventPrimaryCode.append(IntegratedDataset.noCode)
                }
            }
        }
        return data
    }

    @Test("a setting growing 2% a month is fitted at 2% and projected within rounding; a flat one at 0")
    func knownGrowth() throws {
        let data = Self.dataset([
            (.gp, 4_200, { 100 * pow(1.02, Double($0)) }), (.community, 9_500, { _ in 40 }),
        ])
        let backtest = Backtest(dataset: data, lastMonth: Self.lastMonth)
        #expect(backtest.fitPeriod == ["2025-07-01", "2025-12-31"])
        #expect(backtest.testPeriod == ["2026-01-01", "2026-06-30"])
        let gp = try #require(backtest.settings.first { $0.setting == "gp" })
        #expect(abs(gp.monthlyGrowth - 0.02) < 1e-4)
        #expect(abs(gp.annualGrowth - (pow(1.02, 12) - 1)) < 2e-3)
        // Each month's count is rounded to a whole event: the projection is within a few events of the truth.
        #expect(abs(gp.errorEvents) < 10)
        #expect(abs(gp.percentageError ?? 1) < 1e-3)
        #expect(gp.observedCostPence == Int64(gp.observedEvents) * 4_200)
        #expect(abs(gp.projectedCostPence - gp.observedCostPence) < 10 * 4_200)
        let community = try #require(backtest.settings.first { $0.setting == "community" })
        #expect(abs(community.monthlyGrowth) < 1e-4)
        #expect(community.observedEvents == 40 * (31 + 28 + 31 + 30 + 31 + 30))
        #expect(abs(community.errorEvents) < 1)
        // Settings with no activity are left out; the summary adds the settings up.
        #expect(backtest.settings.map(\.setting) == ["gp", "community"])
        #expect(abs(backtest.totalErrorEvents - gp.errorEvents - community.errorEvents) < 1e-9)
        #expect(backtest.meanAbsolutePercentageError != nil)
    }

    @Test("growth that stops at mid-year is over-projected: the backtest reports the error, with its sign")
    func brokenTrend() throws {
        let data = Self.dataset([(.ae, 15_000, { $0 < 6 ? 50 * pow(1.05, Double($0)) : 50 * pow(1.05, 5) })])
        let ae = try #require(Backtest(dataset: data, lastMonth: Self.lastMonth).settings.first)
        #expect(abs(ae.monthlyGrowth - 0.05) < 1e-3)
        #expect(ae.errorEvents > 0)
        #expect(ae.percentageError! > 0.05)
    }

    @Test("hostile: no events, events only in the second half, and a single event give finite figures")
    func hostile() throws {
        let empty = Backtest(dataset: IntegratedDataset(), lastMonth: Self.lastMonth)
        #expect(empty.settings.isEmpty)
        #expect(empty.totalErrorEvents == 0)
        #expect(empty.meanAbsolutePercentageError == nil)
        let late = Self.dataset([(.hospice, 90_000, { $0 < 6 ? 0 : 1 })])
        let hospice = try #require(Backtest(dataset: late, lastMonth: Self.lastMonth).settings.first)
        #expect(hospice.fittedEvents == 0)
        #expect(hospice.projectedEvents == 0)
        #expect(hospice.percentageError == -1)
        let one = Self.dataset([(.gp, 4_200, { $0 == 0 ? 1.0 / 31 : 0 })])
        let gp = try #require(Backtest(dataset: one, lastMonth: Self.lastMonth).settings.first)
        #expect(gp.fittedEvents == 1)
        #expect(gp.projectedEvents.isFinite && gp.projectedEvents >= 0 && gp.projectedEvents < 1e-6)
        #expect(gp.percentageError == nil)
    }
}
