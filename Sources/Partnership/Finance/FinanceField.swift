/// An input of a finance question, named the same way wherever it is asked: ``option`` on the command
/// line, ``parameter`` on the API.
public enum FinanceField: String, Sendable, Hashable, CaseIterable {
    /// The control total.
    case controlTotal
    /// The financial year.
    case year
    /// The allocation basis.
    case basis
    /// The breakdown (allocation) or grouping (ledger).
    case by
    /// The level whose budgets are split by component.
    case level
    /// Each component's share of spend.
    case componentShares
    /// The area whose allocation is explained.
    case explain
    /// The pace-of-change policy.
    case pace
    /// Last year's budgets, for pace of change.
    case baselines
    /// Months of actuals known.
    case months
    /// The forecast method.
    case forecast

    /// The query parameter: `controlTotal`.
    public var parameter: String { rawValue }

    /// The command-line option: `--control-total`.
    public var option: String {
        switch self {
        case .controlTotal: "--control-total"
        case .componentShares: "--component-shares"
        case .baselines: "--baseline"
        default: "--" + rawValue
        }
    }
}
