import Foundation
import Testing

@testable import PopulationHealth

@Suite("Funnel plots as Fingertips and Spiegelhalter draw them")
struct FunnelTests {
    /// Fingertips' proportion limits, from PHStatsMethods 0.1.16 (`utils_funnel.sigma_adjustment`, UKHSA's
    /// port of PHEindicatormethods): (denominator, average, [low 95, high 95, low 99.8, high 99.8]).
    static let fingertipsLimits: [(Double, Double, [Double])] = [
        (1000, 0.12, [0.09985904541822059, 0.1401409545817794, 0.0882441978441358, 0.15175580215586418]),
        (50, 0.3, [0.17297981637977633, 0.42702018362022365, 0.09973005725883474, 0.5002699427411652]),
        (20000, 0.05, [0.0469794926420964, 0.053020507357903625, 0.04523763217485804, 0.05476236782514196]),
        // At 99.8% the formula runs past 0 and 1 for 7 people; Fingertips' table clips to 0…100%.
        (7, 0.5, [0.12960162273312667, 0.8703983772668734, 0, 1]),
    ]

    @Test("proportion limits match Fingertips' (PHStatsMethods) to 1e-9", arguments: fingertipsLimits)
    func proportionLimits(denominator: Double, average: Double, expected: [Double]) throws {
        let funnel = try ProportionFunnel(average: average)
        let limits = try #require(funnel.limits(denominator: denominator))
        let got = [limits.inner.lowerBound, limits.inner.upperBound, limits.outer.lowerBound, limits.outer.upperBound]
        for (value, reference) in zip(got, expected) { #expect(abs(value - reference) < 1e-9, "\(got) vs \(expected)") }
    }

    @Test("proportion significance matches PHStatsMethods' assign_funnel_significance")
    func proportionSignificance() throws {
        // PHStatsMethods on n = [10, 120, 60, 300, 5] of d = [1000, 1000, 500, 2000, 100]:
        // Low (0.001), Not significant, Not significant, High (0.001), Not significant.
        let units = zip([10.0, 120, 60, 300, 5], [1000.0, 1000, 500, 2000, 100]).map {
            ProportionFunnel.Unit(count: $0, denominator: $1)
        }
        let funnel = try ProportionFunnel(units: units)
        #expect(abs(funnel.average - 495.0 / 4600) < 1e-15)
        #expect(
            units.map { funnel.significance(of: $0) }
                == [.low998, .notSignificant, .notSignificant, .high998, .notSignificant])
        #expect(FunnelSignificance.low998.label == "Low (0.001)")
    }

