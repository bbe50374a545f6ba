import ArgumentParser
import ConcordatCore
import Finance
import Foundation
import Ingest
import Partnership

/// `concordat allocate`: splits a control total into capitated budgets by needs-weighted population.
struct AllocateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Split a control total into capitated budgets for places, neighbourhoods and practices.",
        discussion: """
            Uses NHS England's published 2025/26 practice needs-weighted populations (Final WP). The control \
            total is split across places, each place's budget across its neighbourhoods, and each \
            neighbourhood's across its practices, by weighted population, with the largest remainder \
            method: every level adds up to the one above, to the penny. --explain CODE shows each step for \
            one area. --format json prints {"controlTotalPence", "allocations": [...]} with "matrix", "pace" and \
            "explanation" when asked for, exactly as GET /api/v1/allocation returns it.
            """)

    @OptionGroup var store: StoreOptions

    @Option(
        help: ArgumentHelp(
            "The control total in pounds: £3,100,000,000, £3.1bn, £250m, 12500000.50.", valueName: "amount"),
        transform: Money.argument)
    var controlTotal: Money

    @Option(
        help: ArgumentHelp("The financial year, e.g. 2026/27.", valueName: "year"), transform: FinancialYear.argument)
    var year: FinancialYear

    @Option(help: ArgumentHelp("table or json.", valueName: "format"))
    var format: OutputFormat = .table

    @Option(
        help: ArgumentHelp(
            "published (NHS England's 2025/26 weighted populations) or person-based (a formula fitted on the loaded dataset).",
            valueName: "basis"))
    var basis: SystemFinances.Basis = .published

    @Option(
        help: ArgumentHelp(
            "Split budgets further: component (service components of the basis) or network (care networks × place).",
            valueName: "breakdown"))
    var by: AllocationQuestion.Breakdown?

    @Option(
        help: ArgumentHelp(
            "With --by component, the level whose budgets are split (default place).", valueName: "level"))
    var level: String = "place"

    @Option(
        help: ArgumentHelp(
            "With --by component on the published basis, each component's share of spend as a percentage or a "
                + "fraction, e.g. G&A=55%,CS=10%,MH=12%,Mat=3%,Health Ineq=2%,Prescr=18% (or G&A=0.55,…).",
            valueName: "shares"),
        transform: { try FinanceInput.componentShares($0) })
    var componentShares: [String: Double]?

    @Option(
        help: ArgumentHelp(
            "Show every step of the calculation for one area (place, PCN or practice code).", valueName: "code"))
    var explain: String?

    @Option(
        help: ArgumentHelp(
            "Pace of change for places, e.g. floor=1%,cap=5%: every place grows by at least the floor; places below "
                + "target get more; places more than cap above target get only the floor. Needs --baseline.",
            valueName: "policy"),
        transform: PaceOfChange.argument)
    var pace: PaceOfChange?

    @Option(
        help: ArgumentHelp(
            "Last year's place budgets: a CSV with columns code,baseline (in pounds).", valueName: "file"))
    var baseline: String?

    func validate() throws {
        if (pace == nil) != (baseline == nil) { throw ValidationError("--pace and --baseline go together") }
        if componentShares != nil, by != .component {
            throw ValidationError("--component-shares goes with --by component")
        }
    }

    /// Last year's place budgets from the --baseline CSV (columns code,baseline in pounds).
    private func baselines() throws -> [String: Money]? {
        guard let baseline else { return nil }
        let table = try CSVTable(parsing: Data(contentsOf: URL(fileURLWithPath: baseline)), file: baseline)
        let (codeColumn, amountColumn) = (try table.column("code"), try table.column("baseline"))
        var baselines: [String: Money] = [:]
        for record in table.records {
            baselines[record[codeColumn]] = try table.money(record, amountColumn)
        }
        return baselines
    }

    func run() async throws {
        let money = try await FinanceLoading.picture(store)
        let system = money.system
        let question = AllocationQuestion(
            controlTotal: controlTotal, year: year, basis: basis, breakdown: by, level: level,
            componentShares: componentShares, explain: explain, pace: pace, baselines: try baselines())
        let answer = try await FinanceLoading.answering { try await money.answer(question) }
        for paced in answer.pace ?? [] { FileHandle.standardError.write(Data((paced.sentence + "\n").utf8)) }
        if format == .json { return try printJSON(answer) }
        if let explanation = answer.explanation { return print(explanation.text.joined(separator: "\n")) }
        let basisName =
            basis == .published
            ? "needs-weighted population (NHS England 2025/26)" : "the person-based formula fitted on the dataset"
        print("\(system.name): \(controlTotal) for \(year), by \(basisName)")
        print("")
        print(
            "level".padded(14) + "area".padded(46) + "weighted pop".leftPadded(14) + "need index".leftPadded(12)
                + "budget".leftPadded(22))
        for line in answer.allocations where line.level != "practice" {
            let indent = String(repeating: "  ", count: system.lineage(of: line.code).count - 1)
            print(
                line.level.padded(14) + (indent + line.name).padded(46)
                    + String(Int(line.weightedPopulation.rounded())).leftPadded(14)
                    + String(format: "%.3f", line.needIndex).leftPadded(12)
                    + Money(pence: line.budgetPence).description.leftPadded(22))
        }
        print("\nPractices are in --format json; --explain CODE shows how any budget was reached.")
        if let matrix = answer.matrix {
            print("\n" + render(matrix, system: system, networks: money.finances.careNetworks))
        }
    }

    /// The matrix as a table: rows, their totals, and the column totals that reconcile to the control total.
    private func render(
        _ matrix: CapitationAllocation.Document.Matrix, system: HealthSystem, networks: CareNetworkModel?
    ) -> String {
        let names = matrix.columns.map { column in
            networks?.networks.first { $0.code == column }?.name
                ?? CareSetting(code: column)?.label ?? column
        }
        var lines = [
            "Budgets by \(by == .network ? "care network" : "service component") (rows and columns both add up):"
        ]
        let cells = matrix.cellsPence
        for (index, row) in matrix.rows.enumerated() {
            lines.append("")
            lines.append("\(system.area(row)?.name ?? row): \(Money(pence: cells[index].reduce(0, +)))")
            for (column, name) in names.enumerated() {
                lines.append("  " + name.padded(40) + Money(pence: cells[index][column]).description.leftPadded(22))
            }
        }
        lines.append("")
        lines.append("All \(system.level(by == .network ? "place" : level)?.plural.lowercased() ?? "areas"):")
        for (column, name) in names.enumerated() {
            let total = Money(pence: cells.reduce(0) { $0 + $1[column] })
            lines.append("  " + name.padded(40) + total.description.leftPadded(22))
        }
        let total = Money(pence: cells.reduce(0) { $0 + $1.reduce(0, +) })
        lines.append("  " + "Total".padded(40) + total.description.leftPadded(22))
        return lines.joined(separator: "\n")
    }
}
