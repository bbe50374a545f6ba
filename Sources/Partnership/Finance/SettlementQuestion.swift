import ConcordatCore
import Finance

/// What `concordat settle` and `GET /api/v1/settlement` ask: who bears the year's variance.
public struct SettlementQuestion: Sendable {
    /// The control total for the ledger's positions; `nil` for the system's default.
    public var controlTotal: Money?
    /// Months of actuals behind the ledger's forecast.
    public var months: Int
    /// How the ledger's outturn is forecast.
    public var forecast: Ledger.ForecastMethod
    /// The agreement; `nil` for the system's own (`SystemFinances.agreement`, from its pack).
    public var agreement: RiskShareAgreement?
    /// Positions given directly, instead of the ledger's.
    public var positions: [RiskShareAgreement.Position]?

    /// A question; everything optional.
    public init(
        controlTotal: Money? = nil, months: Int = 8, forecast: Ledger.ForecastMethod = .runRate,
        agreement: RiskShareAgreement? = nil, positions: [RiskShareAgreement.Position]? = nil
    ) {
        self.controlTotal = controlTotal
        self.months = months
        self.forecast = forecast
        self.agreement = agreement
        self.positions = positions
    }

    /// The ledger question the positions come from.
    public var ledger: LedgerQuestion { LedgerQuestion(controlTotal: controlTotal, months: months, forecast: forecast) }
}
