import ConcordatCore
import Finance
import Testing

@Suite("Pace of change towards target")
struct PaceOfChangeTests {
    static func apply(
        _ total: Int64, _ units: [(String, target: Int64, baseline: Int64)], floor: Double = 0.01, cap: Double = 0.05
    )
        throws -> [PaceOfChange.Result]
    {
        try PaceOfChange(floor: floor, cap: cap).apply(
            controlTotal: Money(pence: total), targets: units.map { ($0.0, Money(pence: $0.target)) },
            baselines: Dictionary(uniqueKeysWithValues: units.map { ($0.0, Money(pence: $0.baseline)) }))
    }

    @Test("worked case: floors first, then the money left closes gaps in proportion to them")
    func closesGaps() throws {
        // Targets 600/400 (total 1,000); baselines 500 (20% under) and 450 (12.5% over). Floors at 1%: 505
        // and 455 (= 960). The 40 left goes to the only unit below target, whose gap (95) exceeds it.
        let results = try Self.apply(1_000, [("A", 600, 500), ("B", 400, 450)])
        #expect(results.map(\.budget.pence) == [545, 455])
        #expect(abs(results[0].distanceFromTarget - (-1.0 / 6)) < 1e-12)
        #expect(abs(results[1].distanceFromTarget - 0.125) < 1e-12)
    }

    @Test("once gaps are closed, the rest is shared by target among units not held above the cap")
    func leftoverByTarget() throws {
        // Targets 500/500; baselines 480 and 560 (12% over, above the 5% cap). Floors 485 and 566 (1,051 of 1,100).
        // A's gap of 15 is closed (500); the 34 left goes to A alone, since B is held: 534 and 566.
        let results = try Self.apply(1_100, [("A", 500, 480), ("B", 500, 560)])
        #expect(results.map(\.budget.pence) == [534, 566])
    }

    @Test("the parts always add up to the control total; an unaffordable floor or missing baseline is refused")
    func invariants() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let count = Int.random(in: 1...12, using: &generator)
            let baselines = (0..<count).map { _ in Int64.random(in: 1_000_000...9_000_000, using: &generator) }
            let total = Int64(Double(baselines.reduce(0, +)) * Double.random(in: 1.02...1.10, using: &generator))
            let targets = Money(pence: total).split(
                by: (0..<count).map { _ in Double.random(in: 1...10, using: &generator) })!
            let units = (0..<count).map { ("u\($0)", target: targets[$0].pence, baseline: baselines[$0]) }
            let results = try Self.apply(total, units)
            #expect(results.reduce(0) { $0 + $1.budget.pence } == total)
            #expect(results.allSatisfy { $0.growth >= 0.01 - 1e-6 })
        }
        #expect(throws: PaceOfChange.Problem.self) { try Self.apply(100, [("A", 100, 100)]) }
        #expect(throws: PaceOfChange.Problem.missingBaseline("B")) {
            try PaceOfChange(floor: 0, cap: 0.05).apply(
                controlTotal: Money(pence: 100), targets: [("B", Money(pence: 100))], baselines: [:])
        }
    }
}
