import ConcordatCore
import Foundation
import Partnership

/// A scenario's published results as the page and the downloads show them: the tables (each also a CSV)
/// and the SVG charts drawn from them (fan chart, waterfall, tornado), each with its text alternative.
struct ScenarioResultsView {
    let report: ScenarioReport

    /// The control total: the sum of every partner's budget envelope (stated, from the ledger, or its baseline
    /// cost), a year.
    var controlTotalPence: Int64 {
        report.redLines.filter { $0.kind == .envelope }.compactMap(\.envelopePence).reduce(0, +)
    }

    /// The last projected year's index.
    var last: Int { max(0, report.principal.count - 1) }

    /// Every table, in page order.
    var tables: [ScenarioTable] {
        [projection, waterfall, tornado, ledger, riskShare, redLines, indicators, beds, settings, places].compactMap {
            $0
        }
    }

    /// The table named `name`.
    func table(named name: String) -> ScenarioTable? { tables.first { $0.name == name } }

    /// Cost by year: control total, principal and the 10th, 50th and 90th percentiles.
    var projection: ScenarioTable {
        var rows: [[ScenarioTable.Cell]] = [
            [
                .text("\(report.baseYear) (baseline)"), .money(Double(controlTotalPence)),
                .money(Double(report.baseline.costPence)), .hidden, .hidden, .hidden,
            ]
        ]
        for (index, year) in report.years.enumerated() {
            let band = report.percentiles[index].costPence
            rows.append([
                .text(year), .money(Double(controlTotalPence)), .money(Double(report.principal[index].costPence)),
                .money(band.p10), .money(band.p50), .money(band.p90),
            ])
        }
        return ScenarioTable(
            name: "projection", caption: "Cost of activity by year against the control total (base-year prices)",
            header: ["Year", "Control total", "Principal", "p10", "p50", "p90"], rows: rows)
    }

    /// The change-factor waterfall, every year.
    var waterfall: ScenarioTable {
        let steps: [(String, (ScenarioReport.Waterfall) -> Int64)] = [
            ("Baseline", \.baselinePence), ("Demographic growth", \.demographicPence),
            ("Non-demographic growth", \.nonDemographicPence), ("Price uplift", \.priceUpliftPence),
            ("Avoidance", \.avoidancePence), ("Shift", \.shiftPence), ("Efficiencies", \.efficiencyPence),
            ("Interaction", \.interactionPence), ("Result", \.resultPence),
        ]
        return ScenarioTable(
            name: "waterfall", caption: "Change-factor waterfall of cost (principal projection), each year",
            header: ["Step"] + report.waterfall.map(\.year),
            rows: steps.map { name, value in [.text(name)] + report.waterfall.map { .money(value($0)) } })
    }

    /// The tornado of the NPSV, or `nil` when the scenario has no interval parameter.
    var tornado: ScenarioTable? {
        guard let tornado = report.tornado else { return nil }
        return ScenarioTable(
            name: "tornado",
            caption: "Sensitivity of the NPSV (Green Book, 3.5% STPR, optimism bias 41% on revenue) to each parameter: "
                + "central \(ScenarioTable.pounds(tornado.centralPence))",
            header: ["Parameter", "Low", "High", "NPSV at low", "NPSV at high", "Swing (high less low)"],
            rows: tornado.bars.map {
                [
                    .text($0.parameter), .number($0.low, digits: 4), .number($0.high, digits: 4),
                    .money($0.atLowPence), .money($0.atHighPence), .money($0.atHighPence - $0.atLowPence),
                ]
            })
    }

    /// Each partner's net cost against its envelope, and the chance of exceeding it.
    var ledger: ScenarioTable {
        let year = report.years.last ?? ""
        return ScenarioTable(
            name: "ledger",
            caption:
                "Ledger impact per partner: net cost (activity, capital and revenue) in \(year) against its envelope",
            header: [
                "Partner", "Baseline cost", "Envelope", "Envelope basis", "Ledger budget", "Ledger headroom",
                "Net cost \(year)", "p10", "p50", "p90", "Change on baseline", "Probability of exceeding its envelope",
            ],
            rows: report.partners.enumerated().map { index, partner in
                let envelope = report.redLines.first { $0.kind == .envelope && $0.subject == partner }
                let net = report.principal.last?.netCostByPartnerPence[index] ?? 0
                let band = report.percentiles.last?.netCostByPartnerPence[index]
                let baseline = report.baseline.costByPartnerPence[index]
                return [
                    .text(partner), .money(baseline), .money(envelope?.envelopePence),
                    .text(envelope?.envelopeBasis?.label ?? "stated, or baseline cost"),
                    .money(envelope?.ledgerBudgetPence), .money(envelope?.headroomPence), .money(net),
                    band.map { .money($0.p10) } ?? .hidden, band.map { .money($0.p50) } ?? .hidden,
                    band.map { .money($0.p90) } ?? .hidden, .money(net - baseline),
                    envelope.map { .probability($0.probability) } ?? .hidden,
                ]
            })
    }

