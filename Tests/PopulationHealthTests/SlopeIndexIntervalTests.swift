import Foundation
import Testing

@testable import PopulationHealth

@Suite("The slope index of inequality's confidence interval")
struct SlopeIndexIntervalTests {
    static let halves: [SlopeIndexOfInequality.Quantile] = [
        .init(population: 5, value: 80), .init(population: 5, value: 70),
    ]

    @Test("worked by hand: two halves at 80 and 70, standard errors 1, give −20 ± 1.96·√8")
    func analyticByHand() throws {
        // Ranks 0.25 and 0.75 (mean 0.5); Σa(b − b̄)² = 0.0625, so c = (−2, 2) and SE = √(4 + 4).
        let interval = try SlopeIndexOfInequality.analyticInterval(quantiles: Self.halves, standardErrors: [1, 1])
        #expect(abs(interval.lower - (-20 - 1.959964 * 8.0.squareRoot())) < 1e-5)
        #expect(abs(interval.upper - (-20 + 1.959964 * 8.0.squareRoot())) < 1e-5)
        #expect(interval.confidence == 0.95)
    }

    @Test("on the normal scale the simulation converges on the exact interval, and repeats for a seed")
    func simulationMatchesAnalytic() throws {
        let quantiles = zip([1_200.0, 900, 1_100, 1_000, 800, 1_300, 950, 1_050, 1_000, 700], 0..<10).map {
            SlopeIndexOfInequality.Quantile(population: $0.0, value: 150 - 6 * Double($0.1))
        }
        let errors = (0..<10).map { 2 + Double($0) / 5 }
        let exact = try SlopeIndexOfInequality.analyticInterval(quantiles: quantiles, standardErrors: errors)
        let simulated = try SlopeIndexOfInequality.simulatedInterval(
            quantiles: quantiles, standardErrors: errors, scale: .normal)
        let width = exact.upper - exact.lower
        #expect(abs(simulated.lower - exact.lower) < 0.02 * width, "\(simulated) against \(exact)")
        #expect(abs(simulated.upper - exact.upper) < 0.02 * width, "\(simulated) against \(exact)")
        let again = try SlopeIndexOfInequality.simulatedInterval(
            quantiles: quantiles, standardErrors: errors, scale: .normal)
        #expect(again == simulated)
        let other = try SlopeIndexOfInequality.simulatedInterval(
            quantiles: quantiles, standardErrors: errors, scale: .normal, seed: 2)
        #expect(other != simulated)
    }

    @Test("a rate's interval, simulated on the log scale, holds the SII and narrows as events grow")
    func rates() throws {
        let populations = [21_000.0, 19_000, 20_000, 22_000, 18_000, 20_000, 21_000, 19_000, 20_000, 20_000]
        let rates = (0..<10).map { 140 - 7 * Double($0) }
        let quantiles = zip(populations, rates).map { SlopeIndexOfInequality.Quantile(population: $0, value: $1) }
        let sii = try SlopeIndexOfInequality(quantiles: quantiles).sii
        func interval(scale: Double) throws -> ConfidenceInterval {
            // Events = rate per 1,000 × population / 1,000, scaled; the log rate's SE is 1/√events.
            let errors = zip(populations, rates).map { 1 / ($0 * $1 / 1_000 * scale).squareRoot() }
            return try SlopeIndexOfInequality.simulatedInterval(
                quantiles: quantiles, standardErrors: errors, scale: .rate, repetitions: 20_000)
        }
        let narrow = try interval(scale: 10)
        let wide = try interval(scale: 1)
        #expect(narrow.contains(sii) && wide.contains(sii))
        #expect(sii < 0)
        #expect(narrow.upper - narrow.lower < wide.upper - wide.lower)
    }

    @Test("hostile inputs are refused: mismatched, negative or NaN errors, a zero rate, bad levels and repetitions")
    func refusals() {
        let q = Self.halves
        #expect(throws: StatisticInputError.self) {
            try SlopeIndexOfInequality.simulatedInterval(quantiles: q, standardErrors: [1], scale: .normal)
        }
        #expect(throws: StatisticInputError.self) {
            try SlopeIndexOfInequality.simulatedInterval(quantiles: q, standardErrors: [1, -1], scale: .normal)
        }
        #expect(throws: StatisticInputError.self) {
            try SlopeIndexOfInequality.simulatedInterval(quantiles: q, standardErrors: [1, .nan], scale: .normal)
        }
        #expect(throws: StatisticInputError.self) {
            try SlopeIndexOfInequality.simulatedInterval(
                quantiles: [.init(population: 5, value: 0), .init(population: 5, value: 3)], standardErrors: [1, 1],
                scale: .rate)
        }
        #expect(throws: StatisticInputError.self) {
            try SlopeIndexOfInequality.simulatedInterval(
                quantiles: [.init(population: 5, value: 1), .init(population: 5, value: 0.5)], standardErrors: [1, 1],
                scale: .proportion)
        }
        #expect(throws: StatisticInputError.self) {
            try SlopeIndexOfInequality.simulatedInterval(
                quantiles: q, standardErrors: [1, 1], scale: .normal, confidence: 0.5)
        }
        #expect(throws: StatisticInputError.self) {
            try SlopeIndexOfInequality.simulatedInterval(
                quantiles: q, standardErrors: [1, 1], scale: .normal, repetitions: 10)
        }
    }
}
