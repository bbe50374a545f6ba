import Foundation

/// A horizontal waterfall as accessible SVG: each step a bar from the running total to the running total
/// plus its amount (costs one colour, gains another), ending with the total drawn from zero. Used for
/// the year-end settlement: each partner's share, adding up to the system variance. Pure.
struct WaterfallChart {
    /// One step.
    struct Step {
        var label: String
        var value: Double
        var text: String
    }

    var id: String
    var title: String
    var description: String
    var steps: [Step]
    var totalLabel: String
    var totalText: String
    var width = 720
    var rowHeight = 26

    var svg: String {
        let labelWidth = 300
        let right = 130
        let plot = Double(width - labelWidth - right)
        var running = 0.0
        var extents = [0.0]
        for step in steps {
            running += step.value
            extents.append(running)
        }
        let low = extents.min()!
        let high = extents.max()!
        let span = max(high - low, 1e-9)
        func x(_ value: Double) -> Double { Double(labelWidth) + (value - low) / span * plot }
        let height = (steps.count + 1) * rowHeight + 16
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="100%" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" class="chart waterfall">
            <title id="\(id)-title">\(title.escapedForXML)</title>
            <desc id="\(id)-desc">\(description.escapedForXML)</desc>
            <line x1="\(String(format: "%.1f", x(0)))" x2="\(String(format: "%.1f", x(0)))" y1="4" y2="\(height - 4)" class="axis"/>

            """
        func bar(_ row: Int, _ from: Double, _ to: Double, _ label: String, _ text: String, _ style: String) -> String {
            let y = 8 + row * rowHeight
            let left = min(x(from), x(to))
            let length = max(abs(x(to) - x(from)), 1)
            return String(
                format:
                    "<g><title>%@: %@</title><text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"tick\">%@</text><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" class=\"%@\"/><text x=\"%.1f\" y=\"%d\" class=\"tick\">%@</text></g>\n",
                label.escapedForXML, text.escapedForXML, labelWidth - 8, y + rowHeight - 10, label.escapedForXML, left,
                y + 3,
                length, rowHeight - 8, style, max(x(from), x(to)) + 6, y + rowHeight - 10, text.escapedForXML)
        }
        running = 0
        for (row, step) in steps.enumerated() {
            svg += bar(row, running, running + step.value, step.label, step.text, step.value >= 0 ? "cost" : "gain")
            running += step.value
        }
        svg += bar(steps.count, 0, running, totalLabel, totalText, "total")
        return svg + "</svg>"
    }
}
