import ConcordatCore
import Foundation
import PopulationHealth

/// A funnel of providers' proportions as accessible SVG, with the limits of a given model
/// (``OverdispersedFunnel``): each provider's proportion against its denominator, the centre line and the
/// 95% and 99.8% limits, the highlighted providers (the system's trusts) drawn larger, labelled and named in
/// the description with where each falls. Pure.
struct ProviderFunnelChart {
    /// One provider.
    struct Point {
        var label: String
        var numerator: Int
        var denominator: Int
        var highlighted: Bool
        var significance: FunnelSignificance?
    }

    var id: String
    var title: String
    var measure: String
    var model: OverdispersedFunnel
    var points: [Point]
    var width = 720
    var height = 400

    var svg: String {
        let margin = (left: 64, right: 20, top: 20, bottom: 48)
        let plotWidth = Double(width - margin.left - margin.right)
        let plotHeight = Double(height - margin.top - margin.bottom)
        let largest = Double(max(points.map(\.denominator).max() ?? 1, 1)) * 1.05
        let smallest = Double(max(1, points.map(\.denominator).min() ?? 1))
        let proportions = points.map { Double($0.numerator) / Double(max($0.denominator, 1)) }
        let edge = model.limits(denominator: max(smallest, largest / 40))?.outer ?? 0...1
        let low = max(0, min(edge.lowerBound, proportions.min() ?? model.target) - 0.02)
        let high = min(1, max(edge.upperBound, proportions.max() ?? model.target) + 0.01)
        func x(_ n: Double) -> Double { Double(margin.left) + n / largest * plotWidth }
        func y(_ p: Double) -> Double { Double(margin.top) + (high - p) / max(high - low, 1e-9) * plotHeight }
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        func curve(_ pick: ((inner: ClosedRange<Double>, outer: ClosedRange<Double>)) -> Double) -> String {
            stride(from: max(smallest, largest / 200), through: largest, by: max(1, largest / 120)).compactMap { n in
                model.limits(denominator: n).map { "\(f(x(n))),\(f(y(min(high, max(low, pick($0))))))" }
            }.joined(separator: " ")
        }
        let named = points.filter(\.highlighted).map { point in
            "\(point.label) \(String(format: "%.1f%%", Double(point.numerator) / Double(max(point.denominator, 1)) * 100)) (\(point.significance?.label ?? "no rate"))"
        }
        let description =
            "\(points.count) providers; England \(String(format: "%.1f%%", model.target * 100)); limits: "
            + model.adjustment.description + ". "
            + (named.isEmpty ? "" : "Highlighted: \(named.joined(separator: "; ")).")
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="100%" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" class="chart funnel">
            <title id="\(id)-title">\(title.escapedForXML)</title>
            <desc id="\(id)-desc">\(description.escapedForXML)</desc>
            <line x1="\(margin.left)" y1="\(f(y(model.target)))" x2="\(width - margin.right)" \
            y2="\(f(y(model.target)))" class="target"/>
            <polyline points="\(curve { $0.inner.upperBound })" class="limit95"/>
            <polyline points="\(curve { $0.inner.lowerBound })" class="limit95"/>
            <polyline points="\(curve { $0.outer.upperBound })" class="limit998"/>
            <polyline points="\(curve { $0.outer.lowerBound })" class="limit998"/>

            """
        for (point, p) in zip(points, proportions).sorted(by: { !$0.0.highlighted && $1.0.highlighted }) {
            let outside = point.significance == .low998 || point.significance == .high998
            let cx = f(x(Double(point.denominator)))
            let cy = f(y(min(high, max(low, p))))
            svg += """
                <circle cx="\(cx)" cy="\(cy)" r="\(point.highlighted ? 7 : outside ? 4 : 3)" \
                class="\(point.highlighted ? "highlight" : outside ? "outside" : "within")"><title>\(point.label.escapedForXML): \
                \(String(format: "%.1f%%", p * 100)) of \(point.denominator.grouped)</title></circle>

                """
            if point.highlighted {
                svg +=
                    "<text x=\"\(cx)\" y=\"\(f(y(min(high, max(low, p))) - 10))\" text-anchor=\"middle\" class=\"label\">\(point.label.escapedForXML)</text>\n"
            }
        }
        let axis = height - margin.bottom
        svg += """
            <line x1="\(margin.left)" y1="\(axis)" x2="\(width - margin.right)" y2="\(axis)" class="axis"/>
            <line x1="\(margin.left)" y1="\(margin.top)" x2="\(margin.left)" y2="\(axis)" class="axis"/>
            <text x="\(margin.left)" y="\(axis + 16)" class="tick">0</text>
            <text x="\(width - margin.right)" y="\(axis + 16)" text-anchor="end" class="tick">\(Int(largest).grouped)</text>
            <text x="\(margin.left + Int(plotWidth / 2))" y="\(axis + 36)" text-anchor="middle" class="label">Attendances in the month</text>
            <text x="\(margin.left - 6)" y="\(margin.top + 10)" text-anchor="end" class="tick">\(String(format: "%.0f%%", high * 100))</text>
            <text x="\(margin.left - 6)" y="\(axis)" text-anchor="end" class="tick">\(String(format: "%.0f%%", low * 100))</text>
            <text x="\(margin.left + 8)" y="\(margin.top + 12)" class="label">\(measure.escapedForXML)</text>
            </svg>
            """
        return svg
    }
}
