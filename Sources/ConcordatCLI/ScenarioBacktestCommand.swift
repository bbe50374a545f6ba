import ArgumentParser
import ConcordatCore
import Foundation
import Partnership
import Scenarios

/// `concordat scenario backtest`: how well fitted growth would have projected the stored dataset's past.
struct ScenarioBacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Fit growth on the first half of the baseline year, project the second half, report the error.",
        discussion: """
            The baseline year is the stored dataset's twelve months ending with its last event's month. Each \
            setting's monthly events are fitted by Poisson regression (log link, days as exposure) on the first \
            six months and projected over the last six (docs/SCENARIOS.md, "Backtest").
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("table or json.", valueName: "format"))
    var format: OutputFormat = .table

    func run() async throws {
        let study: ScenarioStudy
        do { study = try await store.withStore { try await ScenarioStudy.read(from: $0, ledger: false) } } catch let
            problem
            as ScenarioStudy.Problem
        {
            throw ValidationError(problem.description)
        }
        let backtest = study.backtest()
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(backtest), as: UTF8.self))
        } else {
            print(Self.text(backtest))
        }
    }

    /// The backtest as a plain table.
    static func text(_ backtest: Backtest) -> String {
        var lines = [
            "Growth fitted on \(backtest.fitPeriod.joined(separator: " to ")), projected over "
                + "\(backtest.testPeriod.joined(separator: " to "))",
            "setting                 fitted  growth/yr   projected    observed     error",
        ]
        for setting in backtest.settings {
            let error = setting.percentageError.map { String(format: "%+.1f%%", $0 * 100) } ?? "—"
            lines.append(
                setting.setting.padding(toLength: 22, withPad: " ", startingAt: 0)
                    + String(
                        format: " %8d  %+8.1f%%  %10.0f  %10d  ", setting.fittedEvents, setting.annualGrowth * 100,
                        setting.projectedEvents, setting.observedEvents) + error)
        }
        if let mape = backtest.meanAbsolutePercentageError {
            lines.append(String(format: "Mean absolute percentage error: %.1f%%", mape * 100))
        }
        return lines.joined(separator: "\n")
    }
}
