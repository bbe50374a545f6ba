/// One year of an option's appraisal, for the year-by-year table: the real, optimism-bias-adjusted amounts
/// before discounting (in pence, not yet rounded) and the discount factors applied.
public struct AppraisalYear: Sendable, Hashable, Encodable {
    /// The year, counted from the base year (year 0).
    public var year: Int
    /// The discount factor for costs and monetised benefits in this year.
    public var discountFactor: Double
    /// The discount factor for health benefits in this year.
    public var healthDiscountFactor: Double
    /// Capital costs in real terms including optimism bias, in pence.
    public var capitalCost: Double
    /// Operating costs in real terms including optimism bias, in pence.
    public var operatingCost: Double
    /// Monetised benefits in real terms, in pence.
    public var benefit: Double
    /// Health benefits in real terms, in pence.
    public var healthBenefit: Double

    /// Makes a year line.
    public init(
        year: Int, discountFactor: Double, healthDiscountFactor: Double, capitalCost: Double, operatingCost: Double,
        benefit: Double, healthBenefit: Double
    ) {
        self.year = year
        self.discountFactor = discountFactor
        self.healthDiscountFactor = healthDiscountFactor
        self.capitalCost = capitalCost
        self.operatingCost = operatingCost
        self.benefit = benefit
        self.healthBenefit = healthBenefit
    }
}
