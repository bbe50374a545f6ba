import ConcordatCore

/// A partner's financial position over the case: each year's net cost against its budget, and the totals.
public struct PartnerPosition: Sendable, Hashable, Encodable {
    /// The partner.
    public var partner: String
    /// Year by year.
    public var years: [PartnerYear]
    /// Net cost over all years.
    public var totalCash: Money { years.last?.cumulativeCash ?? .zero }
    /// Budget over all years.
    public var totalBudget: Money { years.last?.cumulativeBudget ?? .zero }
    /// The years in which net cost exceeds budget.
    public var yearsOverBudget: [Int] { years.filter(\.isOverBudget).map(\.year) }

    /// Makes a position.
    public init(partner: String, years: [PartnerYear]) {
        self.partner = partner
        self.years = years
    }
}
