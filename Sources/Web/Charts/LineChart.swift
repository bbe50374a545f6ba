import Foundation

/// A line chart as accessible SVG: one line per series across labelled points (months), a y axis with
/// money ticks, a legend, a title and a text description. A series may stop early (no value). Pure:
/// series in, SVG text out.
struct LineChart {
    /// One line.
    struct Series {
        var name: String
        /// A CSS class: `budget`, `actual` or `forecast`.
        var style: String
        var values: [Double?]
    }

    var id: String
    var title: String
    var description: String
    var labels: [String]
    var series: [Series]
    /// How a y value is written on the axis.
    var format: (Double) -> String
    var width = 720
    var height = 340

    var svg: String {
        let margin = (left: 84, right: 16, top: 36, bottom: 44)
        let plotWidth = Double(width - margin.left - margin.right)
        let plotHeight = Double(height - margin.top - margin.bottom)
        let values = series.flatMap { $0.values.compactMap { $0 } }
        let top = Self.niceCeiling(max(values.max() ?? 1, 1))
        let bottom = min(0, values.min() ?? 0)
        func x(_ index: Int) -> Double {
            Double(margin.left)
                + (labels.count > 1 ? Double(index) / Double(labels.count - 1) * plotWidth : plotWidth / 2)
        }
        func y(_ value: Double) -> Double { Double(margin.top) + (top - value) / max(top - bottom, 1e-9) * plotHeight }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="100%" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" class="chart lines">
            <title id="\(id)-title">\(title.escapedForXML)</title>
            <desc id="\(id)-desc">\(description.escapedForXML)</desc>

            """
        for step in 0...4 {
            let value = bottom + (top - bottom) * Double(step) / 4
            svg += String(
                format: "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>", margin.left,
                width - margin.right,
                y(value), y(value))
            svg += String(
                format: "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"tick\">", margin.left - 6, y(value) + 4)
            svg += "\(format(value).escapedForXML)</text>\n"
        }
        for (index, label) in labels.enumerated() {
            svg += String(
                format: "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"tick\">", x(index),
                height - margin.bottom + 18)
            svg += "\(label.escapedForXML)</text>\n"
        }
        for (number, line) in series.enumerated() {
            let points = line.values.enumerated().compactMap { index, value in
                value.map { String(format: "%.1f,%.1f", x(index), y($0)) }
            }
            if !points.isEmpty {
                svg += "<polyline points=\"\(points.joined(separator: " "))\" class=\"series \(line.style)\"/>\n"
            }
            let legendX = margin.left + number * 170
            svg += "<line x1=\"\(legendX)\" x2=\"\(legendX + 24)\" y1=\"14\" y2=\"14\" class=\"series \(line.style)\"/>"
            svg += "<text x=\"\(legendX + 30)\" y=\"18\" class=\"tick\">\(line.name.escapedForXML)</text>\n"
        }
        return svg + "</svg>"
    }

    /// The smallest 1, 2 or 5 × 10ⁿ at or above `value`.
    static func niceCeiling(_ value: Double) -> Double {
        let magnitude = pow(10, floor(log10(value)))
        for step in [1.0, 2, 5, 10] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }
}
