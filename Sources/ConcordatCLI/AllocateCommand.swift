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

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table
        case json
    }

    @OptionGroup var store: StoreOptions

    @Option(
        help: ArgumentHelp(
            "The control total in pounds: £3,100,000,000, £3.1bn, £250m, 12500000.50.", valueName: "amount"))
    var controlTotal: String

    @Option(help: ArgumentHelp("The financial year, e.g. 2026/27.", valueName: "year"))
    var year: String

    @Option(help: ArgumentHelp("table or json.", valueName: "format"))
    var format: Format = .table

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
        guard Money(parsing: controlTotal) != nil else {
            throw ValidationError(
                "--control-total '\(controlTotal)' is not an amount in pounds (e.g. £3.1bn or 3100000000.00)")
        }
        let parts = year.split(separator: "/")
        guard parts.count == 2, let first = Int(parts[0]), let second = Int(parts[1]), parts[0].count == 4,
            parts[1].count == 2,
            (first + 1) % 100 == second
        else { throw ValidationError("--year '\(year)' is not a financial year such as 2026/27") }
        if pace != nil, policy == nil { throw ValidationError("--pace '\(pace!)' is not of the form floor=1%,cap=5%") }
        if (pace == nil) != (baseline == nil) { throw ValidationError("--pace and --baseline go together") }
    }

    func run() async throws {
        let store = try store.open()
        guard let system = try await store.loadSystem() else {
            throw ValidationError("the database holds no system: run `concordat init` first")
        }
        let weights = try PublishedReferenceData.bundledKentMedway().weightedPopulations()
        let total = Money(parsing: controlTotal)!
        var allocation = try CapitationAllocation(controlTotal: total, system: system, weights: weights)
        if let policy, let baseline {
            let table = try CSVTable(parsing: Data(contentsOf: URL(fileURLWithPath: baseline)), file: baseline)
            let (codeColumn, amountColumn) = (try table.column("code"), try table.column("baseline"))
            var baselines: [String: Money] = [:]
            for record in table.records {
                guard let amount = Money(parsing: record[amountColumn]) else {
                    throw IngestError.invalidValue(
                        file: baseline, line: record.line, field: "baseline",
                        reason: "'\(record[amountColumn])' is not an amount in pounds")
                }
                baselines[record[codeColumn]] = amount
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
                placeBudgets: Dictionary(uniqueKeysWithValues: paced.map { ($0.code, $0.budget) }))
        }
        if let explain {
            guard system.area(explain) != nil else { throw ValidationError("no area has the code '\(explain)'") }
            print(explanation(of: explain, in: allocation, system: system))
            return
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let document = allocation.document
            print(String(decoding: try encoder.encode(document), as: UTF8.self))
        case .table:
            print(
                "\(system.name): \(allocation.controlTotal) for \(year), by needs-weighted population (NHS England 2025/26)"
            )
            print("")
            print(
                "level".padding(14) + "area".padding(46) + "weighted pop".leftPadding(14) + "need index".leftPadding(12)
                    + "budget".leftPadding(22))
            for line in allocation.lines where line.level != "practice" {
                let indent = String(repeating: "  ", count: system.lineage(of: line.code).count - 1)
                print(
                    line.level.padding(14) + (indent + line.name).padding(46)
                        + String(Int(line.weightedPopulation.rounded())).leftPadding(14)
                        + String(format: "%.3f", line.needIndex).leftPadding(12)
                        + Money(pence: line.budgetPence).description.leftPadding(22))
            }
            print("\nPractices are in --format json; --explain CODE shows how any budget was reached.")
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
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
    fileprivate func leftPadding(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
