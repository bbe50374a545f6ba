import ConcordatCore
import Finance
import Ingest

/// What `concordat ledger` and `GET /api/v1/ledger` ask: the year's budgets against actuals, grouped.
public struct LedgerQuestion: Sendable {
    /// The control total; `nil` for the system's default (last year's spend less 2%).
    public var controlTotal: Money?
    /// Months of actuals known, 0–12.
    public var months: Int
    /// How lines are grouped.
    public var grouping: LedgerGrouping
    /// How the outturn is forecast.
    public var forecast: Ledger.ForecastMethod
    /// Imported actuals replacing the dataset's (a CSV with columns month,partner,place,actual).
    public var actuals: CSVTable?

    /// A question; everything optional.
    public init(
        controlTotal: Money? = nil, months: Int = 8, grouping: LedgerGrouping = .partner,
        forecast: Ledger.ForecastMethod = .runRate, actuals: CSVTable? = nil
    ) {
        self.controlTotal = controlTotal
        self.months = months
        self.grouping = grouping
        self.forecast = forecast
        self.actuals = actuals
    }

    /// Refuses a number of months outside the year.
    public func check() throws(FinanceQuestionRefusal) {
        guard (0...12).contains(months) else {
            throw FinanceQuestionRefusal(.months, "must be between 0 and 12; got \(months)")
        }
    }
}
