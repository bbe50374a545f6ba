import Foundation
import Testing

@testable import PopulationHealth

@Suite("Choosing the funnel by Spiegelhalter's overdispersion test")
struct ComparisonFunnelTests {
    @Test("χ² upper 5% points by Wilson–Hilferty are within 0.5% of the tables' (1 df exact)")
    func chiSquare() {
        // Upper 5% points of χ² (Pearson & Hartley, Biometrika Tables): 1 df 3.841, 4 df 9.488, 10 df 18.307,
        // 44 df 60.481, 100 df 124.342.
        for (k, table) in [(1, 3.841), (4, 9.488), (10, 18.307), (44, 60.481), (100, 124.342)] {
            let value = ComparisonFunnel.chiSquareUpper5Percent(degreesOfFreedom: k)
            #expect(abs(value - table) / table < 0.005, "\(k) df: \(value) against \(table)")
        }
    }

    @Test("units varying only by chance keep the binomial limits, and the label says so")
    func binomialWhenNotOverdispersed() throws {
        let units = [5_000.0, 12_000, 8_000, 20_000, 3_000].map {
            OverdispersedFunnel.Unit(numerator: ($0 * 0.08).rounded(), denominator: $0)
        }
        let model = try ComparisonFunnel(proportions: units)
        #expect(!model.overdispersed)
        #expect(model.funnel.adjustment == .none)
        #expect(model.label.contains("binomial without overdispersion"))
        #expect(model.label.contains("10% winsorised"))
    }

    @Test("PCN-sized units that differ for real get additive limits, which flag fewer units than binomial ones")
    func additiveWhenOverdispersed() throws {
        // Twenty units of 20,000–58,000 people whose true rates run from 6% to 10%: real variation.
        let units = (0..<20).map { index -> OverdispersedFunnel.Unit in
            let n = 20_000 + Double(index) * 2_000
            let rate = 0.06 + 0.04 * Double((index * 7) % 20) / 19
            return .init(numerator: (n * rate).rounded(), denominator: n)
        }
        let model = try ComparisonFunnel(proportions: units)
        #expect(model.overdispersed)
        #expect(model.funnel.adjustment == .additive)
        #expect(model.funnel.phi > 3)
        #expect(model.label.contains("additive random-effects overdispersion"))
        #expect(model.label.contains(String(format: "φ = %.1f", model.funnel.phi)))
        let plain = try OverdispersedFunnel(units: units, measure: .proportion, adjustment: .none)
        func flagged(_ funnel: OverdispersedFunnel) -> Int {
            units.filter { [.high998, .low998].contains(funnel.significance(of: $0)) }.count
        }
        #expect(flagged(plain) > units.count / 2)
        #expect(flagged(model.funnel) < flagged(plain))
    }

    @Test("hostile units are refused: one unit, a numerator above its denominator, NaN")
    func refusals() {
        #expect(throws: StatisticInputError.self) {
            try ComparisonFunnel(proportions: [.init(numerator: 1, denominator: 10)])
        }
        #expect(throws: StatisticInputError.self) {
            try ComparisonFunnel(proportions: [
                .init(numerator: 11, denominator: 10), .init(numerator: 1, denominator: 10),
            ])
        }
        #expect(throws: StatisticInputError.self) {
            try ComparisonFunnel(proportions: [
                .init(numerator: .nan, denominator: 10), .init(numerator: 1, denominator: 10),
            ])
        }
    }
}
