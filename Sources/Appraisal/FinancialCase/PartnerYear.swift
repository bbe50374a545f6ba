import ConcordatCore

/// One year of a partner's financial position: its net cost against its budget.
public struct PartnerYear: Sendable, Hashable, Encodable {
    /// The year (financial year starting).
    public var year: Int
    /// Net cost in the year.
    public var cash: Money
    /// Budget in the year.
    public var budget: Money
    /// Budget − net cost: positive when within budget, negative when over.
    public var headroom: Money
    /// Net cost over all years so far, this one included.
    public var cumulativeCash: Money
    /// Budget over all years so far, this one included.
    public var cumulativeBudget: Money

    /// Whether net cost exceeds budget in the year.
    public var isOverBudget: Bool { cash > budget }

    /// Makes a year.
    public init(year: Int, cash: Money, budget: Money, headroom: Money, cumulativeCash: Money, cumulativeBudget: Money)
    {
        self.year = year
        self.cash = cash
        self.budget = budget
        self.headroom = headroom
        self.cumulativeCash = cumulativeCash
        self.cumulativeBudget = cumulativeBudget
    }
}
