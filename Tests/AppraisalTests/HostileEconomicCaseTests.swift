import ConcordatCore
import Testing

@testable import Appraisal

/// Bad input to an economic case is refused with the field and the reason, never a trap.
@Suite struct HostileEconomicCaseTests {
    func refusal(_ model: EconomicCase) -> AppraisalError? {
        do {
            _ = try model.appraise()
            return nil
        } catch {
            return error
        }
    }

    let bau = AppraisalOption("BAU", streams: [CashStream("Running", kind: .operatingCost, amounts: [million])])

    @Test func emptyOptions() {
        #expect(refusal(EconomicCase(options: [], businessAsUsual: "BAU"))?.code == .empty)
    }

    @Test func businessAsUsualMissing() {
        let error = refusal(EconomicCase(options: [bau], businessAsUsual: "Do nothing"))
        #expect(error?.code == .businessAsUsualMissing)
        #expect(error?.field == "businessAsUsual")
    }

    @Test func blankAndDuplicateNames() {
        #expect(refusal(EconomicCase(options: [bau, bau], businessAsUsual: "BAU"))?.code == .duplicateName)
        let blank = AppraisalOption(" ", streams: [])
        #expect(refusal(EconomicCase(options: [bau, blank], businessAsUsual: "BAU"))?.field == "options[1].name")
    }

    @Test func overflowingPenceAreRefusedNotTrapped() {
        let huge = AppraisalOption(
            "Huge", streams: [CashStream("x", kind: .benefit, amounts: [.zero, .zero, Money(pence: .max)])])
        let error = refusal(EconomicCase(options: [bau, huge], businessAsUsual: "BAU"))
        #expect(error?.code == .amountOutOfRange)
        #expect(error?.field == "options[1].streams[0].amounts[2]")
        let minimum = AppraisalOption("Min", streams: [CashStream("x", kind: .benefit, amounts: [Money(pence: .min)])])
        #expect(refusal(EconomicCase(options: [bau, minimum], businessAsUsual: "BAU"))?.code == .amountOutOfRange)
    }

    /// Every amount at the input limit, for 1,000 years, with a 1,000% uplift: each present value is within
    /// Int64 but the case refuses results beyond its £10 quadrillion limit rather than overflow a total.
    @Test func resultsBeyondTheLimitAreRefused() throws {
        let bias = try OptimismBias(projectType: .standardBuildings, capital: 10, operating: 10)
        let streams = (0..<20).map { _ in
            CashStream("x", kind: .capitalCost, amounts: Array(repeating: Money.inputLimit, count: 1_000))
        }
        let option = AppraisalOption("Vast", streams: streams, optimismBias: bias)
        let error = refusal(EconomicCase(options: [bau, option], businessAsUsual: "BAU", schedule: try .constant(0)))
        #expect(error?.code == .amountOutOfRange)
        #expect(error?.field == "options[1].presentCapitalCost")
    }

    @Test func negativeCostsAreRefused() {
        let saving = AppraisalOption(
            "Saving", streams: [CashStream("x", kind: .operatingCost, amounts: [million, Money(pence: -1)])])
        let error = refusal(EconomicCase(options: [bau, saving], businessAsUsual: "BAU"))
        #expect(error?.code == .amountOutOfRange)
        #expect(error?.field == "options[1].streams[0].amounts[1]")
        #expect(error?.reason.contains("benefit") == true)
    }

    @Test func tooManyYearsAreRefused() {
        let long = AppraisalOption(
            "Long", streams: [CashStream("x", kind: .benefit, amounts: Array(repeating: .zero, count: 1_001))])
        let error = refusal(EconomicCase(options: [bau, long], businessAsUsual: "BAU"))
        #expect(error?.code == .horizonTooLong)
        #expect(error?.field == "options[1].streams[0].amounts")
    }

    @Test func optionsWithNoStreamsAppraiseToZero() throws {
        let empty = AppraisalOption("BAU", streams: [])
        let result = try EconomicCase(options: [empty], businessAsUsual: "BAU").appraise()
        #expect(result.horizonYears == 0)
        #expect(result.options[0].presentCost == .zero)
        #expect(result.options[0].benefitCostRatio == .noAdditionalCost)
    }

    @Test func errorsSayWhereAndWhy() {
        let error = AppraisalError(.notFinite, field: "options[2].streams[0].amounts[5]", reason: "not a number")
        #expect(error.description == "options[2].streams[0].amounts[5]: not a number")
    }
}

/// Optimism bias on business as usual, and its reason carried into the result.
@Suite struct OptimismBiasInTheCaseTests {
    @Test func biasOnBusinessAsUsualAndReasonsAreKept() throws {
        let outsourced = try OptimismBias(
            projectType: .outsourcing, capital: 0, operating: 0.2, reason: "Contract price fixed for five years")
        let bau = AppraisalOption(
            "BAU", streams: [CashStream("Contract", kind: .operatingCost, amounts: [million])],
            optimismBias: OptimismBias(upperBoundsFor: .outsourcing))
        let option = AppraisalOption(
            "Retender", streams: [CashStream("Contract", kind: .operatingCost, amounts: [million])],
            optimismBias: outsourced)
        let result = try EconomicCase(options: [bau, option], businessAsUsual: "BAU").appraise()
        #expect(result.options[0].presentOperatingCost == Money(pence: 141_000_000))
        #expect(result.options[1].presentOperatingCost == Money(pence: 120_000_000))
        #expect(result.options[1].netPresentSocialValue == Money(pence: 21_000_000))
        #expect(result.options[1].benefitCostRatio == .costSaving)
        #expect(result.options[1].optimismBias?.reason == "Contract price fixed for five years")
    }

    @Test func yearsBeyondTheCalendarAreRefused() throws {
        let index = try PriceIndex(baseYear: 2026, values: [2026: 100])
        let option = AppraisalOption(
            "A", streams: [CashStream("x", kind: .benefit, amounts: [million, million])])
        let model = EconomicCase(options: [option], businessAsUsual: "A", priceBasis: .nominal(index, firstYear: .max))
        #expect(throws: AppraisalError.self) { try model.appraise() }
    }

    @Test func outsourcingWithNoBiasNeedsAReason() throws {
        #expect(throws: AppraisalError.self) { try OptimismBias.none(for: .outsourcing, reason: "") }
        #expect(try OptimismBias.none(for: .outsourcing, reason: "Fixed price").operating == 0)
    }
}

/// A stated appraisal period: every option over the same years, longer streams refused.
@Suite struct AppraisalPeriodTests {
    @Test func statedPeriodPadsAndRefuses() throws {
        let option = AppraisalOption("A", streams: [CashStream("x", kind: .benefit, amounts: [million])])
        let result = try EconomicCase(options: [option], businessAsUsual: "A", years: 10).appraise()
        #expect(result.horizonYears == 10)
        #expect(result.discountFactors.count == 10)
        #expect(result.options[0].years.count == 10)
        let long = AppraisalOption("B", streams: [CashStream("x", kind: .benefit, amounts: [million, million])])
        do {
            _ = try EconomicCase(options: [option, long], businessAsUsual: "A", years: 1).appraise()
            Issue.record("a stream longer than the appraisal period was accepted")
        } catch {
            #expect(error.code == .horizonTooLong)
            #expect(error.field == "options[1].streams[0].amounts")
        }
        for years in [0, -5, 1_001] {
            #expect(throws: AppraisalError.self) {
                try EconomicCase(options: [option], businessAsUsual: "A", years: years).appraise()
            }
        }
    }
}
