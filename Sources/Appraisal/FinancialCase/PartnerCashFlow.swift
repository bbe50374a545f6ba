import ConcordatCore

/// One partner's cash by year for the financial case: its net cost of the option in each year (cash, not
/// discounted, in the year's own prices as budgets are) and its budget for it in each year.
public struct PartnerCashFlow: Sendable, Hashable {
    /// The partner, for example its organisation code or name.
    public var partner: String
    /// The first year (financial year starting, e.g. 2027 for 2027/28) of `cash[0]` and `budget[0]`.
    public var firstYear: Int
    /// The partner's net cost in each year (negative: a net saving).
    public var cash: [Money]
    /// The partner's budget (envelope) in each year.
    public var budget: [Money]

    /// Makes a cash flow.
    public init(partner: String, firstYear: Int, cash: [Money], budget: [Money]) {
        self.partner = partner
        self.firstYear = firstYear
        self.cash = cash
        self.budget = budget
    }
}
