import Foundation
import Partnership
import Testing

@testable import Web

/// The `/scenarios/{id}` page's risk-share table and the sentence that replaces it when there is none.
@Suite("The scenario page's risk share: a table, or a sentence saying why there is none")
struct ScenarioRiskShareViewTests {
    /// A report with no activity and no projected years, and `riskShare` as given (JSON).
    static func report(riskShare: String?) throws -> ScenarioReport {
        let zeros =
            #""costBySettingPence":[],"costByPlacePence":[],"costByPartnerPence":[0],"netCostByPartnerPence":[0],"costByPoolPence":[],"capitalByPartnerPence":[0],"revenueByPartnerPence":[0],"costPence":0,"activityBySetting":[],"bedDaysBySetting":[]"#
        let share = riskShare.map { #","riskShare":\#($0)"# } ?? ""
        let json = """
            {"name":"t","baseYear":"2025/26","years":[],"runs":2,"seed":1,"baselinePeriod":["2025-04-01","2026-03-31"],
            "settings":[],"places":[],"partners":["A"],"pools":[],"disclosure":{"threshold":7,"roundingBase":5},
            "baseline":{\(zeros)},"principal":[],"percentiles":[],"waterfall":[],"redLines":[],"streams":[]\(share)}
            """
        return try JSONDecoder().decode(ScenarioReport.self, from: Data(json.utf8))
    }

    @Test("no agreement in the pack: no table, and the page says so")
    func noAgreement() throws {
        let view = ScenarioResultsView(
            report: try Self.report(
                riskShare:
                    #"{"unavailable":"the system's pack has no risk-share agreement","partners":[],"budgetPence":[],"outturnPence":[],"baselineBornePence":[],"outsideAgreement":[],"years":[],"runsSettled":0,"runsAddingUp":0}"#
            ))
        #expect(view.riskShare == nil && view.table(named: "risk-share") == nil)
        #expect(view.riskShareNote == "No risk-share settlement: the system's pack has no risk-share agreement.")
    }

    @Test("results kept before the settlement existed: no table, and the page says to run it again")
    func oldResults() throws {
        let view = ScenarioResultsView(report: try Self.report(riskShare: nil))
        #expect(view.riskShare == nil)
        #expect(view.riskShareNote?.contains("submit it again") == true)
    }

    @Test("a settlement: one row a partner and year, money in pence in the CSV, partners outside named")
    func table() throws {
        let view = ScenarioResultsView(
            report: try Self.report(
                riskShare:
                    #"{"agreement":"Tiered","ledgerSource":"test","partners":["A"],"budgetPence":[100],"outturnPence":[103],"baselineBornePence":[3],"outsideAgreement":["X"],"years":[{"year":"2026/27","variancePence":[{"p10":-1,"p50":0,"p90":2}],"bornePence":[{"p10":-1,"p50":0,"p90":2}],"beyondBaselinePence":[{"p10":-4,"p50":-3,"p90":-1}],"principalVariancePence":[1],"principalBornePence":[1],"principalSystemVariancePence":1}],"runsSettled":2,"runsAddingUp":2}"#
            ))
        let table = try #require(view.table(named: "risk-share"))
        #expect(table.rows.count == 1)
        #expect(table.rows[0].map(\.text).prefix(2) == ["A", "2026/27"])
        #expect(table.caption.contains("to the penny in 2 of 2 runs"))
        let csv = table.download(scenario: 9)
        #expect(csv.filename == "scenario-9-risk-share.csv")
        #expect(csv.text.contains("A,2026/27,100,103,3,1,1,-1,0,2,-3"), "\(csv.text)")
        #expect(view.riskShareNote?.contains("X") == true)
    }

    @Test("two scenarios compared: the agreement each is settled under, and each partner's share beyond baseline")
    func compared() throws {
        let settled = try Self.report(
            riskShare:
                #"{"agreement":"Tiered","ledgerSource":"test","partners":["A"],"budgetPence":[100],"outturnPence":[103],"baselineBornePence":[3],"outsideAgreement":[],"years":[{"year":"2026/27","variancePence":[{"p10":-1,"p50":0,"p90":2}],"bornePence":[{"p10":-1,"p50":0,"p90":2}],"beyondBaselinePence":[{"p10":-400,"p50":-300,"p90":-100}],"principalVariancePence":[1],"principalBornePence":[1],"principalSystemVariancePence":1}],"runsSettled":2,"runsAddingUp":2}"#
        )
        let unsettled = try Self.report(
            riskShare:
                #"{"unavailable":"the system's pack has no risk-share agreement","partners":[],"budgetPence":[],"outturnPence":[],"baselineBornePence":[],"outsideAgreement":[],"years":[],"runsSettled":0,"runsAddingUp":0}"#
        )
        let rows = ScenarioComparePage.rows(settled, unsettled)
        let share = try #require(rows.first { $0.measure == "Risk share" })
        #expect(share.a == "settled under Tiered, 2 runs")
        #expect(share.b == "not settled: the system's pack has no risk-share agreement")
        let borne = try #require(
            rows.first { $0.measure == "Borne beyond baseline under the risk share, last year: A" })
        // Principal borne (1p) less what A bears without the scenario (3p): 2p less.
        #expect(borne.a.hasPrefix(ScenarioTable.pounds(-2)))
        #expect(borne.a.contains("p10–p90 \(ScenarioTable.pounds(-400))–\(ScenarioTable.pounds(-100))"))
        #expect(borne.b == "–")
        // Kept before settlements were: said so, not left blank.
        let old = ScenarioComparePage.rows(try Self.report(riskShare: nil), nil)
        #expect(old.first { $0.measure == "Risk share" }?.a.contains("run before risk shares were kept") == true)
        #expect(old.first { $0.measure == "Risk share" }?.b == "not run yet")
    }
}