    @Test("ratio significance matches PHStatsMethods' assign_funnel_significance (exact below 10, Byar from 10)")
    func ratioSignificance() throws {
        // PHStatsMethods on observed [3, 12, 40, 100, 7], expected [10, 8.5, 30.2, 130, 2.1]:
        // Low (0.025), Not significant, Not significant, Low (0.025), High (0.025).
        let units = zip([3.0, 12, 40, 100, 7], [10.0, 8.5, 30.2, 130, 2.1]).map {
            RatioFunnel.Unit(observed: $0, expected: $1)
        }
        #expect(
            try units.map { try RatioFunnel.ratios.significance(of: $0) }
                == [.low95, .notSignificant, .notSignificant, .low95, .high95])
    }

    @Test("bad units are refused with the unit named, never a trap")
    func refusals() throws {
        #expect(throws: StatisticInputError.self) { try ProportionFunnel(units: []) }
        #expect(throws: StatisticInputError.self) {
            try ProportionFunnel(units: [.init(count: 5, denominator: 4)])
        }
        #expect(throws: StatisticInputError.self) {
            try ProportionFunnel(units: [.init(count: .nan, denominator: 4)])
        }
        #expect(throws: StatisticInputError.self) { try ProportionFunnel(average: 1.5) }
        #expect(throws: StatisticInputError.self) {
            try RatioFunnel.ratios.significance(of: .init(observed: 3, expected: 0))
        }
        #expect(throws: StatisticInputError.self) {
            try RatioFunnel.rates([.init(observed: -1, expected: 10)])
        }
        #expect(throws: StatisticInputError.self) {
            try OverdispersedFunnel(units: [.init(numerator: 1, denominator: 2)], measure: .proportion)
        }
        #expect(throws: StatisticInputError.self) {
            try OverdispersedFunnel(
                units: [.init(numerator: 0, denominator: 2), .init(numerator: 1, denominator: 2)],
                measure: .standardisedRatio)
        }
        #expect(throws: StatisticInputError.self) {
            try OverdispersedFunnel(
                units: [.init(numerator: 1, denominator: 2), .init(numerator: 1, denominator: 2)],
                measure: .proportion, winsorise: 0.5)
        }
        #expect(ProportionFunnel.Unit(count: 1, denominator: 0).denominator == 0)
        #expect(try ProportionFunnel(average: 0.2).limits(denominator: 0) == nil)
    }

    @Test("τ² worked by hand: three ratios of z = −1, 0 and 2 with 100 expected each")
    func additiveWorkedExample() throws {
        // On the log scale s = 1/√E = 0.1, so O = 100·e^(z/10) gives z-scores −1, 0 and 2.
        let units = [-1.0, 0, 2].map { OverdispersedFunnel.Unit(numerator: 100 * exp($0 / 10), denominator: 100) }
        let funnel = try OverdispersedFunnel(units: units, measure: .standardisedRatio, winsorise: 0)
        // φ = (1 + 0 + 4)/3; w = 100 each: Σw = 300, Σw²/Σw = 100; τ² = (3φ − 2)/(300 − 100) = 3/200.
        #expect(abs(funnel.phi - 5.0 / 3) < 1e-12)
        #expect(abs(funnel.tau2 - 0.015) < 1e-12)
        // Limits at E = 100: exp(±z·√(0.01 + 0.015)).
        let limits = try #require(funnel.limits(denominator: 100))
        #expect(abs(limits.inner.upperBound - exp(1.959964 * 0.025.squareRoot())) < 1e-5)
        #expect(abs(limits.outer.lowerBound - exp(-3.090232 * 0.025.squareRoot())) < 1e-5)
        // Multiplicative: exp(±z·0.1·√φ).
        let multiplicative = try OverdispersedFunnel(
            units: units, measure: .standardisedRatio, adjustment: .multiplicative, winsorise: 0)
        let wider = try #require(multiplicative.limits(denominator: 100))
        #expect(abs(wider.inner.upperBound - exp(1.959964 * 0.1 * (5.0 / 3).squareRoot())) < 1e-5)
    }

    @Test("with no variation beyond chance, τ² is 0 and the additive limits are the unadjusted ones")
    func noOverdispersion() throws {
        let units = [1000.0, 4000, 250, 9000].map { OverdispersedFunnel.Unit(numerator: $0 * 0.2, denominator: $0) }
        let additive = try OverdispersedFunnel(units: units, measure: .proportion)
        let plain = try OverdispersedFunnel(units: units, measure: .proportion, adjustment: .none)
        #expect(additive.tau2 == 0)
        #expect(abs(additive.target - 0.2) < 1e-12)
        let n = 2_000.0
        #expect(additive.limits(denominator: n)! == plain.limits(denominator: n)!)
        // Unadjusted on the arcsine scale: sin²(asin √0.2 ± 1.959964/(2√n)).
        let expected = sin(asin(0.2.squareRoot()) + 1.959964 / (2 * n.squareRoot()))
        #expect(abs(plain.limits(denominator: n)!.inner.upperBound - expected * expected) < 1e-6)
    }

    @Test("Winsorising at 10% means an extreme unit moves φ no further than the 90th percentile's z")
    func winsorisationBoundsAnOutlier() throws {
        func funnel(outlier: Double) throws -> OverdispersedFunnel {
            var units = (1...9).map {
                OverdispersedFunnel.Unit(numerator: 100 * exp(Double($0 - 5) / 50), denominator: 100)
            }
            units.append(.init(numerator: outlier, denominator: 100))
            return try OverdispersedFunnel(units: units, measure: .standardisedRatio)
        }
        // With the tenth unit beyond every other, its z-score is pulled to the type-7 90th percentile, which
        // lies between the ninth and tenth order statistics; moving it further out changes φ, but boundedly,
        // and far less than unwinsorised.
        let far = try funnel(outlier: 400)
        let further = try funnel(outlier: 4_000)
        #expect(further.phi > far.phi)
        let raw = try OverdispersedFunnel(
            units: (1...9).map { .init(numerator: 100 * exp(Double($0 - 5) / 50), denominator: 100) }
                + [.init(numerator: 4_000, denominator: 100)], measure: .standardisedRatio, winsorise: 0)
        #expect(raw.phi > 10 * further.phi)
        // Type-7 quantile of 1…10 at 0.9 is 9.1.
        #expect(abs(OverdispersedFunnel.quantile((1...10).map(Double.init), 0.9) - 9.1) < 1e-12)
        #expect(abs(OverdispersedFunnel.quantile((1...10).map(Double.init), 0.1) - 1.9) < 1e-12)
    }
}
