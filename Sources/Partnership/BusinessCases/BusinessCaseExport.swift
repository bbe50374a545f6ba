import ConcordatCore
import Foundation
import Governance
import Storage

/// A business case as a download: JSON (the case, its attachment and determinations; the scenario
/// definition and the full appraisal report as they were kept) or CSV (one row per figure: section,
/// item, year, value). The same for the command line and the web.
public enum BusinessCaseExport {
    /// What the JSON export holds.
    struct Document: Encodable {
        var businessCase: BusinessCase
        var proposal: String?
        var determinations: [Section151Determination]
        var scenarioDefinition: String
        var appraisalReport: String
    }

    /// The case as JSON (sorted keys, dates ISO 8601).
    public static func json(_ stored: StoredBusinessCase) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(
            Document(
                businessCase: stored.businessCase, proposal: stored.proposal, determinations: stored.determinations,
                scenarioDefinition: stored.scenarioDefinition, appraisalReport: stored.appraisalReport))
    }

    /// The case's figures as CSV: `section,item,year,value` (money in pence).
    public static func csv(_ stored: StoredBusinessCase) -> String {
        let businessCase = stored.businessCase
        var rows: [[String]] = [["section", "item", "year", "value"]]
        rows.append(["case", "id", "", businessCase.id])
        rows.append(["case", "title", "", businessCase.title])
        rows.append(["strategic", "text", "", businessCase.strategic])
        rows.append(["commercial", "text", "", businessCase.commercial])
        rows.append(["management", "text", "", businessCase.management.text])
        for milestone in businessCase.management.milestones {
            rows.append(["management", "milestone \(milestone.id)", milestone.due.description, milestone.title])
        }
        for risk in businessCase.management.risks {
            rows.append(["management", "risk \(risk.id)", "", "\(risk.title) (\(risk.likelihood)×\(risk.consequence))"])
        }
        let economic = businessCase.economic
        rows.append(["economic", "discounting", "", economic.discounting ?? "none"])
        for option in economic.options {
            rows.append([
                "economic", "\(option.name): additional PV costs (pence)", "", "\(option.additionalPresentCostPence)",
            ])
            rows.append([
                "economic", "\(option.name): additional PV benefits (pence)", "",
                "\(option.additionalPresentBenefitPence)",
            ])
            rows.append(["economic", "\(option.name): NPSV (pence)", "", "\(option.netPresentSocialValuePence)"])
            rows.append(["economic", "\(option.name): BCR", "", option.benefitCostRatio.map { "\($0)" } ?? ""])
        }
        if let bias = economic.optimismBias {
            rows.append(["economic", "optimism bias capital", "", "\(bias.capital)"])
            rows.append(["economic", "optimism bias operating", "", "\(bias.operating)"])
            rows.append(["economic", "optimism bias reason", "", bias.reason ?? "upper bound"])
        }
        for bar in economic.tornado {
            rows.append([
                "sensitivity", "\(bar.parameter): NPSV at low (pence)", "", "\(Int64(bar.npsvAtLowPence.rounded()))",
            ])
            rows.append([
                "sensitivity", "\(bar.parameter): NPSV at high (pence)", "", "\(Int64(bar.npsvAtHighPence.rounded()))",
            ])
        }
        for value in economic.switchingValues {
            rows.append(["switching value", value.parameter, "", value.value.map { "\($0)" } ?? "none in range"])
        }
        for partner in businessCase.financial.partners {
            for year in partner.years {
                rows.append(["financial", "\(partner.partner): cash (pence)", "\(year.year)", "\(year.cashPence)"])
                rows.append(["financial", "\(partner.partner): budget (pence)", "\(year.year)", "\(year.budgetPence)"])
            }
        }
        for breach in businessCase.financial.breaches {
            rows.append(["financial", "\(breach.partner): breach probability", "", "\(breach.probability)"])
        }
        for determination in stored.determinations {
            rows.append([
                "section 151", "\(determination.council): \(determination.username)", "",
                "\(determination.outcome.rawValue): \(determination.reason)",
            ])
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted when it needs to be; a leading `=`, `+`, `-` or `@` is prefixed with `'` so a
    /// spreadsheet does not run it as a formula.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { ",\"\n\r".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
