/// One shortlisted option of an economic case (or business as usual, the counterfactual): its streams of
/// costs and benefits by year and the optimism bias applied to its costs.
public struct AppraisalOption: Sendable, Hashable {
    /// The option's name, unique within the case, for example "Do minimum" or "Home first".
    public var name: String
    /// Its costs and benefits by year.
    public var streams: [CashStream]
    /// The optimism bias on its costs; nil for none (for example business as usual whose costs are
    /// running costs already known; the case records that none was applied).
    public var optimismBias: OptimismBias?

    /// Makes an option.
    public init(_ name: String, streams: [CashStream], optimismBias: OptimismBias? = nil) {
        self.name = name
        self.streams = streams
        self.optimismBias = optimismBias
    }
}
