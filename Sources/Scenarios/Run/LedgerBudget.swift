import ConcordatCore

/// One partner's year in the system's ledger, as a scenario reads it: its budget (its share of the
/// control total) and its forecast outturn, both for the whole organisation, not only the activity the
/// scenario models. Given to the model as a value (from the Partnership finance use case that serves
/// `concordat ledger`), so the model stays free of I/O.
public struct LedgerBudget: Sendable, Hashable, Codable {
    /// The partner's annual budget in the ledger, pence.
    public var budgetPence: Int64
    /// The partner's forecast outturn for the year (actuals to date and the forecast for the rest), pence.
    public var outturnPence: Int64

    /// The most a ledger line may hold, in pence: Concordat's input limit (£1 trillion), far above any NHS
    /// system, and low enough that the sums of a settlement cannot overflow.
    public static let maximumPence: Int64 = Money.inputLimit.pence

    /// Makes a line.
    public init(budgetPence: Int64, outturnPence: Int64) {
        self.budgetPence = budgetPence
        self.outturnPence = outturnPence
    }

    /// Budget − forecast outturn: what the partner has left (negative: a forecast overspend), pence.
    public var headroomPence: Int64 { budgetPence - outturnPence }
}
