import ConcordatCore
import Foundation
import Testing

@testable import Appraisal

/// Present values, NPSV and BCR against business as usual, worked by hand from the Green Book's schedule.
@Suite struct EconomicCaseTests {

    /// Business as usual: £1m a year of running costs for years 0–4. Option: £2m of standard-building capital
    /// in year 0 (+24% optimism bias), £0.8m a year of running costs, £0.5m a year of benefits in years 1–4.
    static func example() -> EconomicCase {
        let bau = AppraisalOption(
            "Business as usual",
            streams: [CashStream("Beds", kind: .operatingCost, amounts: Array(repeating: million, count: 5))])
        let option = AppraisalOption(
            "Home first",
            streams: [
                CashStream("Hub", kind: .capitalCost, amounts: [Money(pence: 200_000_000)]),
                CashStream(
                    "Teams", kind: .operatingCost, amounts: Array(repeating: Money(pence: 80_000_000), count: 5)),
                CashStream(
                    "Carers' time", kind: .benefit,
                    amounts: [.zero] + Array(repeating: Money(pence: 50_000_000), count: 4)),
            ],
            optimismBias: OptimismBias(upperBoundsFor: .standardBuildings))
        return EconomicCase(options: [bau, option], businessAsUsual: "Business as usual")
    }

    @Test func handWorkedExample() throws {
        let result = try Self.example().appraise()
        let bau = try #require(result.option(named: "Business as usual"))
        let option = try #require(result.option(named: "Home first"))
        // BAU: 1e8 × (1 + 1/1.035 + … + 1/1.035^4) = 467,307,920.86 pence.
        #expect(bau.presentCost == Money(pence: 467_307_921))
        #expect(bau.netPresentSocialValue == .zero)
        #expect(bau.benefitCostRatio == .noAdditionalCost)
        #expect(bau.isBusinessAsUsual)
        // Option: capital 2e8 × 1.24 in year 0; running 8e7 × annuity = 373,846,336.69; benefits 183,653,960.43.
        #expect(option.presentCapitalCost == Money(pence: 248_000_000))
        #expect(option.presentOptimismBias == Money(pence: 48_000_000))
        #expect(option.presentOperatingCost == Money(pence: 373_846_337))
        #expect(option.presentBenefit == Money(pence: 183_653_960))
        #expect(option.additionalPresentCost == Money(pence: 154_538_416))
        #expect(option.additionalPresentBenefit == Money(pence: 183_653_960))
        #expect(option.netPresentSocialValue == Money(pence: 29_115_544))
        let ratio = try #require(option.benefitCostRatio.value)
        #expect(abs(ratio - 183_653_960.0 / 154_538_416.0) < 1e-12)
        #expect(option.undiscountedCost == Money(pence: 648_000_000))
        #expect(option.undiscountedBenefit == Money(pence: 200_000_000))
        #expect(result.preferred?.name == "Home first")
        #expect(result.horizonYears == 5)
        #expect(option.years.count == 5)
        #expect(option.years[0].capitalCost == 248_000_000)
        // The table adds up to the penny.
        #expect(option.presentCost + bau.presentCost - bau.presentCost == option.presentCost)
        #expect(option.netPresentValue == option.presentBenefit - option.presentCost)
    }

    @Test func businessAsUsualIsPreferredWhenEveryOptionLosesValue() throws {
        var model = Self.example()
        model.options[1].streams[2].amounts = []
        let result = try model.appraise()
        #expect(result.option(named: "Home first")!.netPresentSocialValue.pence < 0)
        #expect(result.preferred?.name == "Business as usual")
    }

    @Test func benefitCostRatioWhenCostsDoNotRise() throws {
        let bau = AppraisalOption(
            "BAU", streams: [CashStream("Running", kind: .operatingCost, amounts: [million, million])])
        let same = AppraisalOption(
            "Same cost",
            streams: [
                CashStream("Running", kind: .operatingCost, amounts: [million, million]),
                CashStream("Benefit", kind: .benefit, amounts: [.zero, million]),
            ])
        let cheaper = AppraisalOption(
            "Cheaper", streams: [CashStream("Running", kind: .operatingCost, amounts: [million, .zero])])
        let result = try EconomicCase(options: [bau, same, cheaper], businessAsUsual: "BAU").appraise()
        #expect(result.option(named: "Same cost")!.benefitCostRatio == .noAdditionalCost)
        #expect(result.option(named: "Same cost")!.benefitCostRatio.value == nil)
        #expect(result.option(named: "Same cost")!.netPresentSocialValue == Money(pence: 96_618_357))
        #expect(result.option(named: "Cheaper")!.benefitCostRatio == .costSaving)
        #expect(result.option(named: "Cheaper")!.netPresentSocialValue == Money(pence: 96_618_357))
    }

    /// Each present value is rounded once, to the penny, ties to even: 3p × 1.5 = 4.5p → 4p; 5p × 1.5 → 8p.
    @Test func roundsHalfToEvenOnce() throws {
        let bias = try OptimismBias(projectType: .standardBuildings, capital: 0.5, operating: 0)
        func present(_ pence: Int64) throws -> Money {
            let option = AppraisalOption(
                "A", streams: [CashStream("Kit", kind: .capitalCost, amounts: [Money(pence: pence)])],
                optimismBias: bias)
            return try EconomicCase(options: [option], businessAsUsual: "A").appraise().options[0].presentCapitalCost
        }
        #expect(try present(3) == Money(pence: 4))
        #expect(try present(5) == Money(pence: 8))
        #expect(try present(1) == Money(pence: 2))
    }

