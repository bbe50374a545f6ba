import Foundation
import Testing

@testable import Assurance

/// One JSON shape for every chart of the family: each point is the chart's own point (value, centre,
/// limits, type, rule), and what cannot be drawn is refused, never drawn wrong.
@Suite("A control chart document for any chart of the family")
struct ControlChartDocumentTests {
    static let periods = (1...15).map { "2026-\($0)" }
    static let events: [Double] = [12, 15, 9, 30, 11, 14, 13, 10, 16, 12, 11, 14, 15, 13, 12]
    static let denominators: [Double] = [100, 120, 80, 150, 90, 110, 100, 95, 130, 100, 90, 105, 120, 100, 98]

    @Test(arguments: [ControlChartKind.p, .pPrime, .u, .uPrime, .c])
    func anAttributeChartsPointsAreItsOwn(kind: ControlChartKind) throws {
        let document = try ControlChartDocument(
            chart: kind, periods: Self.periods, values: Self.events, denominators: Self.denominators)
        let attributeKind = try #require(AttributeChart.Kind(rawValue: kind.rawValue))
        let chart = try AttributeChart(kind: attributeKind, events: Self.events, denominators: Self.denominators)
        #expect(document.chart == kind && document.reason == "chosen")
        #expect(document.points.count == chart.points.count)
        for (made, own) in zip(document.points, chart.points) {
            #expect(made.value == own.value && made.centre == own.band.centre)
            #expect(made.lowerLimit == own.band.lowerLimit && made.upperLimit == own.band.upperLimit)
            #expect(made.type == own.type.rawValue && made.rule == own.rule?.rawValue)
            #expect(made.denominator == (kind == .c ? nil : own.denominator))
        }
        #expect(document.sigmaZ == (kind == .pPrime || kind == .uPrime ? chart.sigmaZ : nil))
        #expect(document.variationIcon == chart.variationIcon.rawValue)
        #expect(document.runTests == nil)
        // A p chart's proportion is events over its denominator.
        if kind == .p { #expect(document.points[3].value == 30.0 / 150) }
    }

    @Test func anXmRChartMatchesTheXmRDocument() throws {
        let values = Self.events
        let document = try ControlChartDocument(
            chart: .xmr, periods: Self.periods, values: values, options: .init(improvement: .decrease, target: 20))
        let own = try XmRChart(values: values, options: .init(improvement: .decrease, target: 20))
            .document(periods: Self.periods)
        #expect(document.points.map(\.centre) == own.points.map(\.mean))
        #expect(document.points.map(\.upperLimit) == own.points.map(\.upperLimit))
        #expect(document.points.map(\.type) == own.points.map(\.type))
        #expect(document.variationIcon == own.variationIcon && document.assuranceIcon == own.assuranceIcon)
    }

    @Test func aRunChartHasItsMedianAndTestsAndNoLimits() throws {
        let document = try ControlChartDocument(chart: .run, periods: Self.periods, values: Self.events)
        let own = try RunChart(values: Self.events)
        #expect(document.points.allSatisfy { $0.centre == own.median && $0.lowerLimit == nil && $0.type == nil })
        #expect(document.runTests?.median == 12.5 || document.runTests?.median == own.median)
        #expect(document.runTests?.crossings == own.crossings && document.runTests?.signalsShift == own.signalsShift)
        #expect(document.variationIcon == nil)
    }

    @Test func gAndTChartsClassifyTheGaps() throws {
        for kind in [ControlChartKind.g, .t] {
            let gaps: [Double] = [30, 25, 40, 33, 28, 2, 35, 31]
            let document = try ControlChartDocument(chart: kind, periods: Array(Self.periods.prefix(8)), values: gaps)
            let own = try RareEventChart(kind: kind == .g ? .g : .t, gaps: gaps)
            #expect(document.points.map(\.upperLimit) == own.points.map(\.band.upperLimit))
            #expect(document.points.map(\.type) == own.points.map(\.type.rawValue))
        }
    }

    /// What cannot be drawn: refused with a reason.
    @Test(arguments: [
        (ControlChartKind.p, [1.0, 2], [10.0], "denominator"),  // fewer denominators than points
        (.p, [11.0, 2], [10.0, 10], ""),  // more events than a p chart's denominator
        (.u, [1.0, 2], [0.0, 10], ""),  // a denominator of 0
        (.c, [-1.0, 2], [], ""),  // a negative count
        (.t, [0.0, 2], [], "more than 0"),  // two events at one instant
        (.xmr, [Double.nan, 1], [], "finite"),
        (.run, [], [], ""),
    ])
    func whatCannotBeDrawnIsRefused(kind: ControlChartKind, values: [Double], denominators: [Double], says: String) {
        let periods = values.indices.map { "p\($0)" }
        let error = #expect(throws: XmRChart.Invalid.self) {
            try ControlChartDocument(chart: kind, periods: periods, values: values, denominators: denominators)
        }
        #expect(says.isEmpty || error?.description.contains(says) == true, "\(String(describing: error))")
    }

    @Test func valuesTooLargeToChartAreRefused() {
        for kind in [ControlChartKind.c, .g, .xmr] {
            let error = #expect(throws: XmRChart.Invalid.self) {
                try ControlChartDocument(chart: kind, periods: ["a", "b", "c"], values: [1e308, 1e308, 1e308])
            }
            #expect(error?.description.contains("too large to chart") == true, "\(kind)")
        }
    }

    @Test func periodsAndValuesMustPair() {
        #expect(throws: XmRChart.Invalid.self) {
            try ControlChartDocument(chart: .c, periods: ["a"], values: [1, 2])
        }
    }
}
