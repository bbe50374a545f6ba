import Foundation
import Testing

@testable import Assurance

@Suite("The SPC family: p, p′, u, u′, c, g, t and run charts")
struct SPCFamilyTests {
    @Test("a p chart's centre is the pooled proportion and its limits follow each denominator")
    func pChart() throws {
        let events = [12.0, 15, 9, 30, 11]
        let denominators = [100.0, 120, 80, 150, 90]
        let chart = try AttributeChart(kind: .p, events: events, denominators: denominators)
        let pooled = 77.0 / 540
        for (point, n) in zip(chart.points, denominators) {
            let sigma = (pooled * (1 - pooled) / n).squareRoot()
            #expect(abs(point.band.centre - pooled) < 1e-15)
            #expect(abs(point.band.upperLimit - (pooled + 3 * sigma)) < 1e-12)
            #expect(abs(point.band.lowerLimit - max(0, pooled - 3 * sigma)) < 1e-12)
            #expect(abs(point.band.nearUpperLimit - (pooled + 2 * sigma)) < 1e-12)
        }
        // 30 of 150 is 20%: above pooled + 3σ (14.3% + 8.6%)? No: 22.8%; within.
        #expect(chart.points[3].rule == nil)
        #expect(chart.sigmaZ == 1)
    }

    @Test("Laney's p′ worked by hand: σ_z is the mean moving range of the z-scores over 1.128")
    func laneyWorkedExample() throws {
        let events = [100.0, 130, 90]
        let denominators = [1_000.0, 1_000, 1_000]
        let chart = try AttributeChart(kind: .pPrime, events: events, denominators: denominators)
        // p̄ = 320/3000; σ = √(p̄(1 − p̄)/1000); z = (0.1 − p̄)/σ, (0.13 − p̄)/σ, (0.09 − p̄)/σ.
        let pooled = 320.0 / 3_000
        let sigma = (pooled * (1 - pooled) / 1_000).squareRoot()
        let z = [0.1, 0.13, 0.09].map { ($0 - pooled) / sigma }
        let sigmaZ = (abs(z[1] - z[0]) + abs(z[2] - z[1])) / 2 / 1.128
        #expect(abs(chart.sigmaZ - sigmaZ) < 1e-12)
        // The moving ranges are 0.03/σ and 0.04/σ, so σ_z = 0.035/(1.128σ) whatever p̄ is.
        #expect(abs(chart.sigmaZ - 0.035 / (1.128 * sigma)) < 1e-12)
        #expect(abs(chart.points[0].band.upperLimit - (pooled + 3 * sigma * sigmaZ)) < 1e-12)
    }

    @Test("for large denominators with real variation, p flags nearly every month and p′ does not")
    func laneyTamesLargeDenominators() throws {
        // 4-hour performance of a large trust: 12,000 attendances a month, 72–79% seen in time.
        let performance = [0.73, 0.79, 0.75, 0.78, 0.72, 0.77, 0.79, 0.74, 0.73, 0.78, 0.76, 0.72, 0.79, 0.74]
        let denominators = [Double](repeating: 12_000, count: performance.count)
        let events = zip(performance, denominators).map { ($0 * $1).rounded() }
        let p = try AttributeChart(kind: .p, events: events, denominators: denominators)
        let laney = try AttributeChart(kind: .pPrime, events: events, denominators: denominators)
        let flaggedByP = p.points.filter { $0.rule == .limit }.count
        let flaggedByLaney = laney.points.filter { $0.rule == .limit }.count
        #expect(flaggedByP >= 10)
        #expect(flaggedByLaney == 0)
        #expect(laney.sigmaZ > 2)
    }

    @Test("a u chart's limits are ū ± 3√(ū/n); a c chart's are c̄ ± 3√c̄, clipped at 0")
    func uAndC() throws {
        let u = try AttributeChart(kind: .u, events: [4, 6, 5], denominators: [2, 3, 2.5])
        let rate = 15.0 / 7.5
        #expect(abs(u.points[1].band.upperLimit - (rate + 3 * (rate / 3).squareRoot())) < 1e-12)
        #expect(abs(u.points[1].value - 2) < 1e-12)
        let c = try AttributeChart(kind: .c, events: [2, 3, 1, 4, 0, 2])
        let mean = 2.0
        #expect(c.points.allSatisfy { abs($0.band.upperLimit - (mean + 3 * mean.squareRoot())) < 1e-12 })
        #expect(c.points.allSatisfy { $0.band.lowerLimit == 0 })
    }

    @Test("a g chart's limits are ḡ ± 3√(ḡ(ḡ + 1)); a long gap after a baseline is special (better)")
    func gChart() throws {
        var gaps = [3.0, 5, 2, 4, 6, 3, 4, 5, 2, 6]
        let baseline = try RareEventChart(kind: .g, gaps: gaps)
        let mean = 4.0
        #expect(abs(baseline.points[0].band.upperLimit - (mean + 3 * (mean * (mean + 1)).squareRoot())) < 1e-12)
        gaps.append(60)
        let chart = try RareEventChart(
            kind: .g, gaps: gaps, options: .init(improvement: .increase, baselinePoints: 10))
        #expect(chart.points.last?.rule == .limit)
        #expect(chart.points.last?.type == .specialCauseImprovement)
        #expect(chart.variationIcon == .improvementHigh)
    }

