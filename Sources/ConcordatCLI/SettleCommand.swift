import ArgumentParser
import ConcordatCore
import Finance
import Foundation
import Ingest
import Partnership

/// `concordat settle`: the year-end risk/gain share — who pays or receives what.
struct SettleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settle",
        abstract: "Settle the year's variance between partners under a risk/gain share agreement.",
        discussion: """
            By default the partners' positions are the ledger's: each partner's budget and its forecast \
            outturn (or give --positions, a CSV with columns partner,budget,actual and optionally \
            weighted_population and met_quality_gate). The agreement is tiered corridors (each partner bears \
            100% of its own variance up to 2% of budget, 50% to 4%, 20% beyond; the rest shared by budget) \
            unless --agreement names a JSON agreement. The amounts borne always add up to the system variance, \
            to the penny.

            --preset mssp instead reconciles one ACO under the US Medicare Shared Savings Program \
            (--track, --assigned, --benchmark, --expenditure), to check the arithmetic against published \
            ACO results.
            """)

    /// The presets.
    enum Preset: String, ExpressibleByArgument, CaseIterable {
        case tiered
        case mssp
    }

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("tiered (default) or mssp.", valueName: "preset"))
    var preset: Preset = .tiered

    @Option(help: ArgumentHelp("An agreement as JSON (see RiskShareAgreement).", valueName: "file"))
    var agreement: String?

    @Option(
        help: ArgumentHelp(
            "Positions: a CSV with columns partner,budget,actual[,weighted_population,met_quality_gate].",
            valueName: "file"))
    var positions: String?

    @Option(
        help: ArgumentHelp(
            "The control total for ledger positions (default: last year's spend less 2%).", valueName: "amount"),
        transform: Money.argument)
    var controlTotal: Money?

    @Option(help: ArgumentHelp("Months of actuals behind the ledger's forecast (default 8).", valueName: "months"))
    var months: Int = 8

    @Option(help: ArgumentHelp("run-rate or seasonal.", valueName: "method"))
    var forecast: Ledger.ForecastMethod = .runRate

    @Option(help: ArgumentHelp("MSSP track: basic-a … basic-e or enhanced.", valueName: "track"))
    var track: SharedSavingsProgram.Track = .basicA

    @Option(help: ArgumentHelp("MSSP assigned beneficiaries.", valueName: "count"))
    var assigned: Int?

    @Option(
        help: ArgumentHelp("MSSP updated benchmark expenditure, in dollars.", valueName: "amount"),
        transform: Money.argument)
    var benchmark: Money?

    @Option(
        help: ArgumentHelp("MSSP performance-year expenditure, in dollars.", valueName: "amount"),
        transform: Money.argument)
    var expenditure: Money?

    @Option(help: ArgumentHelp("MSSP quality factor, 0–1 (1: quality standard met).", valueName: "factor"))
    var qualityFactor: Double = 1

    @Option(
        help: ArgumentHelp(
            "MSSP two-sided symmetric MSR/MLR, e.g. 2% or 0.02 (default: by population).", valueName: "rate"),
        transform: { try FinanceInput.share($0) })
    var minimumRate: Double?

    @Option(
        help: ArgumentHelp("MSSP ACO participants' Medicare revenue, for BASIC loss limits.", valueName: "amount"),
        transform: Money.argument)
    var revenue: Money?

    @Flag(help: "MSSP: CMS has found the ACO an eligible low-revenue BASIC ACO (half-rate sharing below its MSR).")
    var reducedRate = false

    @Option(
        help: ArgumentHelp(
            "MSSP extreme and uncontrollable circumstances reduction of shared losses, in dollars.", valueName: "amount"
        ),
        transform: Money.argument)
    var disasterAdjustment: Money?

    @Flag(help: "MSSP: a benchmark guardrail applies, so savings are not shared.")
    var guardrail = false

    @Option(help: ArgumentHelp("table or json.", valueName: "format"))
    var format: OutputFormat = .table

    func validate() throws {
        if preset == .mssp {
            guard assigned != nil, benchmark != nil, expenditure != nil else {
                throw ValidationError("--preset mssp needs --assigned, --benchmark and --expenditure")
            }
        }
        if let assigned, !(1...100_000_000).contains(assigned) {
            throw ValidationError("--assigned must be from 1 to 100,000,000 beneficiaries; got \(assigned)")
        }
        guard qualityFactor.isFinite, (0...1).contains(qualityFactor) else {
            throw ValidationError("--quality-factor must be a number from 0 to 1; got \(qualityFactor)")
        }
        guard (0...12).contains(months) else {
            throw ValidationError("--months must be between 0 and 12; got \(months)")
        }
    }

    func run() async throws {
        if preset == .mssp { return try reconcileACO() }
        let terms: RiskShareAgreement?
        if let agreement {
            do {
                terms = try JSONDecoder().decode(
                    RiskShareAgreement.self, from: Data(contentsOf: URL(fileURLWithPath: agreement)))
            } catch let error as DecodingError {
                throw ValidationError("\(agreement) is not a risk-share agreement: \(error)")
            }
        } else {
            terms = nil
        }
        var money: SystemMoney?
        if positions == nil { money = try await FinanceLoading.picture(store) }
        let question = SettlementQuestion(
            controlTotal: controlTotal, months: months, forecast: forecast, agreement: terms,
            positions: try positions.map(Self.readPositions))
        let settlement: Settlement
        if let money {
            settlement = try await FinanceLoading.answering { try await money.answer(question) }
        } else {
            settlement = try (terms ?? RiskShareAgreement.tieredByBudget).settle(question.positions ?? [])
        }
        let names: (String) -> String = { [money] in money?.partnerName($0) ?? $0 }
        if format == .json { return try printJSON(settlement) }
        print("\(settlement.agreement)\n")
        print(
            "partner".padded(46) + "budget".leftPadded(20) + "outturn".leftPadded(20) + "own variance".leftPadded(18)
                + "retained".leftPadded(18) + "shared".leftPadded(18) + "bears".leftPadded(18)
                + "pays (+) / receives (−)".leftPadded(26))
        for line in settlement.lines {
            print(
                String(names(line.partner).prefix(44)).padded(46)
                    + Money(pence: line.budgetPence).description.leftPadded(20)
                    + Money(pence: line.actualPence).description.leftPadded(20)
                    + Money(pence: line.variancePence).description.leftPadded(18)
                    + Money(pence: line.retainedPence).description.leftPadded(18)
                    + Money(pence: line.sharedPence).description.leftPadded(18)
                    + (Money(pence: line.bornePence).description + (line.capped ? "*" : "")).leftPadded(18)
                    + Money(pence: line.transferPence).description.leftPadded(26))
        }
        print("\nThe system variance is \(settlement.variance); the partners bear \(settlement.borne) between them.")
        if settlement.lines.contains(where: \.capped) { print("* limited by the agreement's cap.") }
    }

    /// Reads positions from a CSV.
    static func readPositions(_ file: String) throws -> [RiskShareAgreement.Position] {
        let table = try CSVTable(parsing: Data(contentsOf: URL(fileURLWithPath: file)), file: file)
        let partner = try table.column("partner")
        let budget = try table.column("budget")
        let actual = try table.column("actual")
        let weighted = table.header.contains("weighted_population") ? try table.column("weighted_population") : nil
        let quality = table.header.contains("met_quality_gate") ? try table.column("met_quality_gate") : nil
        return try table.records.map { record in
            var wp: Double?
            if let weighted {
                guard let value = Double(record[weighted]), value >= 0 else {
                    throw IngestError.invalidValue(
                        file: file, line: record.line, field: "weighted_population",
                        reason: "'\(record[weighted])' is not a number")
                }
                wp = value
            }
            var met = true
            if let quality {
                switch record[quality].lowercased() {
                case "yes", "true", "1", "": met = true
                case "no", "false", "0": met = false
                default:
                    throw IngestError.invalidValue(
                        file: file, line: record.line, field: "met_quality_gate",
                        reason: "'\(record[quality])' is not yes or no")
                }
            }
            return .init(
                partner: record[partner], budget: try table.money(record, budget),
                actual: try table.money(record, actual),
                weightedPopulation: wp, metQualityGate: met)
        }
    }

    private func reconcileACO() throws {
        let terms = SharedSavingsProgram(
            track: track, assignedBeneficiaries: assigned!, chosenMinimumRate: minimumRate,
            qualityFactor: qualityFactor, participantRevenue: revenue, reducedRate: reducedRate,
            disasterAdjustment: disasterAdjustment?.pence ?? 0, guardrail: guardrail)
        let result = try terms.reconcile(benchmark: benchmark!.pence, expenditure: expenditure!.pence)
        if format == .json { return try printJSON(result) }
        func dollars(_ value: Int64) -> String {
            Money(pence: value).description.replacingOccurrences(of: "£", with: "$")
        }
        print(
            "Medicare Shared Savings Program reconciliation, \(track.rawValue), \(assigned!.grouped) assigned beneficiaries"
        )
        print("  Updated benchmark:        \(dollars(benchmark!.pence))")
        print("  Expenditure:              \(dollars(expenditure!.pence))")
        print(
            "  \(result.grossSavings >= 0 ? "Gross savings" : "Gross losses ")             \(dollars(abs(result.grossSavings))) (\(String(format: "%.2f%%", abs(result.savingsRate) * 100)))"
        )
        print(
            "  Minimum savings/loss rate: \(String(format: "%.2f%%", result.minimumRate * 100)) — \(result.metMinimumRate ? "reached" : "not reached")"
        )
        print("  Sharing rate:             \(String(format: "%.1f%%", result.sharingRate * 100))")
        print("  Limit:                    \(dollars(result.limit))\(result.capped ? " (applied)" : "")")
        print(
            result.sharedAmount >= 0
                ? "  Earned shared savings:    \(dollars(result.sharedAmount))"
                    + (result.reducedRateApplied ? " (half rate: eligible low-revenue ACO)" : "")
                    + (result.guardrailApplied ? " (none: benchmark guardrail)" : "")
                : "  Owed shared losses:       \(dollars(-result.sharedAmount))")
        if result.sequestration > 0 { print("  Sequestration (2%):       \(dollars(result.sequestration))") }
        if result.disasterAdjustment > 0 {
            print("  Disaster adjustment:      \(dollars(result.disasterAdjustment))")
        }
        print(
            result.earnedAmount >= 0
                ? "  Paid to the ACO:          \(dollars(result.earnedAmount))"
                : "  Owed by the ACO:          \(dollars(-result.earnedAmount))")
    }
}
