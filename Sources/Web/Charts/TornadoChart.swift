import ConcordatCore
import Foundation
import Governance

/// A tornado diagram as accessible SVG: for each parameter (widest swing first) a bar from the NPSV with
/// the parameter at its low to the NPSV at its high, the others central, about a line at the central NPSV
/// and one at zero (HM Treasury, *The Green Book*, 2022, chapter 5, sensitivity analysis). Pure.
struct TornadoChart {
    var id: String
    var bars: [EconomicAppraisal.SensitivityBar]
    var centralPence: Double
    var width = 720
    var rowHeight = 26

    static func pounds(_ pence: Double) -> String {
        guard pence.isFinite, abs(pence) < 1e17 else { return "n/a" }
        return Money(pence: Int64(pence.rounded())).description
    }

    var svg: String {
        let labelWidth = 300
        let right = 40
        let plot = Double(width - labelWidth - right)
        let values: [Double] = bars.flatMap { [$0.npsvAtLowPence, $0.npsvAtHighPence] } + [centralPence, 0]
        let low = values.min() ?? 0
        let high = values.max() ?? 1
        let span = max(high - low, 1e-9)
        func x(_ value: Double) -> Double { Double(labelWidth) + (value - low) / span * plot }
        let height = bars.count * rowHeight + 24
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="100%" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" class="chart tornado">
            <title id="\(id)-title">Sensitivity of the NPSV to each parameter (tornado)</title>
            <desc id="\(id)-desc">\(description.escapedForXML)</desc>
            <line x1="\(f(x(0)))" x2="\(f(x(0)))" y1="4" y2="\(height - 4)" class="axis"/>
            <line x1="\(f(x(centralPence)))" x2="\(f(x(centralPence)))" y1="4" y2="\(height - 4)" class="target"/>

            """
        for (row, bar) in bars.enumerated() {
            let y = 8 + row * rowHeight
            let left = min(x(bar.npsvAtLowPence), x(bar.npsvAtHighPence))
            let length = max(abs(x(bar.npsvAtHighPence) - x(bar.npsvAtLowPence)), 1)
            let text = "at low \(Self.pounds(bar.npsvAtLowPence)), at high \(Self.pounds(bar.npsvAtHighPence))"
            svg += """
                <g><title>\(bar.parameter.escapedForXML): \(text.escapedForXML)</title>\
                <text x="\(labelWidth - 8)" y="\(y + rowHeight - 10)" text-anchor="end" class="tick">\(bar.parameter.escapedForXML)</text>\
                <rect x="\(f(left))" y="\(y + 3)" width="\(f(length))" height="\(rowHeight - 8)" class="cost"/></g>

                """
        }
        return svg + "</svg>"
    }

    /// The text alternative: each bar in words.
    var description: String {
        "Central NPSV \(Self.pounds(centralPence)). "
            + bars.map {
                "\($0.parameter): \(Self.pounds($0.npsvAtLowPence)) at \($0.low), \(Self.pounds($0.npsvAtHighPence)) at \($0.high)"
            }.joined(separator: "; ")
    }
}
