import Foundation
import Testing

@testable import PopulationHealth

/// Worked examples from the methods' sources; `Benchmarks/validate-phstatsmethods.sh` checks thousands of
/// random cases against the PHStatsMethods package (UKHSA's PHEindicatormethods in Python) in the same run.
@Suite("Public-health statistics as Fingertips computes them")
struct PublicHealthStatisticsTests {
    @Test("the normal quantile to a double's precision")
    func normal() {
        #expect(abs(NormalDistribution.twoSided(0.95) - 1.959963984540054) < 1e-14)
        #expect(abs(NormalDistribution.twoSided(0.998) - 3.090232306167813) < 1e-13)
        #expect(abs(NormalDistribution.quantile(0.001) + 3.090232306167813) < 1e-13)
        #expect(abs(NormalDistribution.quantile(0.5)) < 1e-15)
    }

    @Test("Wilson: Newcombe and Altman's 81 of 263 is 25.53% to 36.62%")
    func wilson() throws {
        let interval = try WilsonInterval.of(count: 81, denominator: 263)
        #expect(abs(interval.lower - 0.2553) < 5e-5 && abs(interval.upper - 0.3662) < 5e-5)
        // The bounds stay inside [0, 1] at the edges.
        let none = try WilsonInterval.of(count: 0, denominator: 20)
        #expect(none.lower == 0 && abs(none.upper - 0.1611) < 5e-5)
        #expect(throws: StatisticInputError.self) { try WilsonInterval.of(count: 5, denominator: 4) }
        #expect(throws: StatisticInputError.self) { try WilsonInterval.of(count: .nan, denominator: 4) }
    }

    @Test(
        "exact Poisson limits below 10 (the tables' values), Byar's from 10",
        arguments: [(0.0, 0.0, 3.6889), (1, 0.0253, 5.5716), (5, 1.6235, 11.6683), (9, 4.1154, 17.0848)])
    func exact(count: Double, lower: Double, upper: Double) throws {
        let interval = try PoissonInterval.of(count: count)
        #expect(abs(interval.lower - lower) < 5e-5 && abs(interval.upper - upper) < 5e-5, "\(interval)")
    }

    @Test("Byar's approximation, by its formula, at 10 and 100")
    func byar() throws {
        let z = 1.959963984540054
        for count in [10.0, 100] {
            let interval = try PoissonInterval.of(count: count)
            #expect(abs(interval.lower - count * pow(1 - 1 / (9 * count) - z / (3 * count.squareRoot()), 3)) < 1e-9)
            #expect(
                abs(
                    interval.upper - (count + 1)
                        * pow(1 - 1 / (9 * (count + 1)) + z / (3 * (count + 1).squareRoot()), 3)) < 1e-9)
        }
        // Byar's is close to exact at 10: the exact lower limit for 10 is 4.7954.
        #expect(abs(try PoissonInterval.of(count: 10).lower - 4.7954) < 0.01)
        #expect(throws: StatisticInputError.self) { try PoissonInterval.of(count: -1) }
    }

    @Test("a DSR with the same rate in every band is that rate, whatever the weights; under 10 events, none")
    func dsr() throws {
        let standard = DirectlyStandardisedRate.europeanStandardPopulation2013
        #expect(standard.count == 19 && standard.reduce(0, +) == 100_000)
        let strata = standard.enumerated().map { index, weight in
            DirectlyStandardisedRate.Stratum(
                count: Double(index + 1) * 10, population: Double(index + 1) * 10_000, standard: weight)
        }
        let rate = try DirectlyStandardisedRate(strata: strata)
        #expect(abs(try #require(rate.value) - 100) < 1e-9)
        let interval = try #require(rate.interval)
        #expect(interval.lower < 100 && interval.upper > 100)
        let few = try DirectlyStandardisedRate(strata: [.init(count: 9, population: 1_000, standard: 1)])
        #expect(few.value == nil && few.interval == nil && few.count == 9)
        #expect(throws: StatisticInputError.self) {
            try DirectlyStandardisedRate(strata: [.init(count: 9, population: 0, standard: 1)])
        }
    }

    @Test("an indirectly standardised ratio: observed over expected, with the observed count's limits")
    func isr() throws {
        let ratio = try IndirectlyStandardisedRatio(
            observed: 30, populations: [1_000, 2_000], referenceRates: [0.01, 0.005], referenceValue: 100)
        #expect(ratio.expected == 20 && ratio.value == 150)
        let poisson = try PoissonInterval.of(count: 30)
        #expect(abs(ratio.interval.lower - poisson.lower / 20 * 100) < 1e-12)
    }
}
