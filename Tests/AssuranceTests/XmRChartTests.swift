import Assurance
import Foundation
import Testing

@Suite("Making Data Count XmR charts")
struct XmRChartTests {
    /// R's `set.seed(123); rnorm(20)`, the series NHSRplotthedots's own tests chart.
    static let rnorm123: [Double] = [
        -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123,
        -0.68685285, -0.44566197, 1.22408180, 0.35981383, 0.40077145, 0.11068272, -0.55584113, 1.78691314,
        0.49785048, -1.96661716, 0.70135590, -0.47279141,
    ]

    static func threeFigures(_ value: Double) -> Double {
        guard value != 0 else { return 0 }
        let scale = pow(10, 2 - floor(log10(abs(value))))
        return (value * scale).rounded() / scale
    }

    @Test("NHSRplotthedots: mean 0.142, limits −3.01 and 3.29, all common cause; screening changes nothing here")
    func plotTheDotsSeries() throws {
        for screen in [false, true] {
            let chart = try XmRChart(values: Self.rnorm123, options: .init(screenOutliers: screen))
            let limits = try #require(chart.points.last?.limits)
            #expect(Self.threeFigures(limits.mean) == 0.142)
            #expect(Self.threeFigures(limits.lowerLimit) == -3.01)
            #expect(Self.threeFigures(limits.upperLimit) == 3.29)
            #expect(chart.points.allSatisfy { $0.type == .commonCause })
            #expect(chart.variationIcon == .commonCause)
        }
        // With a target of 0.5 inside the limits, the target is hit and missed.
        let targeted = try XmRChart(values: Self.rnorm123, options: .init(target: 0.5))
        #expect(targeted.assuranceIcon == .hitAndMiss)
    }

    @Test("NHSRplotthedots: split after 10 points, each part has its own mean and limits")
    func plotTheDotsSegments() throws {
        let chart = try XmRChart(values: Self.rnorm123, options: .init(rebaseAt: [10]))
        let first = chart.points[0].limits
        let second = chart.points[19].limits
        #expect(Self.threeFigures(first.mean) == 0.0746)
        #expect(Self.threeFigures(first.lowerLimit) == -2.60)
        #expect(Self.threeFigures(first.upperLimit) == 2.75)
        #expect(Self.threeFigures(second.mean) == 0.209)
        #expect(Self.threeFigures(second.lowerLimit) == -3.28)
        #expect(Self.threeFigures(second.upperLimit) == 3.70)
        #expect(chart.points[9].segment == 0 && chart.points[10].segment == 1)
    }

    @Test("NHSRplotthedots: two points near opposite limits are not two-in-three")
    func twoInThreeOppositeSides() throws {
        var values = (0..<16).map { $0 % 2 == 0 ? 1.0 : -1.0 }
        values[14] = 5.5
        values[15] = -5.5
        let chart = try XmRChart(values: values)
        #expect(chart.points.suffix(2).allSatisfy { $0.type == .commonCause })
    }

    /// A steady series alternating 10 and 12: mean 11 (with an even count), every moving range 2, so the
    /// limits are 11 ± 5.32 and the near limits 11 ± 3.5466.
    static func steady(_ count: Int) -> [Double] { (0..<count).map { $0 % 2 == 0 ? 10 : 12 } }

    @Test("limits: mean ± 2.66 × mean moving range; near limits ± 1.7733 ×; a point exactly on the limit is inside")
    func limitsByHand() throws {
        let limits = try #require(try XmRChart(values: Self.steady(20)).points.first?.limits)
        #expect(limits.mean == 11 && limits.meanMovingRange == 2)
        #expect(abs(limits.upperLimit - 16.32) < 1e-12 && abs(limits.lowerLimit - 5.68) < 1e-12)
        #expect(abs(limits.nearUpperLimit - 14.5466) < 1e-12)
        // A point exactly on a limit is not beyond it.
        #expect(!XmRChart.isBeyond(16.32, limits) && XmRChart.isBeyond(16.320001, limits))
        var spike = Self.steady(20)
        spike.append(40)
        let spiked = try XmRChart(values: spike)
        #expect(spiked.points[20].rule == .limit)
        #expect(spiked.points[20].type == .specialCauseImprovement)
        #expect(spiked.variationIcon == .improvementHigh)
        let lowerIsBetter = try XmRChart(values: spike, options: .init(improvement: .decrease))
        #expect(lowerIsBetter.points[20].type == .specialCauseConcern)
        #expect(lowerIsBetter.variationIcon == .concernHigh)
        let neutral = try XmRChart(values: spike, options: .init(improvement: .neutral))
        #expect(neutral.variationIcon == .neutralHigh)
    }

    @Test("shift: 7 points on one side are special, 6 are not, and a point on the mean breaks the run")
    func shift() throws {
        // 15 points at 10 and 12 alternating (ending on 10, below the mean), then a run above the mean
        // ended by a point below it.
        for (run, expected) in [(6, false), (7, true)] {
            let values = Self.steady(15) + [Double](repeating: 11.5, count: run) + [10, 12]
            let chart = try XmRChart(values: values)
            #expect(chart.points[15].limits.mean < 11.5 && chart.points[15].limits.mean > 10)
            let flagged = chart.points[15..<(15 + run)].map { $0.rule == .shift }
            #expect(flagged == [Bool](repeating: expected, count: run), "run of \(run)")
            #expect(chart.points[14].rule == nil && chart.points[15 + run].rule == nil)
        }
        // Mean of this series is exactly 11 (balanced), so a point at 11 breaks the run.
        var broken = Self.steady(14) + [11.5, 11.5, 11.5, 11.0, 11.5, 11.5, 11.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5]
        broken.append(11.0)
        let chart = try XmRChart(values: broken)
        #expect(chart.points[14].limits.mean == 11)
        #expect(chart.points[14..<21].allSatisfy { $0.rule == nil })
    }

