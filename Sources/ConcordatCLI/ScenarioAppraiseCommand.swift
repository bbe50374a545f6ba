import Appraisal
import ArgumentParser
import ConcordatCore
import Foundation
import Partnership
import Scenarios

/// `concordat scenario appraise FILE.json`: the Green Book economic and financial case of a scenario.
struct ScenarioAppraiseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appraise",
        abstract: "Appraise a scenario against business as usual: NPSV, BCR, tornado, switching values, budgets.",
        discussion: """
            Runs the scenario as `scenario run` does, then appraises its streams (docs/SCENARIOS.md, \
            "Appraising a scenario"): benefit = cost of activity avoided, costs = capital and revenue invested \
            with optimism bias at the published upper bound for --optimism-bias (default outsourcing), unless \
            --optimism-bias-percent gives a lower value with --reason. --out DIR writes appraisal.json.
            """)

    @OptionGroup var input: ScenarioInput

    @Option(help: ArgumentHelp("table or json.", valueName: "format"))
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("A folder to write appraisal.json into.", valueName: "dir"))
    var out: String?

    @Option(
        name: .customLong("optimism-bias"),
        help: ArgumentHelp(
            "Project type: \(ProjectType.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "type"),
        transform: { text in
            guard let type = ProjectType(rawValue: text) else {
                throw ValidationError(
                    "--optimism-bias: \(text) is not a project type (one of "
                        + "\(ProjectType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return type
        })
    var projectType: ProjectType = .outsourcing

    @Option(
        name: .customLong("optimism-bias-percent"),
        help: ArgumentHelp("An optimism bias in place of the upper bound, in percent.", valueName: "p"))
    var percent: Double?

    @Option(help: ArgumentHelp("The evidence for an optimism bias below the upper bound.", valueName: "text"))
    var reason: String?

    func validate() throws {
        do { _ = try ScenarioAppraisal.optimismBias(projectType, percent: percent, reason: reason) } catch {
            throw ValidationError("--optimism-bias-percent: \(error.description)")
        }
    }

    func run() async throws {
        let bias: OptimismBias
        do { bias = try ScenarioAppraisal.optimismBias(projectType, percent: percent, reason: reason) } catch {
            throw ValidationError("--optimism-bias-percent: \(error.description)")
        }
        let (json, study) = try await input.read()
        let (file, runs) = (input.file, input.runs)
        let model: ScenarioModel
        do { model = try study.model(try study.scenario(json, runs: runs)) } catch {
            throw ValidationError("\(file): \(error.description)")
        }
        let bar = ProgressBar("Running", unit: "runs")
        let report: ScenarioAppraisalReport
        do {
            report = try ScenarioAppraisal(model: model, optimismBias: bias).appraise { done, total in
                bar.update(done: done, total: total)
            }
        } catch { throw ValidationError("\(file): \(error)") }
        bar.finish()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(report)
        if let out {
            let folder = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: folder.appendingPathComponent("appraisal.json"))
        }
        print(format == .json ? String(decoding: data, as: UTF8.self) : Self.text(report))
    }

    /// The report as a few plain tables.
    static func text(_ report: ScenarioAppraisalReport) -> String {
        func pounds(_ pence: Int64) -> String { Money(pence: pence).description }
        func pounds(_ pence: Double) -> String { Money(pence: Int64(pence.rounded())).description }
        var lines = [
            "\(report.name): economic case against business as usual, \(report.years.first ?? "")–"
                + "\(report.years.last ?? "") at \(report.baseYear) prices"
        ]
        lines.append("Benefit: \(report.benefit). Costs: \(report.costs).")
        let bias = report.optimismBias
        lines.append(
            "Optimism bias (\(bias.projectType.rawValue)): capital \(bias.capital * 100)%, operating "
                + "\(bias.operating * 100)%" + (bias.reason.map { " — reason: \($0)" } ?? " (upper bound)"))
        if let option = report.economicCase.option(named: report.name) {
            lines.append("PV costs        \(pounds(option.additionalPresentCost.pence))")
            lines.append("  of which OB   \(pounds(option.presentOptimismBias.pence))")
            lines.append("PV benefits     \(pounds(option.additionalPresentBenefit.pence))")
        }
        lines.append("NPSV            \(pounds(report.netPresentSocialValuePence))")
        lines.append("BCR             \(report.benefitCostRatio.map { String(format: "%.2f", $0) } ?? "not given")")
        if let tornado = report.tornado {
            lines.append("\nTornado (NPSV with each at its low / high, others central):")
            for bar in tornado.bars {
                lines.append("  \(bar.parameter): \(pounds(bar.atLow)) / \(pounds(bar.atHigh))")
            }
        }
        for value in report.switchingValues {
            lines.append(
                "Switching value of \(value.parameter): \(value.value.map { String(format: "%.4g", $0) } ?? "none")")
        }
        lines.append("\nFinancial case (net cost against envelope over the horizon; P = share of runs above):")
        for position in report.financialCase {
            let breach = report.breaches.first { $0.partner == position.partner }?.probability
            lines.append(
                "  \(position.partner): \(pounds(position.totalCash.pence)) of \(pounds(position.totalBudget.pence))"
                    + (breach.map { String(format: ", P = %.3f", $0.probability) } ?? ""))
        }
        if let share = report.riskShare {
            if let reason = share.unavailable {
                lines.append("\nRisk share: none. \(reason)")
            } else if let year = share.years.last {
                lines.append(
                    "\nRisk share, \(year.year) (\(share.agreement ?? "")): borne without the scenario / principal / p50"
                )
                for (index, partner) in share.partners.enumerated() {
                    lines.append(
                        "  \(partner): \(pounds(share.baselineBornePence[index])) / "
                            + "\(pounds(year.principalBornePence[index])) / \(pounds(year.bornePence[index].p50))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
