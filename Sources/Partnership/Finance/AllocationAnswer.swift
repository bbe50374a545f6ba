import Finance

/// The answer to an ``AllocationQuestion``: `{"controlTotalPence", "allocations", "matrix"?, "pace"?,
/// "explanation"?}`, as `concordat allocate --format json` prints and `GET /api/v1/allocation` returns.
public struct AllocationAnswer: Sendable, Codable {
    /// The control total in pence.
    public var controlTotalPence: Int64
    /// Every area's budget, the system first.
    public var allocations: [CapitationAllocation.Document.Allocation]
    /// Budgets split by component or care network, when asked for.
    public var matrix: CapitationAllocation.Document.Matrix?
    /// Each place's budget after pace of change, when asked for.
    public var pace: [PacedBudget]?
    /// How one area's budget was reached, when asked for.
    public var explanation: AllocationExplanation?

    /// The answer for `allocation`, with the parts asked for.
    public init(
        _ allocation: CapitationAllocation, matrix: BudgetMatrix? = nil, pace: [PacedBudget]? = nil,
        explanation: AllocationExplanation? = nil
    ) {
        let document = allocation.document
        controlTotalPence = document.controlTotalPence
        allocations = document.allocations
        self.matrix = matrix.map(CapitationAllocation.Document.Matrix.init)
        self.pace = pace
        self.explanation = explanation
    }
}
