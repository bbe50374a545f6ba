/// The prices the streams are entered in.
public enum PriceBasis: Sendable, Hashable {
    /// Already in real terms at the base year's prices (the Green Book's requirement), used as they are.
    case real
    /// In each year's own (nominal) prices: year t's amounts are in the prices of calendar or financial year
    /// `firstYear + t` and are turned into the index's base-year prices before discounting.
    case nominal(PriceIndex, firstYear: Int)
}
