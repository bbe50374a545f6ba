import Partnership

/// The `/scenarios/compare?a=&b=` page: two scenarios' key results side by side.
struct ScenarioComparePage {
    struct Side {
        var id: String
        var name: String
        var status: String
    }

    struct Row {
        var measure: String
        var a: String
        var b: String
    }

    var a: Side
    var b: Side
    var rows: [Row]

    /// The measures compared: the last year's cost (principal and p10–p90), cost over the horizon, the
    /// change on business as usual, the NPSV, beds, emergency admissions per 1,000 aged 75+, the largest
    /// red-line probability, each partner's net cost in the last year, and who bears what in the last year
    /// under the risk-share agreement (the agreement, then each settled partner's share beyond what it
    /// bears without the scenario, principal and p10–p90).
    static func rows(_ a: ScenarioReport?, _ b: ScenarioReport?) -> [Row] {
        func both(_ measure: String, _ value: (ScenarioReport) -> String) -> Row {
            Row(measure: measure, a: a.map(value) ?? "not run yet", b: b.map(value) ?? "not run yet")
        }
        func pounds(_ pence: Int64) -> String { ScenarioTable.pounds(Double(pence)) }
        var rows = [
            both("Years") { "\($0.years.first ?? "")–\($0.years.last ?? "") (base \($0.baseYear)), \($0.runs) runs" },
            both("Baseline cost") { pounds($0.baseline.costPence) },
            both("Cost in the last year (principal)") { pounds($0.principal.last?.costPence ?? 0) },
            both("Cost in the last year, p10–p90") { report in
                report.percentiles.last.map {
                    "\(ScenarioTable.pounds($0.costPence.p10))–\(ScenarioTable.pounds($0.costPence.p90))"
                } ?? "–"
            },
            both("Cost over the horizon (principal)") { pounds($0.principal.reduce(0) { $0 + $1.costPence }) },
            both("Saving on business as usual over the horizon") {
                pounds($0.streams.reduce(0) { $0 + $1.savingPence })
            },
            both("Invested over the horizon") {
                pounds($0.streams.reduce(0) { $0 + $1.capitalPence + $1.revenuePence })
            },
            both("NPSV (central)") {
                $0.tornado.map { ScenarioTable.pounds($0.centralPence) } ?? "no interval parameters"
            },
            both("Beds in the last year") { $0.principal.last?.beds.map(String.init) ?? "suppressed" },
            both("Emergency admissions per 1,000 aged 75+, last year") {
                $0.principal.last?.emergencyAdmissionsPer1000Aged75Plus.map { String(format: "%.1f", $0) } ?? "–"
            },
            both("Largest probability of breaching a red line") { report in
                report.redLines.max { $0.probability < $1.probability }.map {
                    String(format: "%.1f%%", $0.probability * 100) + " (\($0.kind.rawValue) \($0.subject))"
                } ?? "none"
            },
        ]
        let partners = Array(Set((a?.partners ?? []) + (b?.partners ?? []))).sorted()
        for partner in partners {
            func net(_ report: ScenarioReport) -> String {
                guard let index = report.partners.firstIndex(of: partner),
                    let last = report.principal.last
                else { return "–" }
                return pounds(last.netCostByPartnerPence[index])
            }
            rows.append(both("Net cost, last year: \(partner)", net))
        }
        rows.append(
            both("Risk share") { report in
                guard let share = report.riskShare else { return "not settled (run before risk shares were kept)" }
                if let reason = share.unavailable { return "not settled: \(reason)" }
                return "settled under \(share.agreement ?? "the agreement"), \(share.runsSettled) runs"
            })
        let settled = Array(Set((a?.riskShare?.partners ?? []) + (b?.riskShare?.partners ?? []))).sorted()
        for partner in settled {
            func borne(_ report: ScenarioReport) -> String {
                guard let share = report.riskShare, let index = share.partners.firstIndex(of: partner),
                    let last = share.years.last, index < last.principalBornePence.count,
                    index < last.beyondBaselinePence.count, index < share.baselineBornePence.count
                else { return "–" }
                let band = last.beyondBaselinePence[index]
                return pounds(last.principalBornePence[index] - share.baselineBornePence[index])
                    + " (p10–p90 \(ScenarioTable.pounds(band.p10))–\(ScenarioTable.pounds(band.p90)))"
            }
            rows.append(both("Borne beyond baseline under the risk share, last year: \(partner)", borne))
        }
        return rows
    }
}
