import ArgumentParser
import ConcordatCore
import Foundation
import Partnership
import Scenarios

/// `concordat scenario`: what-if scenarios over the stored dataset.
struct ScenarioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Run what-if scenarios over the integrated dataset (docs/SCENARIOS.md).",
        subcommands: [ScenarioRunCommand.self, ScenarioAppraiseCommand.self, ScenarioBacktestCommand.self])
}

/// `concordat scenario run FILE.json`: the Monte Carlo projection of a scenario.
struct ScenarioRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Project a scenario over its horizon: cost, activity, beds, waterfall and red lines.",
        discussion: """
            FILE is a scenario definition (JSON, "format": 1; see docs/SCENARIOS.md and \
            docs/examples/east-kent-frailty.json). The baseline is the stored dataset's twelve months ending \
            with its last event's month. A definition that does not fit the system is refused with the JSON \
            path and the reason. --out DIR writes results.json and one CSV per table.
            """)

    @OptionGroup var input: ScenarioInput

    @Option(help: ArgumentHelp("table or json.", valueName: "format"))
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("A folder to write results.json and the tables as CSV into.", valueName: "dir"))
    var out: String?

    func run() async throws {
        let (json, study) = try await input.read()
        let (file, runs) = (input.file, input.runs)
        let bar = ProgressBar("Running", unit: "runs")
        let results: ScenarioResults
        do {
            results = try study.run(json, runs: runs) { done, total in bar.update(done: done, total: total) }
        } catch { throw ValidationError("\(file): \(error.description)") }
        bar.finish()
        if let out { try ScenarioTables(results).write(to: URL(fileURLWithPath: out)) }
        if format == .json {
            print(String(decoding: try ScenarioTables.json(results), as: UTF8.self))
        } else {
            print(ScenarioTables(results).text)
        }
    }
}
