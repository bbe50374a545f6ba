import ConcordatCore
import Finance
import Foundation
import Governance
import Partnership
import Scenarios
import Storage
import Testing

/// The scenario's ledger (issue 17): envelopes and the risk-share settlement read from the stored system's
/// ledger and pack, as `concordat settle` reads them.
@Suite("A scenario's envelopes and settlement from the stored ledger and agreement")
struct ScenarioSettlementTests {
    @Test(
        "the study reads the ledger as `concordat settle` does: without the scenario, each bears what the settlement says"
    )
    func ledgerAsSettlementReadsIt() async throws {
        let store = try await ScenarioStudyTests.store()
        let study = try await ScenarioStudy.read(from: store)
        let money = try #require(try await SystemMoney.read(from: store))
        let settlement = try await money.answer(SettlementQuestion())
        #expect(!study.ledger.isEmpty)
        #expect(Set(study.ledger.keys) == Set(settlement.lines.map(\.partner)))
        for line in settlement.lines {
            #expect(study.ledger[line.partner]?.budgetPence == line.budgetPence)
            #expect(study.ledger[line.partner]?.outturnPence == line.actualPence)
        }
        #expect(study.finance.agreement == money.finances.agreement)
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: ScenarioStudyTests.example)) as? [String: Any])
        object["runs"] = 12
        let results = try study.run(try JSONSerialization.data(withJSONObject: object))
        let share = try #require(results.riskShare)
        #expect(share.unavailable == nil && share.agreement == settlement.agreement)
        #expect(share.partners == settlement.lines.map(\.partner))
        #expect(share.baselineBornePence == settlement.lines.map(\.bornePence))
        #expect(share.runsSettled == 12 && share.runsAddingUp == 12)
        #expect(share.ledgerSource?.contains("run-rate") == true)
        // Every partner in the ledger has its envelope from it, and says so.
        for line in results.redLines where line.kind == .envelope {
            if let ledger = study.ledger[line.subject] {
                #expect(line.envelopeBasis == .ledgerBudget && line.ledgerBudgetPence == ledger.budgetPence)
            } else {
                #expect(line.envelopeBasis == .baselineCost || line.envelopeBasis == .stated)
            }
        }
    }

    @Test("a study of a system with no pack has no agreement, and its results say so")
    func noPackNoAgreement() async throws {
        let store = try await ScenarioStudyTests.store()
        var study = try await ScenarioStudy.read(from: store)
        study.pack = nil
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: ScenarioStudyTests.example)) as? [String: Any])
        object["runs"] = 3
        let results = try study.run(try JSONSerialization.data(withJSONObject: object))
        let share = try #require(results.riskShare)
        #expect(share.agreement == nil && share.partners.isEmpty)
        #expect(share.unavailable?.contains("no risk-share agreement") == true)
    }

    @Test("published results kept before the settlement existed still read, without it")
    func oldReportsRead() async throws {
        let store = try await ScenarioStudyTests.store()
        let desk = ScenarioDesk(store: store)
        let stored = try await desk.submit(try ScenarioDeskTests.example(runs: 4), by: ScenarioDeskTests.analyst)
        let done = try await desk.run(stored.id)
        let report = try #require(try ScenarioDesk.report(of: done))
        #expect(report.riskShare?.runsAddingUp == 4)
        var object = try #require(try JSONSerialization.jsonObject(with: done.results!) as? [String: Any])
        object["riskShare"] = nil
        object["redLines"] = (object["redLines"] as? [[String: Any]])?.map { line in
            var line = line
            for key in ["envelopeBasis", "ledgerBudgetPence", "headroomPence"] { line[key] = nil }
            return line
        }
        var old = done
        old.results = try JSONSerialization.data(withJSONObject: object)
        let read = try #require(try ScenarioDesk.report(of: old))
        #expect(read.riskShare == nil && read.redLines.allSatisfy { $0.envelopeBasis == nil })
        #expect(read.principal == report.principal)
    }

    @Test("a business case's financial case kept before the settlement existed still reads, without it")
    func oldFinancialCaseReads() throws {
        let json = Data(
            #"{"partners":[{"partner":"886","years":[{"year":2027,"cashPence":5,"budgetPence":9}]}],"breaches":[]}"#
                .utf8)
        let financial = try JSONDecoder().decode(FinancialPosition.self, from: json)
        #expect(financial.riskShare == nil && financial.riskShareAgreement == nil)
        #expect(financial.partners.first?.years.first?.budgetPence == 9)
    }
}
