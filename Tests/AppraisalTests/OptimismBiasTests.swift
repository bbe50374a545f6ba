import ConcordatCore
import Testing

@testable import Appraisal

/// Optimism bias: the supplementary guidance's table, the combined-project and mitigation worked examples,
/// and the rule that a lower value needs a reason.
@Suite struct OptimismBiasTests {
    @Test func upperBoundsAreThePublishedTable() {
        let table: [(ProjectType, Double, Double, Double)] = [
            (.standardBuildings, 0.24, 0, 0.04), (.nonStandardBuildings, 0.51, 0, 0.39),
            (.standardCivilEngineering, 0.44, 0, 0.20), (.nonStandardCivilEngineering, 0.66, 0, 0.25),
            (.equipmentAndDevelopment, 2.00, 0, 0.54), (.outsourcing, 0, 0.41, 0),
        ]
        for (type, capital, operating, duration) in table {
            let bias = OptimismBias(upperBoundsFor: type)
            #expect(bias.capital == capital, "\(type)")
            #expect(bias.operating == operating, "\(type)")
            #expect(bias.worksDuration == duration, "\(type)")
            #expect(bias.reason == nil)
        }
        #expect(ProjectType.standardBuildings.capitalLowerBound == 0.02)
        #expect(ProjectType.equipmentAndDevelopment.capitalLowerBound == 0.10)
        #expect(ProjectType.nonStandardCivilEngineering.worksDurationLowerBound == 0.03)
    }

    /// Mott MacDonald (2002), combined projects: 30% non-standard and 70% standard buildings give 32.1% on
    /// capital expenditure and 14.5% on works duration.
    @Test func combinedProjectWorkedExample() throws {
        let bias = try OptimismBias.combined([(.nonStandardBuildings, 0.3), (.standardBuildings, 0.7)])
        #expect(abs(bias.capital - 0.321) < 1e-12)
        #expect(abs(bias.worksDuration - 0.145) < 1e-12)
        #expect(bias.projectType == .standardBuildings)
        #expect(bias.reason?.contains("30% nonStandardBuildings") == true)
    }

    /// Mott MacDonald (2002): a 92% reduction of the 51% upper bound for non-standard buildings leaves 4%,
    /// so £100m of capital becomes £104m.
    @Test func mitigationWorkedExample() throws {
        let mitigated = try OptimismBias(upperBoundsFor: .nonStandardBuildings)
            .mitigated(by: 0.92, reason: "Risks managed at contract award")
        #expect((mitigated.capital * 100).rounded() == 4)
        let bias = try OptimismBias(
            projectType: .nonStandardBuildings, capital: 0.04, operating: 0, reason: "Risks managed at contract award")
        let option = AppraisalOption(
            "Build", streams: [CashStream("Works", kind: .capitalCost, amounts: [Money(pence: 10_000_000_000)])],
            optimismBias: bias)
        let result = try EconomicCase(options: [option], businessAsUsual: "Build").appraise()
        #expect(result.options[0].presentCapitalCost == Money(pence: 10_400_000_000))
        #expect(result.options[0].presentOptimismBias == Money(pence: 400_000_000))
    }

    @Test func lowerValueWithoutReasonIsRefused() {
        do {
            _ = try OptimismBias(projectType: .standardBuildings, capital: 0.10, operating: 0)
            Issue.record("a lower optimism bias without a reason was accepted")
        } catch {
            #expect(error.code == .optimismBiasBelowDefault)
            #expect(error.field == "optimismBias.capital")
            #expect(error.reason.contains("24%"))
        }
        #expect(throws: AppraisalError.self) {
            try OptimismBias(projectType: .outsourcing, capital: 0, operating: 0.2, reason: "   \n")
        }
        #expect(throws: AppraisalError.self) {
            try OptimismBias(upperBoundsFor: .standardBuildings).mitigated(by: 0.5, reason: " ")
        }
        #expect(throws: AppraisalError.self) { try OptimismBias.none(for: .equipmentAndDevelopment, reason: "") }
    }

    @Test func lowerValueWithReasonIsKept() throws {
        let bias = try OptimismBias(
            projectType: .outsourcing, capital: 0, operating: 0.1, reason: " Fixed-price contract signed ")
        #expect(bias.operating == 0.1)
        #expect(bias.reason == "Fixed-price contract signed")
        let higher = try OptimismBias(projectType: .standardBuildings, capital: 0.3, operating: 0.05)
        #expect(higher.reason == nil)
    }

    @Test func hostileValuesAreRefused() {
        for value in [Double.nan, -0.01, 11, .infinity] {
            #expect(throws: AppraisalError.self) {
                try OptimismBias(projectType: .standardBuildings, capital: value, operating: 0, reason: "evidence")
            }
        }
        #expect(throws: AppraisalError.self) { try OptimismBias.combined([]) }
        #expect(throws: AppraisalError.self) { try OptimismBias.combined([(.standardBuildings, 0.5)]) }
        #expect(throws: AppraisalError.self) {
            try OptimismBias.combined([(.standardBuildings, 1.5), (.nonStandardBuildings, -0.5)])
        }
        #expect(throws: AppraisalError.self) {
            try OptimismBias(upperBoundsFor: .standardBuildings).mitigated(by: 1.5, reason: "why")
        }
    }
}
