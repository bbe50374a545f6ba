import ConcordatCore
import Scenarios

extension ScenarioStudy {
    /// The backtest of the stored dataset's activity (docs/SCENARIOS.md, "Backtest"): growth fitted on the
    /// first half of the baseline period (default ``defaultPeriod``), projected over the second half, with
    /// the error by setting.
    public func backtest(period: ClosedRange<Day>? = nil) -> Backtest {
        Backtest(dataset: dataset, lastMonth: (period ?? defaultPeriod).upperBound)
    }
}
