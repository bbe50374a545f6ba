/// A price index by year (for example HM Treasury's GDP deflator at market prices), used to turn amounts
/// in the prices of their own year (nominal) into real terms at the base year's prices, as the Green Book
/// asks: real = nominal × index(base year) ÷ index(year) (HM Treasury, *The Green Book*, 2022, Annex A6,
/// "Real and nominal values"; the index values themselves are an input, since none ship with Concordat).
public struct PriceIndex: Sendable, Hashable {
    /// The year whose prices the appraisal is in.
    public let baseYear: Int
    /// The index value for each year (any scale; only ratios matter).
    public let values: [Int: Double]

    /// Makes an index, checked: every value finite and positive, and the base year present.
    /// - Throws: ``AppraisalError`` `priceIndexMissingYear` or `notFinite`, naming `priceIndex[year]`.
    public init(baseYear: Int, values: [Int: Double]) throws(AppraisalError) {
        for (year, value) in values.sorted(by: { $0.key < $1.key }) {
            guard value.isFinite else {
                throw AppraisalError(.notFinite, field: "priceIndex[\(year)]", reason: "the index is not a number")
            }
            guard value > 0 else {
                throw AppraisalError(
                    .priceIndexMissingYear, field: "priceIndex[\(year)]", reason: "an index value must be positive")
            }
        }
        guard values[baseYear] != nil else {
            throw AppraisalError(
                .priceIndexMissingYear, field: "priceIndex[\(baseYear)]",
                reason: "the index has no value for the base year \(baseYear)")
        }
        self.baseYear = baseYear
        self.values = values
    }

    /// The factor that turns an amount in `year`'s prices into base-year prices: index(base) ÷ index(year).
    /// - Throws: ``AppraisalError`` `priceIndexMissingYear` when the index has no value for `year`.
    public func realTermsFactor(year: Int) throws(AppraisalError) -> Double {
        guard let value = values[year], let base = values[baseYear] else {
            throw AppraisalError(
                .priceIndexMissingYear, field: "priceIndex[\(year)]", reason: "the index has no value for \(year)")
        }
        return base / value
    }
}
