/// One band of a declining discount rate schedule: the annual rate that applies to each year from
/// `firstYear` until the next band starts (HM Treasury, *The Green Book* (2022, updated 2026), Annex A6).
public struct DiscountBand: Sendable, Hashable, Codable {
    /// The first year (counted from the base year, year 0) to which the rate applies.
    public var firstYear: Int
    /// The annual real discount rate as a fraction (0.035 is 3.5%).
    public var rate: Double

    /// Makes a band.
    public init(firstYear: Int, rate: Double) {
        self.firstYear = firstYear
        self.rate = rate
    }
}