    @Test("a t chart is an XmR chart of t^(1/3.6), with its limits transformed back")
    func tChart() throws {
        let gaps = [10.0, 14, 9, 12, 11, 15, 8, 13]
        let chart = try RareEventChart(kind: .t, gaps: gaps)
        let transformed = gaps.map { pow($0, 1 / 3.6) }
        let xmr = try XmRChart(values: transformed)
        let upper = pow(xmr.points[0].limits.upperLimit, 3.6)
        #expect(abs(chart.points[0].band.upperLimit - upper) < 1e-9)
        #expect(abs(chart.points[0].band.centre - pow(xmr.points[0].limits.mean, 3.6)) < 1e-9)
        #expect(throws: XmRChart.Invalid.self) { try RareEventChart(kind: .t, gaps: [3, 0, 4]) }
    }

    /// Anhøj & Olesen (2014), table 1: for n useful points, the longest run allowed and the fewest
    /// crossings expected (as R's qbinom and scipy's binom.ppf give them).
    static let anhojTable: [(n: Int, longestRun: Int, crossings: Int)] = [
        (10, 6, 2), (12, 7, 3), (14, 7, 4), (16, 7, 4), (18, 7, 5), (20, 7, 6), (24, 8, 8), (30, 8, 10), (40, 8, 14),
        (50, 9, 19), (60, 9, 23), (100, 10, 41),
    ]

    @Test("run chart limits match Anhøj's table", arguments: anhojTable)
    func anhojLimits(row: (n: Int, longestRun: Int, crossings: Int)) throws {
        let values = (0..<row.n).map { Double($0 % 2 == 0 ? 1 : -1) }
        let chart = try RunChart(values: values)
        #expect(chart.usefulPoints == row.n)
        #expect(chart.longestRunLimit == row.longestRun)
        #expect(chart.crossingsLimit == row.crossings)
        #expect(!chart.signalsShift)
    }

    @Test("a run chart signals a shift by a long run, ignoring points on the median")
    func runChartShift() throws {
        let values: [Double] = [5, 6, 4, 5, 6, 4, 5, 9, 9, 9, 9, 9, 9, 9, 9, 5, 4]
        let chart = try RunChart(values: values, baselinePoints: 7)
        #expect(chart.median == 5)
        #expect(chart.usefulPoints == 13)
        #expect(chart.longestRun == 8)
        #expect(chart.hasUnusuallyLongRun)
    }

    @Test("a baseline fixes the XmR limits from its first points; a trajectory drives the assurance icon")
    func baselineAndTrajectory() throws {
        let values: [Double] = [10, 11, 9, 10, 11, 9, 10, 30, 31, 29]
        let fixed = try XmRChart(values: values, options: .init(baselinePoints: 7))
        #expect(abs(fixed.points[9].limits.mean - 70.0 / 7) < 1e-12)
        #expect(fixed.points[8].rule == .limit)
        let free = try XmRChart(values: values)
        #expect(free.points[9].limits.mean == 16)
        let trajectory = values.indices.map { 5 + Double($0) * 0.1 }
        let assured = try XmRChart(
            values: values,
            options: .init(improvement: .increase, target: 100, baselinePoints: 7, trajectory: trajectory))
        #expect(assured.assuranceIcon == .consistentPass)
        #expect(throws: XmRChart.Invalid.self) { try XmRChart(values: values, options: .init(trajectory: [1, 2])) }
        #expect(throws: XmRChart.Invalid.self) { try XmRChart(values: values, options: .init(baselinePoints: 1)) }
    }

    @Test("which chart an indicator gets, from its unit and data")
    func choice() {
        let many = XmRChart.minimumPoints
        let small = [Double](repeating: 200, count: many)
        let large = [Double](repeating: 12_000, count: many)
        #expect(ControlChartKind.recommended(for: .percent, points: 5) == .run)
        #expect(ControlChartKind.recommended(for: .percent, points: many, denominators: small) == .p)
        #expect(ControlChartKind.recommended(for: .percent, points: many, denominators: large) == .pPrime)
        #expect(ControlChartKind.recommended(for: .per1000, points: many, denominators: small) == .u)
        #expect(ControlChartKind.recommended(for: .per1000, points: many, denominators: large) == .uPrime)
        #expect(ControlChartKind.recommended(for: .count, points: many) == .c)
        #expect(ControlChartKind.recommended(for: .pounds, points: many) == .xmr)
        #expect(ControlChartKind.recommended(for: .percent, points: many) == .xmr)
        // Denominators of the wrong length or with a 0 are not used.
        #expect(ControlChartKind.recommended(for: .percent, points: many, denominators: [1, 2]) == .xmr)
    }

    @Test("bad series are refused with the point named, never a trap")
    func refusals() {
        #expect(throws: XmRChart.Invalid.self) { try AttributeChart(kind: .p, events: [], denominators: []) }
        #expect(throws: XmRChart.Invalid.self) { try AttributeChart(kind: .p, events: [1, 2], denominators: [3]) }
        #expect(throws: XmRChart.Invalid.self) { try AttributeChart(kind: .p, events: [5], denominators: [4]) }
        #expect(throws: XmRChart.Invalid.self) { try AttributeChart(kind: .u, events: [5], denominators: [0]) }
        #expect(throws: XmRChart.Invalid.self) { try AttributeChart(kind: .c, events: [.nan]) }
        #expect(throws: XmRChart.Invalid.self) { try AttributeChart(kind: .c, events: [-1]) }
        #expect(throws: XmRChart.Invalid.self) { try RareEventChart(kind: .g, gaps: [.infinity]) }
        #expect(throws: XmRChart.Invalid.self) { try RunChart(values: []) }
        #expect(throws: XmRChart.Invalid.self) { try RunChart(values: [1, .nan]) }
    }
}
