import ArgumentParser
import ConcordatCore
import Finance
import Foundation
import Ingest
import Partnership

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

    @OptionGroup var store: StoreOptions

    @Option(
        help: ArgumentHelp("The control total (default: last year's spend less 2%).", valueName: "amount"),
        transform: Money.argument)
    var controlTotal: Money?

    @Option(help: ArgumentHelp("Months of actuals known, 0–12 (default 8).", valueName: "months"))
    var months: Int = 8

    @Option(help: ArgumentHelp("Group by partner, place or pool.", valueName: "grouping"))
    var by: LedgerGrouping = .partner

    @Option(help: ArgumentHelp("run-rate or seasonal.", valueName: "method"))
    var forecast: Ledger.ForecastMethod = .runRate

    @Option(help: ArgumentHelp("Imported actuals: a CSV with columns month,partner,place,actual.", valueName: "file"))
    var actuals: String?

    @Option(help: ArgumentHelp("table or json.", valueName: "format"))
    var format: OutputFormat = .table

    func validate() throws {
        guard (0...12).contains(months) else { throw ValidationError("--months must be between 0 and 12") }
    }

    func run() async throws {
        let money = try await FinanceLoading.picture(store)
        let question = LedgerQuestion(
            controlTotal: controlTotal, months: months, grouping: by, forecast: forecast,
            actuals: try actuals.map { try CSVTable(parsing: Data(contentsOf: URL(fileURLWithPath: $0)), file: $0) })
        let file = actuals ?? "actuals"
        if format == .json {
            return try printJSON(
                try await FinanceLoading.answering { try await money.answer(question, actualsFile: file) })
        }
        let ledger = try await FinanceLoading.answering { try await money.ledger(question, actualsFile: file) }
        let groups = money.groups(ledger, by: by)
        let total = ledger.controlTotal
        switch format {
        case .json: break
        case .table:
            let through = ledger.monthsElapsed > 0 ? ledger.months[ledger.monthsElapsed - 1] : "no months"
            print(
                "\(money.system.name): control total \(total), actuals to \(through) (\(ledger.monthsElapsed) of 12 months)"
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
            for group in groups { print(row(String(group.name.prefix(46)), group.statement)) }
            print(row("System", ledger.system))
            print(
                "\nVariance is actual − budget: positive is an overspend. Control total − budgets given out: \(ledger.unallocated)."
            )
        }
    }
}