    /// Who bears what under the risk-share agreement, each partner and year, or `nil` when there is no
    /// settlement (``riskShareNote`` says why).
    var riskShare: ScenarioTable? {
        guard let share = report.riskShare, share.unavailable == nil else { return nil }
        var rows: [[ScenarioTable.Cell]] = []
        for (index, partner) in share.partners.enumerated() {
            for year in share.years {
                let borne = year.bornePence[index]
                rows.append([
                    .text(partner), .text(year.year), .money(share.budgetPence[index]),
                    .money(share.outturnPence[index]), .money(share.baselineBornePence[index]),
                    .money(year.principalVariancePence[index]), .money(year.principalBornePence[index]),
                    .money(borne.p10), .money(borne.p50), .money(borne.p90),
                    .money(year.beyondBaselinePence[index].p50),
                ])
            }
        }
        return ScenarioTable(
            name: "risk-share",
            caption: "Who bears what under the risk-share agreement (\(share.agreement ?? "")), each partner and year: "
                + "forecast outturn is the ledger's plus the scenario's change in net cost; the amounts borne add up "
                + "to the system variance to the penny in \(share.runsAddingUp) of \(share.runsSettled) runs",
            header: [
                "Partner", "Year", "Ledger budget", "Ledger outturn", "Bears without the scenario",
                "Variance (principal)", "Bears (principal)", "Bears p10", "Bears p50", "Bears p90",
                "Beyond what it bears without the scenario, p50",
            ], rows: rows)
    }

    /// Why there is no risk-share table, or what it leaves out; `nil` when there is nothing to say.
    var riskShareNote: String? {
        guard let share = report.riskShare else {
            return "This scenario was run before who bears what under the risk-share agreement was computed: "
                + "submit it again to see it."
        }
        if let reason = share.unavailable { return "No risk-share settlement: \(reason)." }
        var note = "Ledger: \(share.ledgerSource ?? "the system's ledger")."
        if !share.outsideAgreement.isEmpty {
            note +=
                " Outside the agreement (no ledger line), bearing their own change in net cost: "
                + share.outsideAgreement.joined(separator: ", ") + "."
        }
        return note
    }

    /// The red lines and their probabilities of breach.
    var redLines: ScenarioTable {
        ScenarioTable(
            name: "red-lines", caption: "Red lines: the share of runs that break each, in any year and by year",
            header: ["Red line", "Rule", "Probability of breach", "Principal projection breaks it"] + report.years,
            rows: report.redLines.map { line in
                [
                    .text("\(line.kind.rawValue): \(line.subject)"), .text(line.rule), .probability(line.probability),
                    .text(line.principalBreaks ? "yes" : "no"),
                ] + line.probabilityByYear.map { .probability($0) }
            })
    }

    /// The indicators it moves, baseline and each year (principal).
    var indicators: ScenarioTable {
        let all = [report.baseline] + report.principal
        return ScenarioTable(
            name: "indicators", caption: "Indicators it moves (principal projection; from published counts)",
            header: ["Indicator", "\(report.baseYear) (baseline)"] + report.years,
            rows: [
                [.text("Emergency admissions per 1,000 aged 75+")]
                    + all.map { .number($0.emergencyAdmissionsPer1000Aged75Plus) },
                [.text("Cost of activity per head")] + all.map { .money($0.costPerHeadPence) },
                [.text("Beds")] + all.map { .count($0.beds) },
                [.text("Bed days")] + all.map { .count($0.bedDays) },
                [.text("People")] + all.map { .count($0.people) },
            ])
    }

    /// Beds by year: principal and percentiles.
    var beds: ScenarioTable {
        ScenarioTable(
            name: "beds", caption: "Beds: bed days ÷ (365 × occupancy)",
            header: ["Year", "Principal", "p10", "p50", "p90"],
            rows: [[.text("\(report.baseYear) (baseline)"), .count(report.baseline.beds), .hidden, .hidden, .hidden]]
                + report.years.enumerated().map { index, year in
                    let band = report.percentiles[index].beds
                    return [
                        .text(year), .count(report.principal[index].beds), .count(band.p10), .count(band.p50),
                        .count(band.p90),
                    ]
                })
    }

