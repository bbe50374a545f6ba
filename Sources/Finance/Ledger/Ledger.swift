import ConcordatCore

/// The system's books for one financial year: each partner's budget by place (and pool), profiled by
/// month, against actual spend, with the variance to date and a forecast outturn — rolled up per
/// partner, place and pool, and for the system against its control total.
///
/// Forecast outturn, two ways (the NHS month-end finance return's usual pair):
/// - **run rate**: the year to date × 12 ÷ months elapsed;
/// - **seasonal**: the year to date ÷ the share of the year those months usually take (``SeasonalProfile``).
///
/// Budgets split into months with the largest remainder method, so the months add up to the year.
public struct Ledger: Sendable, Hashable {
    /// One budget holder's line: a partner's budget for a place, perhaps from a pool.
    public struct Line: Sendable, Hashable, Codable {
        /// The partner holding the budget.
        public var partner: String
        /// The place the budget is for.
        public var place: String
        /// The pool it is drawn from, if any.
        public var pool: String?
        /// The budget for the year, in pence.
        public var annualBudgetPence: Int64
        /// Actual spend by month so far, in pence (up to 12; the months elapsed).
        public var actualPence: [Int64]

        /// Makes a line.
        public init(partner: String, place: String, pool: String? = nil, annualBudget: Money, actual: [Money]) {
            self.partner = partner
            self.place = place
            self.pool = pool
            self.annualBudgetPence = annualBudget.pence
            self.actualPence = actual.map(\.pence)
        }
    }

    /// How the forecast outturn is made.
    public enum ForecastMethod: String, Sendable, Hashable, Codable, CaseIterable {
        /// Year to date × 12 ÷ months elapsed.
        case runRate = "run-rate"
        /// Year to date ÷ the profile's share of the year so far.
        case seasonal
    }

    /// The labels of the twelve months (e.g. `2026-04`), first month first.
    public let months: [String]
    /// The system control total, in pence.
    public let controlTotal: Money
    /// The lines.
    public let lines: [Line]
    /// The months elapsed (actuals known), 0–12.
    public let monthsElapsed: Int
    /// How spend usually falls across the year.
    public let profile: SeasonalProfile

    /// Why a ledger cannot be made.
    public struct Invalid: Error, Hashable, Sendable, CustomStringConvertible {
        /// The reason in words.
        public var description: String
    }

    /// Makes a ledger. Every line must have the same number of months of actuals (the months elapsed).
    public init(months: [String], controlTotal: Money, lines: [Line], profile: SeasonalProfile = .flat) throws(Invalid)
    {
        guard months.count == 12 else { throw Invalid(description: "a ledger year has 12 months, not \(months.count)") }
        let elapsed = lines.first?.actualPence.count ?? 0
        guard elapsed <= 12 else { throw Invalid(description: "more than 12 months of actuals") }
        if let uneven = lines.first(where: { $0.actualPence.count != elapsed }) {
            throw Invalid(
                description:
                    "\(uneven.partner) in \(uneven.place) has \(uneven.actualPence.count) months of actuals; the others have \(elapsed)"
            )
        }
        if let negative = lines.first(where: { $0.annualBudgetPence < 0 }) {
            throw Invalid(description: "\(negative.partner) in \(negative.place) has a negative budget")
        }
        self.months = months
        self.controlTotal = controlTotal
        self.lines = lines
        self.monthsElapsed = elapsed
        self.profile = profile
    }

    /// The statement for the lines `include` picks (all of them by default).
    public func statement(where include: (Line) -> Bool = { _ in true }) -> Statement {
        var statement = Statement(months: months.count, elapsed: monthsElapsed)
        for line in lines where include(line) {
            let monthly =
                Money(pence: line.annualBudgetPence).split(by: profile.weights)?.map(\.pence)
                ?? [Int64](repeating: 0, count: 12)
            statement.add(
                budget: monthly, actual: line.actualPence,
                forecast: forecastMonths(actual: line.actualPence), runRate: runRate(line.actualPence))
        }
        return statement
    }

