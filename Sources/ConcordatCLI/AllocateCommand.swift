import ArgumentParser
import ConcordatCore
import Finance
import Foundation
import Ingest

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
            one area. --format json prints {"controlTotalPence", "allocations": [...]}.
            """)

    /// How budgets are split further.
    enum Breakdown: String, ExpressibleByArgument, CaseIterable {
        /// By service component of the basis.
        case component
        /// By care network (place × network), LLR's model.
        case network
    }

    @OptionGroup var store: StoreOptions

    @Option(
        help: ArgumentHelp(
            "The control total in pounds: £3,100,000,000, £3.1bn, £250m, 12500000.50.", valueName: "amount"))
    var controlTotal: String

    @Option(help: ArgumentHelp("The financial year, e.g. 2026/27.", valueName: "year"))
    var year: String

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
    var by: Breakdown?

    @Option(
        help: ArgumentHelp(
            "With --by component, the level whose budgets are split (default place).", valueName: "level"))
    var level: String = "place"

    @Option(
        help: ArgumentHelp(
            "With --by component on the published basis, each component's share of spend, e.g. G&A=55%,CS=10%,MH=12%,Mat=3%,Health Ineq=2%,Prescr=18%.",
            valueName: "shares"))
    var componentShares: String?

    @Option(
        help: ArgumentHelp(
            "Show every step of the calculation for one area (place, PCN or practice code).", valueName: "code"))
    var explain: String?

    @Option(
        help: ArgumentHelp(
            "Pace of change for places, e.g. floor=1%,cap=5%: every place grows by at least the floor; places below "
                + "target get more; places more than cap above target get only the floor. Needs --baseline.",
            valueName: "policy"))
    var pace: String?

    @Option(
        help: ArgumentHelp(
            "Last year's place budgets: a CSV with columns code,baseline (in pounds).", valueName: "file"))
    var baseline: String?

    /// The parsed --pace policy.
    var policy: PaceOfChange? {
        guard let pace else { return nil }
        var values: [String: Double] = [:]
        for part in pace.split(separator: ",") {
            let pair = part.split(separator: "=")
            guard pair.count == 2, let number = Double(pair[1].replacingOccurrences(of: "%", with: "")) else {
                return nil
            }
            values[String(pair[0])] = number / 100
        }
        guard let floor = values["floor"], let cap = values["cap"], values.count == 2 else { return nil }
        return PaceOfChange(floor: floor, cap: cap)
    }

    func validate() throws {
        _ = try FinanceLoading.money(controlTotal, option: "--control-total")
        let parts = year.split(separator: "/")
        guard parts.count == 2, let first = Int(parts[0]), let second = Int(parts[1]), parts[0].count == 4,
            parts[1].count == 2,
            (first + 1) % 100 == second
        else { throw ValidationError("--year '\(year)' is not a financial year such as 2026/27") }
        if pace != nil, policy == nil { throw ValidationError("--pace '\(pace!)' is not of the form floor=1%,cap=5%") }
        if (pace == nil) != (baseline == nil) { throw ValidationError("--pace and --baseline go together") }
        if componentShares != nil, by != .component {
            throw ValidationError("--component-shares goes with --by component")
        }
        if let componentShares { _ = try FinanceLoading.pairs(componentShares, option: "--component-shares") }
    }

    func run() async throws {
        let finances = try await FinanceLoading.load(store).finances
        let system = finances.system
        let weights = try finances.weights(basis)
        let total = try FinanceLoading.money(controlTotal, option: "--control-total")
        var allocation = try finances.allocation(total, basis: basis)
        if let policy, let baseline {
            let table = try CSVTable(parsing: Data(contentsOf: URL(fileURLWithPath: baseline)), file: baseline)
            let (codeColumn, amountColumn) = (try table.column("code"), try table.column("baseline"))
            var baselines: [String: Money] = [:]
            for record in table.records {
                baselines[record[codeColumn]] = try table.money(record, amountColumn)
            }
            let places = system.children(of: system.root.code)
            let paced = try policy.apply(
                controlTotal: total,
                targets: places.map { ($0.code, Money(pence: allocation.line($0.code)!.budgetPence)) },
                baselines: baselines)
            for result in paced {
                let line = String(
                    format: "%@: baseline %@, target %@ (distance from target %+.2f%%), budget %@ (growth %+.2f%%)\n",
                    result.code, result.baseline.description, result.target.description,
                    result.distanceFromTarget * 100,
                    result.budget.description, result.growth * 100)
                FileHandle.standardError.write(Data(line.utf8))
            }
            allocation = try CapitationAllocation(
                controlTotal: total, system: system, weights: weights,
                placeBudgets: Dictionary(uniqueKeysWithValues: paced.map { ($0.code, $0.budget) }),
                icb: Array(finances.publishedWeights.values))
        }
        if let explain {
            guard system.area(explain) != nil else { throw ValidationError("no area has the code '\(explain)'") }
            print(explanation(of: explain, in: allocation, system: system))
            return
        }
        let matrix: BudgetMatrix?
        switch by {
        case .component:
            matrix = try finances.componentMatrix(
                allocation, basis: basis, level: level,
                spendShares: try componentShares.map { try FinanceLoading.pairs($0, option: "--component-shares") })
        case .network: matrix = try finances.networkMatrix(allocation)
        case nil: matrix = nil
        }
        switch format {
        case .json:
            var document = allocation.document
            document.matrix = matrix.map(CapitationAllocation.Document.Matrix.init)
            try printJSON(document)
        case .table:
            let basisName =
                basis == .published
                ? "needs-weighted population (NHS England 2025/26)" : "the person-based formula fitted on the dataset"
            print("\(system.name): \(allocation.controlTotal) for \(year), by \(basisName)")
            print("")
            print(
                "level".padded(14) + "area".padded(46) + "weighted pop".leftPadded(14) + "need index".leftPadded(12)
                    + "budget".leftPadded(22))
            for line in allocation.lines where line.level != "practice" {
                let indent = String(repeating: "  ", count: system.lineage(of: line.code).count - 1)
                print(
                    line.level.padded(14) + (indent + line.name).padded(46)
                        + String(Int(line.weightedPopulation.rounded())).leftPadded(14)
                        + String(format: "%.3f", line.needIndex).leftPadded(12)
                        + Money(pence: line.budgetPence).description.leftPadded(22))
            }
            print("\nPractices are in --format json; --explain CODE shows how any budget was reached.")
            if let matrix {
                print("\n" + render(matrix, system: system, networks: finances.careNetworks?.networks ?? []))
            }
        }
    }

    private func explanation(of code: String, in allocation: CapitationAllocation, system: HealthSystem) -> String {
        var lines = ["How \(system.area(code)!.name) (\(code)) was allocated for \(year):", ""]
        lines.append("Control total: \(allocation.controlTotal) for \(system.root.name).")
        let chain = system.lineage(of: code)
        for (parent, child) in zip(chain, chain.dropFirst()) {
            guard let p = allocation.line(parent.code), let c = allocation.line(child.code) else { continue }
            let siblings = system.children(of: parent.code)
            let share = p.weightedPopulation > 0 ? c.weightedPopulation / p.weightedPopulation : 0
            let exact = Double(p.budgetPence) * share / 100
            lines.append(
                "\(child.name): weighted population \(String(format: "%.1f", c.weightedPopulation)) of \(parent.name)'s "
                    + "\(String(format: "%.1f", p.weightedPopulation)) = \(String(format: "%.6f%%", share * 100)); "
                    + "\(String(format: "%.6f%%", share * 100)) × \(Money(pence: p.budgetPence)) = £\(String(format: "%.4f", exact)) exactly, "
                    + "\(Money(pence: c.budgetPence)) after the largest remainder method shares the odd pence among \(siblings.count) areas."
            )
        }
        if let line = allocation.line(code) {
            lines.append("")
            lines.append(
                "Need index: (weighted \(String(format: "%.1f", line.weightedPopulation)) ÷ population \(String(format: "%.1f", line.population))) "
                    + "÷ the system's ratio = \(String(format: "%.4f", line.needIndex)). Target share of the system: "
                    + "\(String(format: "%.6f%%", line.targetShare * 100)).")
        }
        return lines.joined(separator: "\n")
    }

    /// The matrix as a table: rows, their totals, and the column totals that reconcile to the control total.
    private func render(_ matrix: BudgetMatrix, system: HealthSystem, networks: [CareNetwork]) -> String {
        let names = matrix.columns.map { column in
            networks.first { $0.code == column }?.name
                ?? CareSetting(code: column)?.label ?? column
        }
        var lines = [
            "Budgets by \(by == .network ? "care network" : "service component") (rows and columns both add up):"
        ]
        for (index, row) in matrix.rows.enumerated() {
            lines.append("")
            lines.append("\(system.area(row)?.name ?? row): \(matrix.rowTotal(row)!)")
            for (column, name) in names.enumerated() {
                lines.append(
                    "  " + name.padded(40) + Money(pence: matrix.cells[index][column]).description.leftPadded(22))
            }
        }
        lines.append("")
        lines.append("All \(system.level(by == .network ? "place" : level)?.plural.lowercased() ?? "areas"):")
        for (column, name) in names.enumerated() {
            lines.append(
                "  " + name.padded(40) + matrix.columnTotal(matrix.columns[column])!.description.leftPadded(22))
        }
        lines.append("  " + "Total".padded(40) + matrix.total.description.leftPadded(22))
        return lines.joined(separator: "\n")
    }
}
