import ArgumentParser
import ConcordatCore
import Finance
import Foundation
import Ingest

/// `concordat ledger`: the year's budgets against actual spend, with the variance to date and the
/// forecast outturn, per partner, place or pool, against the control total.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Budgets against actual spend by month: variance to date and forecast outturn.",
        discussion: """
            Each place's capitated budget (from the control total) is shared across the partners that served \
            its people, in proportion to what each was paid there. Actuals are the loaded dataset's spend, \
            month by month, for the months elapsed, or a CSV of imported actuals per partner (--actuals, \
            columns month,partner,place,actual with amounts in pounds; its months replace the dataset's). \
            The forecast outturn is the run rate (year to date × 12 ÷ months) or seasonal (year to date ÷ the \
            share of the year those months usually take).
            """)

    /// How lines are grouped.
    enum Grouping: String, ExpressibleByArgument, CaseIterable {
        case partner, place, pool
    }

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("The control total (default: last year's spend less 2%).", valueName: "amount"))
    var controlTotal: String?

    @Option(help: ArgumentHelp("Months of actuals known, 0–12 (default 8).", valueName: "months"))
    var months: Int = 8

    @Option(help: ArgumentHelp("Group by partner, place or pool.", valueName: "grouping"))
    var by: Grouping = .partner

    @Option(help: ArgumentHelp("run-rate or seasonal.", valueName: "method"))
    var forecast: Ledger.ForecastMethod = .runRate

    @Option(help: ArgumentHelp("Imported actuals: a CSV with columns month,partner,place,actual.", valueName: "file"))
    var actuals: String?

    @Option(help: ArgumentHelp("table or json.", valueName: "format"))
    var format: OutputFormat = .table

    func validate() throws {
        guard (0...12).contains(months) else { throw ValidationError("--months must be between 0 and 12") }
        if let controlTotal { _ = try FinanceLoading.money(controlTotal, option: "--control-total") }
    }

    func run() async throws {
        let finances = try await FinanceLoading.load(store).finances
        let total =
            try controlTotal.map { try FinanceLoading.money($0, option: "--control-total") }
            ?? finances.defaultControlTotal
        var ledger = try finances.ledger(try finances.allocation(total), monthsElapsed: months)
        if let actuals { ledger = try Self.replacingActuals(in: ledger, file: actuals) }
        let groups = ledger.statements { line in
            switch by {
            case .partner: line.partner
            case .place: line.place
            case .pool: line.pool ?? "(no pool)"
            }
        }
        let name: (String) -> String = { code in
            switch by {
            case .partner: finances.partnerName(code)
            case .place: finances.system.area(code)?.name ?? code
            case .pool: code
            }
        }
        switch format {
        case .json:
            try printJSON(
                ledger.document(
                    groups: groups.sorted { $0.key < $1.key }.map { ($0.key, name($0.key), $0.value) },
                    system: (finances.system.root.code, finances.system.name), method: forecast))
        case .table:
            let through = ledger.monthsElapsed > 0 ? ledger.months[ledger.monthsElapsed - 1] : "no months"
            print(
                "\(finances.system.name): control total \(total), actuals to \(through) (\(ledger.monthsElapsed) of 12 months)"
            )
            print("Forecast outturn: \(forecast == .runRate ? "run rate" : "seasonal profile")\n")
            print(
                "".padded(48) + "annual budget".leftPadded(20) + "budget to date".leftPadded(20)
                    + "actual to date".leftPadded(20) + "variance".leftPadded(18) + "forecast".leftPadded(20)
                    + "forecast variance".leftPadded(20))
            func row(_ label: String, _ statement: Ledger.Statement) -> String {
                label.padded(48) + statement.annualBudget.description.leftPadded(20)
                    + statement.budgetToDate.description.leftPadded(20)
                    + statement.actualToDate.description.leftPadded(20)
                    + statement.varianceToDate.description.leftPadded(18)
                    + statement.outturn(forecast).description.leftPadded(20)
                    + statement.forecastVariance(forecast).description.leftPadded(20)
            }
            for (code, statement) in groups.sorted(by: { $0.key < $1.key }) {
                print(row(String(name(code).prefix(46)), statement))
            }
            print(row("System", ledger.system))
            print(
                "\nVariance is actual − budget: positive is an overspend. Control total − budgets given out: \(ledger.unallocated)."
            )
        }
    }

    /// The ledger with its actuals replaced by an imported CSV (month,partner,place,actual in pounds).
    static func replacingActuals(in ledger: Ledger, file: String) throws -> Ledger {
        let table = try CSVTable(parsing: Data(contentsOf: URL(fileURLWithPath: file)), file: file)
        let columns = (
            month: try table.column("month"), partner: try table.column("partner"), place: try table.column("place"),
            actual: try table.column("actual")
        )
        var amounts: [String: [Int: Int64]] = [:]
        var latest = -1
        for record in table.records {
            guard let month = ledger.months.firstIndex(of: record[columns.month]) else {
                throw IngestError.invalidValue(
                    file: file, line: record.line, field: "month",
                    reason:
                        "'\(record[columns.month])' is not a month of the ledger's year (\(ledger.months.first!)–\(ledger.months.last!))"
                )
            }
            let amount = try table.money(record, columns.actual)
            let key = record[columns.partner] + "\u{1F}" + record[columns.place]
            guard ledger.lines.contains(where: { $0.partner + "\u{1F}" + $0.place == key }) else {
                throw IngestError.invalidValue(
                    file: file, line: record.line, field: "partner",
                    reason: "\(record[columns.partner]) holds no budget in \(record[columns.place])")
            }
            amounts[key, default: [:]][month, default: 0] += amount.pence
            latest = max(latest, month)
        }
        let lines = ledger.lines.map { line in
            var line = line
            let months = amounts[line.partner + "\u{1F}" + line.place] ?? [:]
            line.actualPence = (0...max(latest, -1)).compactMap { latest >= 0 ? months[$0, default: 0] : nil }
            return line
        }
        return try Ledger(
            months: ledger.months, controlTotal: ledger.controlTotal, lines: lines, profile: ledger.profile)
    }
}
