import ConcordatCore
import Foundation

/// How well the model's growth assumption would have projected the past: for each setting, growth fitted
/// on the first half of a year of activity and projected over the second half, against what happened.
///
/// Each setting's monthly events are fitted by Poisson regression with a log link and the month's days as
/// exposure (events in month m ~ Poisson(days_m × exp(a + b·m)), fitted by iteratively reweighted least
/// squares, the maximum-likelihood fit R's `glm(family = poisson, offset = log(days))` gives), so
/// exp(b) − 1 is the fitted monthly growth and a month with no events fits as any other. The second half
/// is then projected as Σ days_m × exp(a + b·m) over its months, and its cost as the projected events × the
/// first half's cost per event. The error is projected less observed; the percentage error is that over
/// observed. Pure.
public struct Backtest: Sendable, Hashable, Codable {
    /// One setting's backtest.
    public struct Setting: Sendable, Hashable, Codable {
        /// The setting code.
        public var setting: String
        /// Events in the first half (the fit).
        public var fittedEvents: Int
        /// The fitted growth per month (exp(b) − 1).
        public var monthlyGrowth: Double
        /// The fitted growth over a year ((1 + monthly)¹² − 1).
        public var annualGrowth: Double
        /// Events projected for the second half.
        public var projectedEvents: Double
        /// Events observed in the second half.
        public var observedEvents: Int
        /// Projected less observed events.
        public var errorEvents: Double
        /// The error over observed events (absent when none were observed).
        public var percentageError: Double?
        /// Cost projected for the second half, pence.
        public var projectedCostPence: Int64
        /// Cost observed in the second half, pence.
        public var observedCostPence: Int64
    }

    /// The first half's months (first and last day, ISO).
    public var fitPeriod: [String]
    /// The second half's months (first and last day, ISO).
    public var testPeriod: [String]
    /// The settings with activity in either half, in setting order.
    public var settings: [Setting]
    /// Every setting's projected less observed events, summed.
    public var totalErrorEvents: Double
    /// The mean absolute percentage error over the settings that have one.
    public var meanAbsolutePercentageError: Double?

    /// Backtests `dataset` over the twelve whole months ending with `lastMonth`'s month (a day in it): the
    /// first six are fitted, the last six projected. Events are counted by their start day.
    public init(dataset: IntegratedDataset, lastMonth: Day) {
        let (year, month, _) = lastMonth.components
        let last = year * 12 + month - 1
        let months = (0..<12).map { offset -> ClosedRange<Day> in
            let index = last - 11 + offset
            let y = index / 12
            let m = index % 12 + 1
            return Day(year: y, month: m, day: 1)!...Day(year: y, month: m, day: Day.daysIn(month: m, year: y))!
        }
        let first = months[0].lowerBound.daysSinceEpoch
        let end = months[11].upperBound.daysSinceEpoch
        // Month index of each day from the first.
        let monthStarts = months.map { $0.lowerBound.daysSinceEpoch }
        let settings = CareSetting.allCases.count
        var events = [Int](repeating: 0, count: settings * 12)
        var cost = [Int64](repeating: 0, count: settings * 12)
        for row in 0..<dataset.eventCount {
            let day = dataset.eventStart[row]
            guard day >= first, day <= end else { continue }
            var index = 11
            while monthStarts[index] > day { index -= 1 }
            let slot = Int(dataset.eventSetting[row]) * 12 + index
            events[slot] += 1
            cost[slot] += dataset.eventCostPence[row]
        }
        let days = months.map { Double($0.upperBound.daysSinceEpoch - $0.lowerBound.daysSinceEpoch + 1) }
        var results: [Setting] = []
        for setting in CareSetting.allCases {
            let row = Int(setting.rawValue) * 12
            let fitted = (0..<6).map { events[row + $0] }
            let observed = (6..<12).reduce(0) { $0 + events[row + $1] }
            guard fitted.reduce(0, +) > 0 || observed > 0 else { continue }
            let (a, b) = Self.poissonTrend(counts: fitted, exposure: Array(days[0..<6]))
            let projected = (6..<12).reduce(0.0) { $0 + days[$1] * Foundation.exp(a + b * Double($1)) }
            let fittedCost = (0..<6).reduce(Int64(0)) { $0 + cost[row + $1] }
            let fittedEvents = fitted.reduce(0, +)
            let perEvent = fittedEvents > 0 ? Double(fittedCost) / Double(fittedEvents) : 0
            let monthly = Foundation.exp(b) - 1
            results.append(
                Setting(
                    setting: setting.code, fittedEvents: fittedEvents, monthlyGrowth: monthly,
                    annualGrowth: Foundation.pow(1 + monthly, 12) - 1, projectedEvents: projected,
                    observedEvents: observed, errorEvents: projected - Double(observed),
                    percentageError: observed > 0 ? (projected - Double(observed)) / Double(observed) : nil,
                    projectedCostPence: Int64((projected * perEvent).rounded()),
                    observedCostPence: (6..<12).reduce(Int64(0)) { $0 + cost[row + $1] }))
        }
        fitPeriod = [months[0].lowerBound.description, months[5].upperBound.description]
        testPeriod = [months[6].lowerBound.description, months[11].upperBound.description]
        self.settings = results
        totalErrorEvents = results.reduce(0) { $0 + $1.errorEvents }
        let errors = results.compactMap(\.percentageError)
        meanAbsolutePercentageError =
            errors.isEmpty ? nil : errors.reduce(0) { $0 + Swift.abs($1) } / Double(errors.count)
    }

    /// The maximum-likelihood log-linear trend of `counts` (month m = 0, 1, …) with `exposure` days:
    /// log E[count_m] = log(exposure_m) + a + b·m, by iteratively reweighted least squares (Newton's method
    /// on the Poisson log-likelihood). No events at all: a = −∞ (projects 0), b = 0.
    static func poissonTrend(counts: [Int], exposure: [Double]) -> (a: Double, b: Double) {
        let total = Double(counts.reduce(0, +))
        let totalExposure = exposure.reduce(0, +)
        guard total > 0, totalExposure > 0 else { return (-Double.infinity, 0) }
        // Start at no trend: the mean daily rate.
        var a = Foundation.log(total / totalExposure)
        var b = 0.0
        for _ in 0..<100 {
            // Score and information of the log-likelihood Σ y·η − exposure·e^η, η = a + b·m.
            var (ga, gb, haa, hab, hbb) = (0.0, 0.0, 0.0, 0.0, 0.0)
            for (m, count) in counts.enumerated() {
                let x = Double(m)
                let mu = exposure[m] * Foundation.exp(a + b * x)
                let residual = Double(count) - mu
                ga += residual
                gb += residual * x
                haa += mu
                hab += mu * x
                hbb += mu * x * x
            }
            let determinant = haa * hbb - hab * hab
            guard determinant > 0, determinant.isFinite else { break }
            let da = (hbb * ga - hab * gb) / determinant
            let db = (haa * gb - hab * ga) / determinant
            // A step of at most 1 on the log scale keeps a fit with a long run of empty months from overshooting.
            let scale = min(1, 1 / max(Swift.abs(da), Swift.abs(db)))
            a += da * scale
            b += db * scale
            if Swift.abs(da) < 1e-12 && Swift.abs(db) < 1e-12 { break }
        }
        return (a, b)
    }
}
