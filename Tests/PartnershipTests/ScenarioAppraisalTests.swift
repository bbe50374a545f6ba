import Appraisal
import ConcordatCore
import Foundation
import Partnership
import Scenarios
import Testing

@Suite("Appraising a scenario: the Green Book economic and financial case of its streams")
struct ScenarioAppraisalTests {
    @Test("the East Kent frailty example gives a finite NPSV and BCR whose sign agrees with its streams")
    func eastKentFrailty() async throws {
        let study = try await ScenarioStudy.read(from: try await ScenarioStudyTests.store())
        let json = try Data(contentsOf: ScenarioStudyTests.example)
        let model = try study.model(try study.scenario(json, runs: 20))
        let bias = OptimismBias(upperBoundsFor: .outsourcing)
        let report = try ScenarioAppraisal(model: model, optimismBias: bias).appraise()
        #expect(report.years.count == 5)
        // Undiscounted: benefit = cost avoided, cost = revenue invested × (1 + 41%).
        let results = try study.run(json, runs: 20)
        let avoided = results.streams.reduce(Int64(0)) { $0 + $1.savingPence }
        let invested = results.streams.reduce(Int64(0)) { $0 + $1.capitalPence + $1.revenuePence }
        #expect(invested == 5 * 250_000_000)
        let option = try #require(report.economicCase.option(named: report.name))
        #expect(option.undiscountedBenefit.pence == avoided)
        #expect(option.undiscountedCost.pence == Int64((Double(invested) * 1.41).rounded()))
        // NPSV is PV benefits less PV costs; BCR is their ratio; both agree in sign with the streams.
        #expect(report.netPresentSocialValuePence == option.presentBenefit.pence - option.presentCost.pence)
        let ratio = try #require(report.benefitCostRatio)
        #expect(ratio.isFinite)
        #expect((ratio > 1) == (report.netPresentSocialValuePence > 0))
        #expect(
            abs(ratio - Double(option.additionalPresentBenefit.pence) / Double(option.additionalPresentCost.pence))
                < 1e-12)
        // Discounting lowers both sides: the PVs are below the undiscounted totals, above DF(5) of them.
        #expect(option.presentCost.pence < option.undiscountedCost.pence)
        #expect(Double(option.presentCost.pence) > 0.84 * Double(option.undiscountedCost.pence))
        if avoided > 0 { #expect(option.presentBenefit.pence > 0) }
        // The optimism-bias part is 41/141 of the PV of the investment.
        #expect(abs(Double(option.presentOptimismBias.pence) - Double(option.presentCost.pence) * 0.41 / 1.41) < 2)
        // Tornado: a bar for each interval parameter (4 growth rules, 2 fractions; price uplift is a point).
        let tornado = try #require(report.tornado)
        #expect(tornado.bars.count == 6)
        #expect(abs(tornado.central - Double(report.netPresentSocialValuePence)) < 1)
        #expect(tornado.bars.allSatisfy { $0.atLow.isFinite && $0.atHigh.isFinite })
        #expect(zip(tornado.bars, tornado.bars.dropFirst()).allSatisfy { $0.swing >= $1.swing })
        // More admissions avoided saves more: NPSV rises with the avoidance fraction.
        let avoid = try #require(tornado.bars.first { $0.parameter.contains("Avoid emergency admissions") })
        #expect(avoid.atHigh > avoid.atLow)
        // Switching values, where given, bring NPSV to zero.
        let appraisal = ScenarioAppraisal(model: model, optimismBias: bias)
        for value in report.switchingValues {
            let at = try #require(value.value)
            #expect(abs(try appraisal.netPresentSocialValue(at: [value.parameter: at])) < 100)
        }
        // Financial case: every partner, five years, and a breach probability in [0, 1].
        #expect(report.financialCase.count == results.partners.count)
        #expect(report.financialCase.allSatisfy { $0.years.count == 5 })
        #expect(
            report.breaches.allSatisfy { (0...1).contains($0.probability.probability) && $0.probability.runs == 20 })
        let kchft = try #require(report.financialCase.first { $0.partner == "RYY" })
        let index = try #require(results.partners.firstIndex(of: "RYY"))
        #expect(kchft.totalCash.pence == results.principal.reduce(0) { $0 + $1.netCostByPartnerPence[index] })
    }

    @Test("JSON output has the documented fields")
    func jsonFields() async throws {
        let study = try await ScenarioStudy.read(from: try await ScenarioStudyTests.store())
        let json = try Data(contentsOf: ScenarioStudyTests.example)
        let model = try study.model(try study.scenario(json, runs: 5))
        let report = try ScenarioAppraisal(model: model, optimismBias: OptimismBias(upperBoundsFor: .outsourcing))
            .appraise()
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for field in [
            "name", "baseYear", "years", "runs", "benefit", "costs", "optimismBias", "netPresentSocialValuePence",
            "benefitCostRatio", "economicCase", "tornado", "switchingValues", "financialCase", "breaches",
        ] {
            #expect(object[field] != nil, "missing \(field)")
        }
    }

    @Test("a scenario that changes nothing has NPSV 0 and no BCR")
    func noChange() async throws {
        let study = try await ScenarioStudy.read(from: try await ScenarioStudyTests.store())
        let json = Data(
            """
            {"format": 1, "name": "Nothing changes", "baseYear": "2026/27", "horizon": 3, "runs": 5, "seed": 1,
             "demographicGrowth": [{"annual": {"low": 0.0, "high": 0.02}}]}
            """.utf8)
        let model = try study.model(try study.scenario(json))
        let report = try ScenarioAppraisal(model: model, optimismBias: OptimismBias(upperBoundsFor: .outsourcing))
            .appraise()
        // Exactly zero: business as usual and the scenario's costs go through the same rounding.
        #expect(report.netPresentSocialValuePence == 0)
        #expect(report.benefitCostRatio == nil)
        // At the interval's ends too: growth moves both options alike.
        let total = Double(report.financialCase.reduce(Int64(0)) { $0 + $1.totalCash.pence })
        #expect(total > 0)
        #expect(report.tornado?.bars.isEmpty == false)
        #expect(report.tornado?.bars.allSatisfy { $0.atLow == 0 && $0.atHigh == 0 } == true)
    }

    @Test("an optimism bias below the upper bound needs a reason; the upper bound is the default")
    func optimismBias() throws {
        #expect(throws: AppraisalError.self) { try ScenarioAppraisal.optimismBias(.outsourcing, percent: 10) }
        #expect(throws: AppraisalError.self) {
            try ScenarioAppraisal.optimismBias(.outsourcing, percent: 10, reason: "   ")
        }
        #expect(throws: AppraisalError.self) {
            try ScenarioAppraisal.optimismBias(.outsourcing, percent: .nan, reason: "evidence")
        }
        #expect(throws: AppraisalError.self) {
            try ScenarioAppraisal.optimismBias(.outsourcing, percent: -5, reason: "x")
        }
        let lower = try ScenarioAppraisal.optimismBias(.outsourcing, percent: 10, reason: "fixed-price contract")
        #expect(lower.operating == 0.1 && lower.reason == "fixed-price contract")
        #expect(try ScenarioAppraisal.optimismBias(.outsourcing).operating == 0.41)
        #expect(try ScenarioAppraisal.optimismBias(.standardBuildings).capital == 0.24)
        #expect(try ScenarioAppraisal.optimismBias(.standardBuildings, percent: 30).capital == 0.30)
    }
}