    @Test("trend: 7 points each rising are special (6 are not); an equal value breaks it; precedence over shift")
    func trend() throws {
        let base = Self.steady(14)
        let seven = base + [8, 8.5, 9, 9.5, 10, 10.5, 11.2] + [11, 12, 10, 12]
        let chart = try XmRChart(values: seven)
        #expect(chart.points[14..<21].allSatisfy { $0.rule == .trend })
        #expect(chart.points[14].type == .specialCauseImprovement)  // a rising trend is better when higher is
        let six = base + [8, 8.5, 9, 9.5, 10, 10.5] + [10, 12, 10, 12]
        #expect(try XmRChart(values: six).points.allSatisfy { $0.rule != .trend })
        let flat = base + [8, 8.5, 9, 9, 9.5, 10, 10.5, 11.2] + [12, 10]
        #expect(try XmRChart(values: flat).points.allSatisfy { $0.rule != .trend })
        // Seven falling points, all below the mean, are also a shift: trend takes precedence.
        let falling = base + [10.9, 10.5, 10, 9.5, 9, 8.5, 8] + [12, 12, 12]
        let fell = try XmRChart(values: falling)
        #expect(fell.points[14..<21].allSatisfy { $0.rule == .trend && $0.type == .specialCauseConcern })
    }

    @Test("two in three: 2 of 3 beyond a near limit, all on one side; beyond-limit points count only if asked")
    func twoInThree() throws {
        let base = Self.steady(40)
        let values = base + [15.5, 12, 15.5, 10, 12]
        let chart = try XmRChart(values: values)
        let limits = chart.points[40].limits
        #expect(15.5 > limits.nearUpperLimit && 15.5 < limits.upperLimit && 12 > limits.mean)
        #expect(chart.points[40].rule == .twoInThree && chart.points[42].rule == .twoInThree)
        #expect(chart.points[41].rule == nil)
        #expect(chart.points[40].type == .specialCauseImprovement)
        // One near the upper limit and one near the lower: not the same side.
        let mixed = try XmRChart(values: base + [15.5, 12, 6.5, 10, 12])
        #expect(6.5 < mixed.points[42].limits.nearLowerLimit)
        #expect(mixed.points.allSatisfy { $0.rule != .twoInThree })
        // One beyond the process limit and one near it: two-in-three only when the switch is on.
        let beyond = base + [16.5, 12, 25, 10, 12]
        let plain = try XmRChart(values: beyond)
        let edges = plain.points[40].limits
        #expect(16.5 > edges.nearUpperLimit && 16.5 < edges.upperLimit && 25 > edges.upperLimit)
        #expect(plain.points[40].rule == nil)
        #expect(plain.points[42].rule == .limit)
        let counted = try XmRChart(values: beyond, options: .init(twoInThreeCountsBeyondLimits: true))
        #expect(counted.points[40].rule == .twoInThree)
        #expect(counted.points[42].rule == .limit)  // limit takes precedence on the point beyond it
    }

    @Test("assurance: a target beyond the limits is consistently passed or failed, mirrored for lower-is-better")
    func assurance() throws {
        let values = Self.steady(20)  // limits 5.68 to 16.32
        #expect(try XmRChart(values: values, options: .init(target: 4)).assuranceIcon == .consistentPass)
        #expect(try XmRChart(values: values, options: .init(target: 17)).assuranceIcon == .consistentFail)
        #expect(try XmRChart(values: values, options: .init(target: 11)).assuranceIcon == .hitAndMiss)
        #expect(
            try XmRChart(values: values, options: .init(improvement: .decrease, target: 4)).assuranceIcon
                == .consistentFail)
        #expect(
            try XmRChart(values: values, options: .init(improvement: .decrease, target: 17)).assuranceIcon
                == .consistentPass)
        #expect(try XmRChart(values: values, options: .init(improvement: .neutral, target: 4)).assuranceIcon == nil)
        #expect(try XmRChart(values: values).assuranceIcon == nil)
    }

    @Test("moving-range screening drops ranges of 3.267 × the mean or more, narrowing the limits")
    func screening() throws {
        var values = Self.steady(20)
        values[10] = 40
        let plain = try XmRChart(values: values).points[0].limits
        let screened = try XmRChart(values: values, options: .init(screenOutliers: true)).points[0].limits
        #expect(screened.meanMovingRange < plain.meanMovingRange)
        // The two ranges around the spike (28 and 28) are dropped; 17 ranges of 2 remain.
        #expect(abs(screened.meanMovingRange - 2) < 1e-12)
    }

    @Test("fewer than 13 points are provisional; bad input is refused")
    func provisional() throws {
        #expect(try XmRChart(values: Self.steady(12)).isProvisional)
        #expect(try !XmRChart(values: Self.steady(13)).isProvisional)
        #expect(throws: XmRChart.Invalid.self) { try XmRChart(values: []) }
        #expect(throws: XmRChart.Invalid.self) { try XmRChart(values: [1, .nan]) }
        #expect(throws: XmRChart.Invalid.self) { try XmRChart(values: [1, 2, 3], options: .init(rebaseAt: [3])) }
    }
}