    /// Activity and cost by setting, baseline and last year.
    var settings: ScenarioTable {
        let year = report.years.last ?? ""
        return ScenarioTable(
            name: "settings", caption: "Activity and cost by setting, baseline and \(year) (principal)",
            header: ["Setting", "Baseline activity", "Activity \(year)", "Baseline cost", "Cost \(year)"],
            rows: report.settings.enumerated().compactMap { index, code in
                let final = report.principal.last
                guard report.baseline.costBySettingPence[index] != 0 || (final?.costBySettingPence[index] ?? 0) != 0
                else { return nil }
                return [
                    .text(CareSetting(code: code)?.label ?? code), .count(report.baseline.activityBySetting[index]),
                    .count(final?.activityBySetting[index]), .money(report.baseline.costBySettingPence[index]),
                    .money(final?.costBySettingPence[index]),
                ]
            })
    }

    /// Cost by place, baseline and last year.
    var places: ScenarioTable {
        let year = report.years.last ?? ""
        return ScenarioTable(
            name: "places", caption: "Cost by place, baseline and \(year) (principal)",
            header: ["Place", "Baseline cost", "Cost \(year)"],
            rows: report.places.enumerated().map { index, code in
                [
                    .text(code), .money(report.baseline.costByPlacePence[index]),
                    .money(report.principal.last?.costByPlacePence[index]),
                ]
            })
    }

    /// The fan chart: p10, p50 and p90 of cost by year, with the principal projection and the control total.
    var fanChart: String {
        let labels = [report.baseYear] + report.years
        let base = Double(report.baseline.costPence)
        let line = LineChart(
            id: "fan", title: "Cost of activity by year: p10, p50 and p90 against the control total",
            description: projection.rows.map { row in row.map(\.text).joined(separator: " ") }.joined(separator: "; "),
            labels: labels,
            series: [
                .init(name: "Control total", style: "budget", values: labels.map { _ in Double(controlTotalPence) }),
                .init(name: "p10", style: "forecast", values: [base] + report.percentiles.map(\.costPence.p10)),
                .init(name: "p50", style: "actual", values: [base] + report.percentiles.map(\.costPence.p50)),
                .init(name: "p90", style: "forecast", values: [base] + report.percentiles.map(\.costPence.p90)),
            ], format: ScenarioTable.pounds)
        return line.svg
    }

    /// The waterfall of the last year.
    var waterfallChart: String {
        guard let year = report.waterfall.last else { return "" }
        let steps: [(String, Int64)] = [
            ("Baseline \(report.baseYear)", year.baselinePence), ("Demographic growth", year.demographicPence),
            ("Non-demographic growth", year.nonDemographicPence), ("Price uplift", year.priceUpliftPence),
            ("Avoidance", year.avoidancePence), ("Shift", year.shiftPence), ("Efficiencies", year.efficiencyPence),
            ("Interaction", year.interactionPence),
        ]
        let chart = WaterfallChart(
            id: "waterfall", title: "Change-factor waterfall, \(year.year)",
            description: steps.map { "\($0.0): \(ScenarioTable.pounds(Double($0.1)))" }.joined(separator: "; ")
                + "; result \(ScenarioTable.pounds(Double(year.resultPence)))",
            steps: steps.map { .init(label: $0.0, value: Double($0.1), text: ScenarioTable.pounds(Double($0.1))) },
            totalLabel: "Result \(year.year)", totalText: ScenarioTable.pounds(Double(year.resultPence)))
        return chart.svg
    }

    /// The tornado as a waterfall-free bar pair per parameter: each bar's swing, widest first.
    var tornadoChart: String {
        guard let tornado = report.tornado, !tornado.bars.isEmpty else { return "" }
        let chart = BarChart(
            id: "tornado", title: "Tornado: the swing of the NPSV across each parameter's interval",
            description: tornado.bars.map {
                "\($0.parameter): \(ScenarioTable.pounds($0.atLowPence)) at low, \(ScenarioTable.pounds($0.atHighPence)) at high"
            }.joined(separator: "; "),
            items: tornado.bars.map {
                .init(
                    label: $0.parameter, value: abs($0.atHighPence - $0.atLowPence),
                    text: "swing \(ScenarioTable.pounds($0.atHighPence - $0.atLowPence))")
            })
        return chart.svg
    }
}