    /// Statements grouped by a key (partner, place or pool), by key.
    public func statements(by key: (Line) -> String?) -> [String: Statement] {
        let keys = Set(lines.compactMap(key))
        return Dictionary(uniqueKeysWithValues: keys.map { value in (value, statement { key($0) == value }) })
    }

    /// The system's statement against its control total.
    public var system: Statement { statement() }

    /// The budgets not yet given to any line: control total − Σ budgets (negative if over-committed).
    public var unallocated: Money { Money(pence: controlTotal.pence - lines.reduce(0) { $0 + $1.annualBudgetPence }) }

    /// A line's twelve months with the rest of the year forecast seasonally: actuals so far, then the
    /// remaining outturn split across the remaining months by the profile.
    private func forecastMonths(actual: [Int64]) -> [Int64] {
        let elapsed = actual.count
        guard elapsed < 12 else { return actual }
        let toDate = actual.reduce(0, +)
        let share = profile.shareOfYear(throughMonth: elapsed)
        guard elapsed > 0, share > 0 else { return actual + [Int64](repeating: 0, count: 12 - elapsed) }
        let outturn = Int64((Double(toDate) / share).rounded())
        let rest = Money(pence: outturn - toDate).split(by: Array(profile.weights[elapsed...]))?.map(\.pence)
        return actual + (rest ?? [Int64](repeating: 0, count: 12 - elapsed))
    }

    private func runRate(_ actual: [Int64]) -> Int64 {
        guard !actual.isEmpty else { return 0 }
        return Int64((Double(actual.reduce(0, +)) * 12 / Double(actual.count)).rounded())
    }

    /// Budget, actual and forecast for a set of lines, by month and for the year.
    public struct Statement: Sendable, Hashable, Codable {
        /// Budget by month, in pence.
        public private(set) var budgetByMonth: [Int64]
        /// Actual by month so far, in pence.
        public private(set) var actualByMonth: [Int64]
        /// Actual so far, then the seasonal forecast for the months to come, in pence.
        public private(set) var forecastByMonth: [Int64]
        /// The run-rate forecast outturn, in pence.
        public private(set) var runRateOutturnPence: Int64 = 0

        init(months: Int, elapsed: Int) {
            budgetByMonth = [Int64](repeating: 0, count: months)
            actualByMonth = [Int64](repeating: 0, count: elapsed)
            forecastByMonth = [Int64](repeating: 0, count: months)
        }

        mutating func add(budget: [Int64], actual: [Int64], forecast: [Int64], runRate: Int64) {
            for index in budgetByMonth.indices { budgetByMonth[index] += budget[index] }
            for index in actualByMonth.indices { actualByMonth[index] += actual[index] }
            for index in forecastByMonth.indices { forecastByMonth[index] += forecast[index] }
            runRateOutturnPence += runRate
        }

        /// The budget for the year.
        public var annualBudget: Money { Money(pence: budgetByMonth.reduce(0, +)) }
        /// The budget for the months elapsed.
        public var budgetToDate: Money { Money(pence: budgetByMonth.prefix(actualByMonth.count).reduce(0, +)) }
        /// Spend so far.
        public var actualToDate: Money { Money(pence: actualByMonth.reduce(0, +)) }
        /// Actual − budget to date: positive is an overspend.
        public var varianceToDate: Money { actualToDate - budgetToDate }
        /// The seasonal forecast outturn.
        public var seasonalOutturn: Money { Money(pence: forecastByMonth.reduce(0, +)) }
        /// The run-rate forecast outturn.
        public var runRateOutturn: Money { Money(pence: runRateOutturnPence) }

        /// The forecast outturn by `method`.
        public func outturn(_ method: ForecastMethod) -> Money {
            method == .seasonal ? seasonalOutturn : runRateOutturn
        }

        /// Forecast outturn − annual budget: positive is a forecast overspend.
        public func forecastVariance(_ method: ForecastMethod) -> Money { outturn(method) - annualBudget }
    }
}
