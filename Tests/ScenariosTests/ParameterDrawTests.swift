import ConcordatCore
import Scenarios
import Testing

@Suite("Parameter and activity draws")
struct ParameterDrawTests {
    @Test(
        "an 80% interval drawn as nhp_model does: mean at the midpoint, the interval's ends at the 10th and 90th percentiles"
    )
    func normalInterval() {
        var random = SeededRandom(seed: 1)
        let value = UncertainValue(low: 0.05, high: 0.15)
        let draws = (0..<40_000).map { _ in value.draw(using: &random, clippedTo: -1...1) }
        let band = ScenarioResults.Band(draws)
        #expect(abs(band.p10 - 0.05) < 0.002)
        #expect(abs(band.p90 - 0.15) < 0.002)
        #expect(abs(band.p50 - 0.10) < 0.002)
        // sd = width ÷ 2.563
        let mean = draws.reduce(0, +) / Double(draws.count)
        let sd = (draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws.count)).squareRoot()
        #expect(abs(sd - 0.1 / 2.563) < 0.001)
    }

    @Test("draws are clipped to the valid range")
    func clipped() {
        var random = SeededRandom(seed: 2)
        let value = UncertainValue(low: 0, high: 0.1)
        let draws = (0..<10_000).map { _ in value.draw(using: &random, clippedTo: 0...1) }
        #expect(draws.min() == 0)
        #expect(draws.filter { $0 == 0 }.count > 500)
        #expect(UncertainValue(point: 2).draw(using: &random, clippedTo: 0...1) == 1)
    }

    @Test(
        "triangular draws stay inside their bounds and peak at the mode; log-normal has the interval as its 10th and 90th percentiles"
    )
    func otherDistributions() {
        var random = SeededRandom(seed: 3)
        let triangular = UncertainValue(low: 0.1, high: 0.4, distribution: .triangular, mode: 0.2)
        let t = (0..<20_000).map { _ in triangular.draw(using: &random, clippedTo: 0...1) }
        #expect(t.min()! >= 0.1 && t.max()! <= 0.4)
        // Mean of a triangular distribution is (a + b + c) ÷ 3.
        let mean: Double = t.reduce(0, +) / Double(t.count)
        #expect(abs(mean - 0.7 / 3) < 0.003)
        let logNormal = UncertainValue(low: 100, high: 400, distribution: .logNormal)
        let l = (0..<40_000).map { _ in logNormal.draw(using: &random, clippedTo: 0...10_000) }
        let band = ScenarioResults.Band(l)
        #expect(abs(band.p10 - 100) < 4 && abs(band.p90 - 400) < 12 && abs(band.p50 - 200) < 5)
        #expect(logNormal.central(clippedTo: 0...1_000) == 200)
    }

    @Test("Poisson activity counts have the right mean and variance, small and large")
    func poisson() {
        var random = SeededRandom(seed: 4)
        for mean in [0.3, 3.0, 9.9, 10.0, 250.0, 40_000.0] {
            let draws = (0..<20_000).map { _ in Double(random.activityCount(mean: mean)) }
            let average = draws.reduce(0, +) / Double(draws.count)
            let variance = draws.map { ($0 - average) * ($0 - average) }.reduce(0, +) / Double(draws.count - 1)
            #expect(abs(average - mean) < 4 * (mean / 20_000).squareRoot() + 1e-9, "mean \(mean): \(average)")
            #expect(abs(variance / mean - 1) < 0.05, "mean \(mean): variance \(variance)")
            #expect(draws.allSatisfy { $0 >= 0 })
        }
        #expect(random.activityCount(mean: 0) == 0)
        #expect(random.activityCount(mean: -5) == 0)
        #expect(random.activityCount(mean: .nan) == 0)
    }

    @Test("percentiles interpolate between order statistics (R's type 7)")
    func percentiles() {
        let band = ScenarioResults.Band([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        // R: quantile(1:10, c(0.1, 0.5, 0.9)) gives 1.9, 5.5, 9.1.
        #expect(abs(band.p10 - 1.9) < 1e-12 && abs(band.p50 - 5.5) < 1e-12 && abs(band.p90 - 9.1) < 1e-12)
        #expect(ScenarioResults.Band([]).p50 == 0)
    }
}
