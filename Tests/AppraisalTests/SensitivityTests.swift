import ConcordatCore
import Foundation
import Testing

@testable import Appraisal

/// Tornado and switching values over an economic case built from parameter values.
@Suite struct SensitivityTests {
    /// £5m of equipment in year 0 (optimism bias recorded as none, with its reason), then benefits of
    /// x × £1m a year in years 1–10, against a business as usual with nothing: NPSV(x) = x × £1m × A − £5m,
    /// where A = Σ 1/1.035^t for t = 1…10 = 8.316605.
    static func model(
        _ values: ParameterValues, schedule: DiscountSchedule = .standard
    ) throws -> EconomicCase {
        let share = try values("benefit per year (£m)")
        let cost = try values("capital cost (£m)")
        let bias = try OptimismBias.none(for: .equipmentAndDevelopment, reason: "Price fixed by contract")
        let option = AppraisalOption(
            "Invest",
            streams: [
                CashStream("Kit", kind: .capitalCost, amounts: [Money(pence: Int64((cost * 1e8).rounded()))]),
                CashStream(
                    "Benefit", kind: .benefit,
                    amounts: [.zero] + Array(repeating: Money(pence: Int64((share * 1e8).rounded())), count: 10)),
            ], optimismBias: bias)
        return EconomicCase(
            options: [AppraisalOption("BAU", streams: []), option], businessAsUsual: "BAU", schedule: schedule)
    }

    static func sensitivity() throws -> SensitivityModel {
        try SensitivityModel(
            parameters: [
                UncertainParameter("benefit per year (£m)", low: 0.4, central: 1, high: 1.2),
                UncertainParameter("capital cost (£m)", low: 4, central: 5, high: 8),
            ],
            netPresentSocialValue: { try model($0).exactNetPresentSocialValue(of: "Invest") })
    }

    static let annuity = (1...10).reduce(0.0) { $0 + 1 / power(1.035, $1) }

    @Test func switchingValueOfALinearParameterIsExact() throws {
        let value = try SwitchingValue(of: "benefit per year (£m)", in: Self.sensitivity())
        let found = try #require(value.value)
        // By hand: 5 / 8.316605 = 0.601207.
        #expect(abs(found - 5 / Self.annuity) < 1e-9)
        #expect((found * 1e6).rounded() / 1e6 == 0.601207)
        #expect(abs(try #require(value.changeFromCentral) - (5 / Self.annuity - 1)) < 1e-9)
    }

    @Test func noSwitchingValueInRange() throws {
        let value = try SwitchingValue(of: "capital cost (£m)", in: Self.sensitivity())
        #expect(value.outcome == .noneInRange)
        #expect(value.value == nil)
        #expect(value.changeFromCentral == nil)
        // A wider range finds it: capital = benefits' present value, £8.316605m.
        let wider = try SwitchingValue(of: "capital cost (£m)", in: Self.sensitivity(), range: 0...20)
        #expect(abs(try #require(wider.value) - Self.annuity) < 1e-6)
    }

    /// A non-linear parameter (the discount rate): the switching value is the internal rate of return of
    /// −£5m then £1m a year for 10 years, 15.0984% (annuity factor 5 at that rate).
    @Test func switchingValueByBisectionIsTheInternalRateOfReturn() throws {
        let model = try SensitivityModel(
            parameters: [UncertainParameter("discount rate", low: 0, central: 0.035, high: 0.5)],
            netPresentSocialValue: { values in
                let rate = try values("discount rate")
                let central = ParameterValues(["benefit per year (£m)": 1, "capital cost (£m)": 5])
                return try Self.model(central, schedule: try .constant(rate)).exactNetPresentSocialValue(of: "Invest")
            })
        let value = try #require(try SwitchingValue(of: "discount rate", in: model).value)
        #expect(abs(value - 0.150_984_14) < 1e-7)
        let annuity = (1...10).reduce(0.0) { $0 + 1 / power(1 + value, $1) }
        #expect(abs(annuity - 5) < 1e-6)
    }

    @Test func tornadoIsSortedBySwing() throws {
        let tornado = try Tornado(Self.sensitivity())
        #expect(abs(tornado.central - (1e8 * Self.annuity - 5e8)) < 1)
        #expect(tornado.bars.map(\.parameter) == ["benefit per year (£m)", "capital cost (£m)"])
        // Benefit: 0.4…1.2 → swing 0.8 × £1m × 8.3166 = £6.65m; capital: 4…8 → £4m.
        #expect(abs(tornado.bars[0].swing - 0.8e8 * Self.annuity) < 1)
        #expect(abs(tornado.bars[1].swing - 4e8) < 1)
        #expect(abs(tornado.bars[1].atLow - (1e8 * Self.annuity - 4e8)) < 1)
        #expect(abs(tornado.bars[1].atHigh - (1e8 * Self.annuity - 8e8)) < 1)
    }

    @Test func tornadoTiesKeepTheGivenOrder() throws {
        let model = try SensitivityModel(
            parameters: [
                UncertainParameter("c", low: 0, central: 1, high: 2),
                UncertainParameter("a", low: 0, central: 1, high: 2),
                UncertainParameter("b", low: 0, central: 1, high: 5),
            ],
            netPresentSocialValue: { try $0("a") + $0("b") + $0("c") })
        #expect(try Tornado(model).bars.map(\.parameter) == ["b", "c", "a"])
    }

    @Test func hostileSensitivityInputs() throws {
        #expect(throws: AppraisalError.self) { try UncertainParameter("x", low: 2, central: 1, high: 3) }
        #expect(throws: AppraisalError.self) { try UncertainParameter("x", low: .nan, central: 1, high: 3) }
        #expect(throws: AppraisalError.self) { try UncertainParameter(" ", low: 0, central: 1, high: 3) }
        #expect(throws: AppraisalError.self) { try SensitivityModel(parameters: [], netPresentSocialValue: { _ in 0 }) }
        let x = try UncertainParameter("x", low: 0, central: 1, high: 2)
        #expect(throws: AppraisalError.self) {
            try SensitivityModel(parameters: [x, x], netPresentSocialValue: { _ in 0 })
        }
        struct Broken: Error {}
        let broken = try SensitivityModel(parameters: [x], netPresentSocialValue: { _ in throw Broken() })
        #expect(throws: AppraisalError.self) { try Tornado(broken) }
        let nan = try SensitivityModel(parameters: [x], netPresentSocialValue: { try $0("x") > 1.5 ? .nan : 1 })
        do {
            _ = try Tornado(nan)
            Issue.record("a model giving NaN was accepted")
        } catch {
            #expect(error.code == .notFinite)
            #expect(error.field == "parameters[x]")
        }
        let typo = try SensitivityModel(parameters: [x], netPresentSocialValue: { try $0("y") })
        do {
            _ = try Tornado(typo)
            Issue.record("a model reading an unknown parameter was accepted")
        } catch {
            #expect(error.code == .invalidInterval)
        }
        let fine = try SensitivityModel(parameters: [x], netPresentSocialValue: { try $0("x") - 1 })
        #expect(throws: AppraisalError.self) { try SwitchingValue(of: "nope", in: fine) }
        #expect(throws: AppraisalError.self) { try SwitchingValue(of: "x", in: fine, range: 0...Double.infinity) }
        #expect(throws: AppraisalError.self) {
            try SwitchingValue(
                of: "x", in: fine, range: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
        }
        #expect(try SwitchingValue(of: "x", in: fine).value == 1)
        #expect(try SwitchingValue(of: "x", in: fine, range: 1...1).value == 1)
    }
}
