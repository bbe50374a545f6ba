import Testing

@testable import PopulationHealth

@Suite("The slope index of inequality")
struct SlopeIndexOfInequalityTests {
    @Test("a straight line across the ranks is recovered exactly, whatever the populations")
    func straightLine() throws {
        let populations = [1_000.0, 3_000, 2_000, 500, 3_500]
        let total = populations.reduce(0, +)
        var below = 0.0
        let quantiles = populations.map { population -> SlopeIndexOfInequality.Quantile in
            let rank = (below + population / 2) / total
            below += population
            return .init(population: population, value: 70 + 12 * rank)
        }
        let sii = try SlopeIndexOfInequality(quantiles: quantiles)
        #expect(abs(sii.sii - 12) < 1e-12)
        #expect(abs(sii.intercept - 70) < 1e-12)
        #expect(abs(sii.ranks[0] - 0.05) < 1e-15)
        #expect(abs(sii.ranks[4] - (6_500 + 1_750) / 10_000) < 1e-15)
    }

    @Test("worked by hand: two equal halves at 80 and 70 give an SII of −20 and an RII of −20/75")
    func twoHalves() throws {
        // Ranks 0.25 and 0.75; the line through (0.25, 80) and (0.75, 70) has slope −20.
        let sii = try SlopeIndexOfInequality(quantiles: [
            .init(population: 5, value: 80), .init(population: 5, value: 70),
        ])
        #expect(abs(sii.sii + 20) < 1e-12)
        #expect(abs(sii.intercept - 85) < 1e-12)
        #expect(abs(try #require(sii.rii) + 20.0 / 75) < 1e-12)
    }

    @Test("bad quantiles are refused")
    func refusals() {
        #expect(throws: StatisticInputError.self) {
            try SlopeIndexOfInequality(quantiles: [.init(population: 1, value: 1)])
        }
        #expect(throws: StatisticInputError.self) {
            try SlopeIndexOfInequality(quantiles: [.init(population: 0, value: 1), .init(population: 1, value: 2)])
        }
        #expect(throws: StatisticInputError.self) {
            try SlopeIndexOfInequality(quantiles: [.init(population: 1, value: .nan), .init(population: 1, value: 2)])
        }
        #expect(throws: StatisticInputError.self) {
            try SlopeIndexOfInequality(quantiles: [
                .init(population: .infinity, value: 1), .init(population: 1, value: 2),
            ])
        }
    }
}
