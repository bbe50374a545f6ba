/// How the ledger's lines are grouped.
public enum LedgerGrouping: String, Sendable, Hashable, Codable, CaseIterable {
    /// By the partner paid.
    case partner
    /// By the place served.
    case place
    /// By the pool the budget is held in; lines in no pool are one group, ``unpooledCode``.
    case pool

    /// The code of the group of lines held in no pool.
    public static let unpooledCode = "none"
    /// That group's name, shown after the pools.
    public static let unpooledName = "Not pooled"
}
