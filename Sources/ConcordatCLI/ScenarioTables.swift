import ConcordatCore
import Foundation
import Scenarios

/// A scenario's results as the command line shows and writes them: a text summary, JSON, and one CSV per
/// table (projection percentiles, waterfall, red lines, appraisal streams).
struct ScenarioTables {
    let results: ScenarioResults

    init(_ results: ScenarioResults) { self.results = results }

    /// The results as JSON (sorted keys), as `--format json` prints them.
    static func json(_ results: ScenarioResults) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(results)
    }

    /// Pence as £m with one decimal.
    static func millions(_ pence: Double) -> String { String(format: "£%.1fm", pence / 100_000_000) }

    /// The text summary.
    var text: String {
        var lines = [
            "\(results.name): base year \(results.baseYear) (activity \(results.baselinePeriod.joined(separator: " to "))), "
                + "\(results.runs) runs, seed \(results.seed)",
            "",
            "year".padded(9) + "principal".leftPadded(12) + "p10".leftPadded(12) + "p50".leftPadded(12)
                + "p90".leftPadded(12) + "beds p50".leftPadded(10) + "NEL/1,000 75+".leftPadded(15),
            "baseline".padded(9) + Self.millions(Double(results.baseline.costPence)).leftPadded(12)
                + String(repeating: " ", count: 36) + String(format: "%.0f", results.baseline.beds).leftPadded(10)
                + String(format: "%.1f", results.baseline.emergencyAdmissionsPer1000Aged75Plus).leftPadded(15),
        ]
        for (index, band) in results.percentiles.enumerated() {
            lines.append(
                band.year.padded(9) + Self.millions(Double(results.principal[index].costPence)).leftPadded(12)
                    + Self.millions(band.costPence.p10).leftPadded(12)
                    + Self.millions(band.costPence.p50).leftPadded(12)
                    + Self.millions(band.costPence.p90).leftPadded(12)
                    + String(format: "%.0f", band.beds.p50).leftPadded(10)
                    + String(format: "%.1f", band.emergencyAdmissionsPer1000Aged75Plus.p50).leftPadded(15))
        }
        if let last = results.waterfall.last {
            lines += ["", "Waterfall, \(last.year) (principal; each factor alone, then their interaction):"]
            for (name, pence) in waterfallSteps(last) {
                lines.append("  " + name.padded(24) + Self.millions(Double(pence)).leftPadded(12))
            }
        }
        lines += ["", "Red lines (probability of breach in any year):"]
        for line in results.redLines where line.kind == .ringFence || line.probability > 0 || line.principalBreaks {
            lines.append(
                "  " + "\(line.kind.rawValue) \(line.subject)".padded(30)
                    + String(format: "%5.1f%%", line.probability * 100)
                    + "  " + line.rule)
        }
        let quiet = results.redLines.filter { $0.kind == .envelope && $0.probability == 0 && !$0.principalBreaks }.count
        if quiet > 0 { lines.append("  \(quiet) partners' envelopes are never breached.") }
        lines += riskShareText
        return lines.joined(separator: "\n")
    }

    /// Who bears what under the risk-share agreement, the last projected year, or why there is none.
    var riskShareText: [String] {
        guard let share = results.riskShare else { return [] }
        guard share.unavailable == nil, let year = share.years.last else {
            return ["", "Risk share: none. \(share.unavailable ?? "")"]
        }
        var lines = [
            "", "Risk share, \(year.year): \(share.agreement ?? "")",
            "  ledger: \(share.ledgerSource ?? "the system's ledger")",
            "  " + "partner".padded(18) + "budget".leftPadded(12) + "bears now".leftPadded(12)
                + "principal".leftPadded(12) + "p10".leftPadded(12) + "p50".leftPadded(12) + "p90".leftPadded(12),
        ]
        for (index, partner) in share.partners.enumerated() {
            let band = year.bornePence[index]
            lines.append(
                "  " + partner.padded(18) + Self.millions(Double(share.budgetPence[index])).leftPadded(12)
                    + Self.millions(Double(share.baselineBornePence[index])).leftPadded(12)
                    + Self.millions(Double(year.principalBornePence[index])).leftPadded(12)
                    + Self.millions(band.p10).leftPadded(12) + Self.millions(band.p50).leftPadded(12)
                    + Self.millions(band.p90).leftPadded(12))
        }
        lines.append(
            "  The amounts borne add up to the system variance to the penny in \(share.runsAddingUp) of "
                + "\(share.runsSettled) runs, every year.")
        if !share.outsideAgreement.isEmpty {
            lines.append(
                "  Outside the agreement (no ledger line), bearing their own change: "
                    + share.outsideAgreement.joined(separator: ", "))
        }
        return lines
    }

    func waterfallSteps(_ step: ScenarioResults.Waterfall) -> [(String, Int64)] {
        [
            ("baseline", step.baselinePence), ("demographic growth", step.demographicPence),
            ("non-demographic growth", step.nonDemographicPence), ("price uplift", step.priceUpliftPence),
            ("avoidance", step.avoidancePence), ("shift", step.shiftPence), ("efficiencies", step.efficiencyPence),
            ("interaction", step.interactionPence), ("result", step.resultPence),
        ]
    }

    /// Writes `results.json` and the CSV tables into `folder` (created if missing).
    func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.json(results).write(to: folder.appendingPathComponent("results.json"))
        var projection = ["year,measure,key,principal,p10,p50,p90"]
        for (index, band) in results.percentiles.enumerated() {
            let principal = results.principal[index]
            func row(_ measure: String, _ key: String, _ value: Double, _ b: ScenarioResults.Band) {
                projection.append(
                    "\(band.year),\(measure),\(key),\(Self.number(value)),\(Self.number(b.p10)),\(Self.number(b.p50)),\(Self.number(b.p90))"
                )
            }
            row("cost_pence", "total", Double(principal.costPence), band.costPence)
            for (i, code) in results.settings.enumerated() {
                row("cost_pence_by_setting", code, Double(principal.costBySettingPence[i]), band.costBySettingPence[i])
                row("activity_by_setting", code, principal.activityBySetting[i], band.activityBySetting[i])
            }
            for (i, code) in results.places.enumerated() {
                row("cost_pence_by_place", code, Double(principal.costByPlacePence[i]), band.costByPlacePence[i])
            }
            for (i, code) in results.partners.enumerated() {
                row("cost_pence_by_partner", code, Double(principal.costByPartnerPence[i]), band.costByPartnerPence[i])
                row(
                    "net_cost_pence_by_partner", code, Double(principal.netCostByPartnerPence[i]),
                    band.netCostByPartnerPence[i])
            }
            for (i, code) in results.pools.enumerated() {
                row("cost_pence_by_pool", code, Double(principal.costByPoolPence[i]), band.costByPoolPence[i])
            }
            row("bed_days", "total", principal.bedDays, band.bedDays)
            row("beds", "total", principal.beds, band.beds)
            row(
                "emergency_admissions_per_1000_aged_75_plus", "total", principal.emergencyAdmissionsPer1000Aged75Plus,
                band.emergencyAdmissionsPer1000Aged75Plus)
            row("cost_per_head_pence", "total", principal.costPerHeadPence, band.costPerHeadPence)
        }
        var waterfall = ["year,step,pence"]
        for step in results.waterfall {
            for (name, pence) in waterfallSteps(step) { waterfall.append("\(step.year),\(name),\(pence)") }
        }
        var redLines = [
            "kind,subject,probability,principal_breaks,envelope_pence,rule,envelope_basis,ledger_budget_pence,headroom_pence"
        ]
        for line in results.redLines {
            redLines.append(
                "\(line.kind.rawValue),\(line.subject),\(line.probability),\(line.principalBreaks),"
                    + "\(line.envelopePence.map(String.init) ?? ""),"
                    + "\"\(line.rule.replacingOccurrences(of: "\"", with: "\"\""))\","
                    + "\(line.envelopeBasis?.rawValue ?? ""),\(line.ledgerBudgetPence.map(String.init) ?? ""),"
                    + "\(line.headroomPence.map(String.init) ?? "")")
        }
        var streams = ["year,partner,business_as_usual_pence,scenario_pence,saving_pence,capital_pence,revenue_pence"]
        for stream in results.streams {
            streams.append(
                "\(stream.year),\(stream.partner),\(stream.businessAsUsualPence),\(stream.scenarioPence),"
                    + "\(stream.savingPence),\(stream.capitalPence),\(stream.revenuePence)")
        }
        var riskShare = [
            "year,partner,budget_pence,ledger_outturn_pence,baseline_borne_pence,principal_variance_pence,"
                + "principal_borne_pence,borne_p10_pence,borne_p50_pence,borne_p90_pence,beyond_baseline_p50_pence"
        ]
        for year in results.riskShare?.years ?? [] {
            let share = results.riskShare!
            for (index, partner) in share.partners.enumerated() {
                let band = year.bornePence[index]
                riskShare.append(
                    "\(year.year),\(partner),\(share.budgetPence[index]),\(share.outturnPence[index]),"
                        + "\(share.baselineBornePence[index]),\(year.principalVariancePence[index]),"
                        + "\(year.principalBornePence[index]),\(Self.number(band.p10)),\(Self.number(band.p50)),"
                        + "\(Self.number(band.p90)),\(Self.number(year.beyondBaselinePence[index].p50))")
            }
        }
        for (name, rows) in [
            ("projection.csv", projection), ("waterfall.csv", waterfall), ("red-lines.csv", redLines),
            ("streams.csv", streams), ("risk-share.csv", riskShare),
        ] {
            try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent(name))
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.4f", value)
    }
}