    @Test func healthBenefitsAreDiscountedAtTheHealthRate() throws {
        let qalys = Array(repeating: Money(pence: 7_000_000), count: 31)  // one QALY at £70,000 a year
        let option = AppraisalOption("Prevent", streams: [CashStream("QALYs", kind: .healthBenefit, amounts: qalys)])
        let bau = AppraisalOption("BAU", streams: [])
        let result = try EconomicCase(options: [bau, option], businessAsUsual: "BAU").appraise()
        let expected = (0...30).reduce(0.0) { $0 + 7_000_000 / power(1.015, $1) }
        #expect(result.options[1].presentHealthBenefit == Money(pence: Int64(expected.rounded())))
        #expect(result.options[1].presentMonetisedBenefit == .zero)
        #expect(abs(result.healthDiscountFactors[30] - 1 / power(1.015, 30)) < 1e-15)
    }

    @Test func nominalStreamsAreTurnedIntoBaseYearPrices() throws {
        let index = try PriceIndex(baseYear: 2026, values: [2026: 100, 2027: 110])
        let option = AppraisalOption(
            "A",
            streams: [CashStream("Staff", kind: .operatingCost, amounts: [Money(pence: 1_000), Money(pence: 1_100)])])
        let model = EconomicCase(
            options: [option], businessAsUsual: "A", priceBasis: .nominal(index, firstYear: 2026))
        let result = try model.appraise()
        // 1,000p now + (1,100p × 100/110 = 1,000p real) / 1.035 = 1,966.18p.
        #expect(result.options[0].presentOperatingCost == Money(pence: 1_966))
        #expect(result.options[0].undiscountedCost == Money(pence: 2_000))
        let missing = EconomicCase(
            options: [option], businessAsUsual: "A", priceBasis: .nominal(index, firstYear: 2027))
        #expect(throws: AppraisalError.self) { try missing.appraise() }
    }

    @Test func twoHundredYearHorizon() throws {
        let amounts = Array(repeating: Money(pence: 100_000), count: 200)
        let option = AppraisalOption("Long", streams: [CashStream("Upkeep", kind: .operatingCost, amounts: amounts)])
        let result = try EconomicCase(options: [option], businessAsUsual: "Long").appraise()
        let factors = try DiscountSchedule.standard.factors(through: 199)
        let expected = factors.reduce(0) { $0 + 100_000 * $1 }
        #expect(result.options[0].presentOperatingCost == Money(pence: Int64(expected.rounded(.toNearestOrEven))))
        #expect(result.horizonYears == 200)
    }

    @Test func shorterStreamsArePaddedWithZero() throws {
        let a = AppraisalOption("A", streams: [CashStream("x", kind: .benefit, amounts: [million])])
        let b = AppraisalOption("B", streams: [CashStream("x", kind: .benefit, amounts: [.zero, .zero, million])])
        let result = try EconomicCase(options: [a, b], businessAsUsual: "A").appraise()
        #expect(result.horizonYears == 3)
        #expect(result.options[1].presentBenefit == Money(pence: 93_351_070))
        #expect(result.options[1].netPresentSocialValue == Money(pence: 93_351_070 - 100_000_000))
    }

    @Test func exactNetPresentSocialValueIsUnrounded() throws {
        let value = try Self.example().exactNetPresentSocialValue(of: "Home first")
        #expect(abs(value - 29_115_544) < 1)
        #expect(throws: AppraisalError.self) { try Self.example().exactNetPresentSocialValue(of: "Nope") }
    }
}

/// The results encode to JSON for the case's export, totals and ratio included.
@Suite struct AppraisalEncodingTests {
    @Test func economicCaseEncodes() throws {
        let result = try EconomicCaseTests.example().appraise()
        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(json.contains("\"netPresentSocialValue\":{\"pence\":29115544}"))
        #expect(json.contains("\"kind\":\"ratio\""))
        #expect(json.contains("\"kind\":\"noAdditionalCost\""))
        #expect(json.contains("\"projectType\":\"standardBuildings\""))
    }

    @Test func sensitivityAndBreachEncode() throws {
        let model = try SensitivityModel(
            parameters: [UncertainParameter("x", low: 0, central: 1, high: 3)],
            netPresentSocialValue: { try $0("x") - 2 })
        let bars = String(decoding: try JSONEncoder().encode(try Tornado(model)), as: UTF8.self)
        #expect(bars.contains("\"swing\":3"))
        let switching = String(
            decoding: try JSONEncoder().encode(try SwitchingValue(of: "x", in: model)), as: UTF8.self)
        #expect(switching.contains("\"value\":2"))
        let none = try SwitchingValue(of: "x", in: model, range: 0...1)
        #expect(!String(decoding: try JSONEncoder().encode(none), as: UTF8.self).contains("\"value\""))
        let breach = try BreachProbability(netCosts: [Money(pence: 5), .zero], headroom: Money(pence: 1))
        #expect(String(decoding: try JSONEncoder().encode(breach), as: UTF8.self).contains("\"probability\":0.5"))
    }
}
