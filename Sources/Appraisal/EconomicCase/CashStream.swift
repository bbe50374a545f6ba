import ConcordatCore

/// A named stream of amounts by year: `amounts[t]` falls in year t, counted from the base year (year 0).
/// Costs are entered as positive amounts (a saving is a benefit, or a cost of business as usual); benefits
/// may be negative (a disbenefit).
public struct CashStream: Sendable, Hashable {
    /// What the stream is, for example "Community nursing staff".
    public var name: String
    /// Capital cost, operating cost, benefit or health benefit.
    public var kind: StreamKind
    /// The amount in each year, in pence.
    public var amounts: [Money]

    /// Makes a stream.
    public init(_ name: String, kind: StreamKind, amounts: [Money]) {
        self.name = name
        self.kind = kind
        self.amounts = amounts
    }
}
