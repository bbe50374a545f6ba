import ConcordatCore
import Testing

@testable import Appraisal

/// Partners' cash against budget, and the probability of breaching a headroom over simulated runs.
@Suite struct FinancialCaseTests {
    @Test func cashByYearAgainstBudget() throws {
        let council = PartnerCashFlow(
            partner: "County council", firstYear: 2027,
            cash: [million, Money(pence: 200_000_000), Money(pence: 300_000_000)],
            budget: Array(repeating: Money(pence: 200_000_000), count: 3))
        let trust = PartnerCashFlow(
            partner: "Community trust", firstYear: 2027, cash: [Money(pence: -50_000_000), .zero, .zero],
            budget: [.zero, .zero, .zero])
        let positions = try FinancialCase(partners: [council, trust]).positions()
        #expect(positions.map(\.partner) == ["County council", "Community trust"])
        let years = positions[0].years
        #expect(years.map(\.year) == [2027, 2028, 2029])
        #expect(years.map(\.headroom) == [million, .zero, Money(pence: -100_000_000)])
        #expect(years.map(\.isOverBudget) == [false, false, true])
        #expect(positions[0].yearsOverBudget == [2029])
        #expect(positions[0].totalCash == Money(pence: 600_000_000))
        #expect(positions[0].totalBudget == Money(pence: 600_000_000))
        #expect(years[1].cumulativeCash == Money(pence: 300_000_000))
        #expect(positions[1].yearsOverBudget.isEmpty)
        #expect(positions[1].totalCash == Money(pence: -50_000_000))
    }

    @Test func breachProbabilityCountsRunsAboveTheHeadroom() throws {
        let runs = (1...1_000).map { Money(pence: Int64($0)) }
        let estimate = try BreachProbability(netCosts: runs, headroom: Money(pence: 900))
        #expect(estimate.runs == 1_000)
        #expect(estimate.breaches == 100)  // 901…1000; a run of exactly 900 is not a breach
        #expect(estimate.probability == 0.1)
        #expect(estimate.interval.contains(0.1))
        let none = try BreachProbability(netCosts: runs, headroom: Money(pence: 1_000))
        #expect(none.breaches == 0)
        #expect(none.interval.lowerBound == 0)
        let all = try BreachProbability(netCosts: runs, headroom: .zero)
        #expect(all.probability == 1)
    }

    /// Wilson score intervals from Newcombe, R. G., "Two-sided confidence intervals for the single
    /// proportion", *Statistics in Medicine* 17 (1998), 857–872, Table II, method 3.
    @Test func wilsonIntervalMatchesNewcombe() throws {
        func interval(_ breaches: Int, of runs: Int) throws -> ClosedRange<Double> {
            let costs = (0..<runs).map { Money(pence: $0 < breaches ? 2 : 0) }
            return try BreachProbability(netCosts: costs, headroom: Money(pence: 1)).interval
        }
        func fourPlaces(_ range: ClosedRange<Double>) -> [Double] {
            [range.lowerBound, range.upperBound].map { ($0 * 10_000).rounded() / 10_000 }
        }
        #expect(fourPlaces(try interval(81, of: 263)) == [0.2553, 0.3662])
        #expect(fourPlaces(try interval(15, of: 148)) == [0.0624, 0.1605])
        #expect(fourPlaces(try interval(0, of: 20)) == [0, 0.1611])
        #expect(fourPlaces(try interval(1, of: 29)) == [0.0061, 0.1718])
    }

    @Test func hostileFinancialInputs() {
        #expect(throws: AppraisalError.self) { try BreachProbability(netCosts: [], headroom: .zero) }
        #expect(throws: AppraisalError.self) { try BreachProbability(netCosts: [.zero], headroom: Money(pence: -1)) }
        #expect(throws: AppraisalError.self) {
            try BreachProbability(netCosts: [.zero, Money(pence: .max)], headroom: .zero)
        }
        #expect(throws: AppraisalError.self) {
            try BreachProbability(netCosts: [.zero], headroom: Money(pence: .max))
        }
        #expect(throws: AppraisalError.self) { try FinancialCase(partners: []).positions() }
        let flow = PartnerCashFlow(partner: "A", firstYear: 2027, cash: [million], budget: [million])
        #expect(throws: AppraisalError.self) { try FinancialCase(partners: [flow, flow]).positions() }
        var blank = flow
        blank.partner = "  "
        #expect(throws: AppraisalError.self) { try FinancialCase(partners: [blank]).positions() }
        var short = flow
        short.budget = []
        do {
            _ = try FinancialCase(partners: [short]).positions()
            Issue.record("a budget shorter than the cash was accepted")
        } catch {
            #expect(error.field == "partners[0].budget")
        }
        var negative = flow
        negative.budget = [Money(pence: -1)]
        #expect(throws: AppraisalError.self) { try FinancialCase(partners: [negative]).positions() }
        var huge = flow
        huge.cash = [Money(pence: .min)]
        do {
            _ = try FinancialCase(partners: [huge]).positions()
            Issue.record("an amount beyond the input limit was accepted")
        } catch {
            #expect(error.code == .amountOutOfRange)
            #expect(error.field == "partners[0].cash[0]")
        }
        var long = flow
        long.cash = Array(repeating: .zero, count: 101)
        long.budget = long.cash
        #expect(throws: AppraisalError.self) { try FinancialCase(partners: [long]).positions() }
        var farYear = flow
        farYear.firstYear = .max
        #expect(throws: AppraisalError.self) { try FinancialCase(partners: [farYear]).positions() }
    }
}
