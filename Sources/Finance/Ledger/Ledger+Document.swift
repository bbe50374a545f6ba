import ConcordatCore

extension Ledger {
    /// The ledger as JSON, as `concordat ledger --format json` prints and `GET /api/v1/ledger` returns:
    /// the months, the control total, each group's statement and the system's.
    public struct Document: Codable, Sendable {
        /// One group's (partner's, place's or pool's) statement, in pence.
        public struct Group: Codable, Sendable {
            /// The group's code.
            public var code: String
            /// Its name.
            public var name: String
            /// The budget for the year.
            public var annualBudgetPence: Int64
            /// The budget for the months elapsed.
            public var budgetToDatePence: Int64
            /// Spend so far.
            public var actualToDatePence: Int64
            /// Actual − budget to date: positive is an overspend.
            public var varianceToDatePence: Int64
            /// The forecast outturn by the document's method.
            public var forecastOutturnPence: Int64
            /// Forecast outturn − annual budget.
            public var forecastVariancePence: Int64
            /// Budget by month.
            public var budgetByMonthPence: [Int64]
            /// Actual by month so far.
            public var actualByMonthPence: [Int64]
            /// Actual so far, then the seasonal forecast.
            public var forecastByMonthPence: [Int64]

            /// The group's document.
            public init(code: String, name: String, _ statement: Statement, _ method: ForecastMethod) {
                self.code = code
                self.name = name
                annualBudgetPence = statement.annualBudget.pence
                budgetToDatePence = statement.budgetToDate.pence
                actualToDatePence = statement.actualToDate.pence
                varianceToDatePence = statement.varianceToDate.pence
                forecastOutturnPence = statement.outturn(method).pence
                forecastVariancePence = statement.forecastVariance(method).pence
                budgetByMonthPence = statement.budgetByMonth
                actualByMonthPence = statement.actualByMonth
                forecastByMonthPence = statement.forecastByMonth
            }
        }

        /// The year's months, `YYYY-MM`.
        public var months: [String]
        /// Months of actuals known.
        public var monthsElapsed: Int
        /// The control total.
        public var controlTotalPence: Int64
        /// `run-rate` or `seasonal`.
        public var forecastMethod: String
        /// The groups' statements.
        public var groups: [Group]
        /// The system's statement.
        public var system: Group
    }

    /// The ledger's document with `groups` (code, name, statement) and the system's line.
    public func document(
        groups: [(code: String, name: String, statement: Statement)], system: (code: String, name: String),
        method: ForecastMethod
    ) -> Document {
        Document(
            months: months, monthsElapsed: monthsElapsed, controlTotalPence: controlTotal.pence,
            forecastMethod: method.rawValue,
            groups: groups.map { Document.Group(code: $0.code, name: $0.name, $0.statement, method) },
            system: Document.Group(code: system.code, name: system.name, self.system, method))
    }
}
