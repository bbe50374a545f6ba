import ConcordatCore
import Foundation
import PopulationHealth

/// A funnel plot as accessible SVG (Spiegelhalter 2005): each unit's proportion against its size, with
/// the pooled value and its 95% and 99.8% limits narrowing as size grows, so chance variation is not
/// mistaken for difference. The limits are the model ``ComparisonFunnel`` chose (binomial, or with
/// additive overdispersion when the units vary more than chance allows), named on the chart and in its
/// description. Points beyond the 99.8% limits are drawn larger and named in the description.
struct FunnelPlot {
    /// One unit.
    struct Point {
        var label: String
        var denominator: Int
        var numerator: Int
    }

    var id: String
    var title: String
    var measure: String
    var model: ComparisonFunnel
    var points: [Point]
    var width = 720
    var height = 380

    var svg: String {
        let margin = (left: 64, right: 20, top: 20, bottom: 48)
        let plotWidth = Double(width - margin.left - margin.right)
        let plotHeight = Double(height - margin.top - margin.bottom)
        let largest = Double(max(points.map(\.denominator).max() ?? 1, 1)) * 1.05
        let smallest = max(1, points.map(\.denominator).min() ?? 1)
        let proportions = points.map { Double($0.numerator) / Double(max($0.denominator, 1)) }
        let funnel = model.funnel
        let target = funnel.target
        func limits(_ n: Double) -> (inner: ClosedRange<Double>, outer: ClosedRange<Double>) {
            funnel.limits(denominator: max(1, n)) ?? (0...1, 0...1)
        }
        let edge = limits(Double(smallest)).outer
        let low = max(0, min(edge.lowerBound, proportions.min() ?? target) * 0.95)
        let high = min(1, max(edge.upperBound, proportions.max() ?? target) * 1.05)
        func x(_ n: Double) -> Double { Double(margin.left) + n / largest * plotWidth }
        func y(_ p: Double) -> Double { Double(margin.top) + (high - p) / max(high - low, 1e-9) * plotHeight }
        func curve(_ pick: ((inner: ClosedRange<Double>, outer: ClosedRange<Double>)) -> Double) -> String {
            stride(from: Double(smallest), through: largest, by: max(1, (largest - Double(smallest)) / 80)).map { n in
                String(
                    format: "%.1f,%.1f", x(n),
                    y(min(high, max(low, pick(limits(n))))))
            }.joined(separator: " ")
        }
        let positions = points.map {
            funnel.significance(of: .init(numerator: Double($0.numerator), denominator: Double(max($0.denominator, 1))))
        }
        let beyond = zip(points, positions).filter { $0.1 == .high998 || $0.1 == .low998 }.map(\.0.label)
        let description =
            "\(points.count) units; pooled value \(String(format: "%.1f%%", target * 100)); \(model.label). "
            + (beyond.isEmpty
                ? "None lies beyond the 99.8% limits." : "Beyond the 99.8% limits: \(beyond.joined(separator: ", ")).")
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="100%" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" class="chart funnel">
            <title id="\(id)-title">\(title.escapedForXML)</title>
            <desc id="\(id)-desc">\(description.escapedForXML)</desc>
            <line x1="\(margin.left)" y1="\(String(format: "%.1f", y(target)))" x2="\(width - margin.right)" \
            y2="\(String(format: "%.1f", y(target)))" class="target"/>
            <polyline points="\(curve { $0.inner.upperBound })" class="limit95"/>
            <polyline points="\(curve { $0.inner.lowerBound })" class="limit95"/>
            <polyline points="\(curve { $0.outer.upperBound })" class="limit998"/>
            <polyline points="\(curve { $0.outer.lowerBound })" class="limit998"/>

            """
        for (point, position) in zip(points, positions) {
            let p = Double(point.numerator) / Double(max(point.denominator, 1))
            let outside = position == .high998 || position == .low998
            svg += """
                <circle cx="\(String(format: "%.1f", x(Double(point.denominator))))" cy="\(String(format: "%.1f", y(p)))" \
                r="\(outside ? 6 : 4)" class="\(outside ? "outside" : "within")"><title>\(point.label.escapedForXML): \
                \(String(format: "%.1f%%", p * 100)) of \(point.denominator.grouped)</title></circle>

                """
        }
        let axis = height - margin.bottom
        svg += """
            <line x1="\(margin.left)" y1="\(axis)" x2="\(width - margin.right)" y2="\(axis)" class="axis"/>
            <line x1="\(margin.left)" y1="\(margin.top)" x2="\(margin.left)" y2="\(axis)" class="axis"/>
            <text x="\(margin.left)" y="\(axis + 16)" class="tick">0</text>
            <text x="\(width - margin.right)" y="\(axis + 16)" text-anchor="end" class="tick">\(Int(largest).grouped)</text>
            <text x="\(margin.left + Int(plotWidth / 2))" y="\(axis + 36)" text-anchor="middle" class="label">People (denominator)</text>
            <text x="\(margin.left - 6)" y="\(margin.top + 10)" text-anchor="end" class="tick">\(String(format: "%.0f%%", high * 100))</text>
            <text x="\(margin.left - 6)" y="\(axis)" text-anchor="end" class="tick">\(String(format: "%.0f%%", low * 100))</text>
            <text x="\(margin.left + 8)" y="\(margin.top + 12)" class="label">\(measure.escapedForXML)</text>
            <text x="\(width - margin.right)" y="\(margin.top + 12)" text-anchor="end" class="tick">\(
                (model.overdispersed ? "Binomial with additive overdispersion, φ = " : "Binomial, φ = ")
                + String(format: "%.1f", funnel.phi)).escapedForXML)</text>
            </svg>
            """
        return svg
    }
}
