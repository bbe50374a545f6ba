import Assurance
import Foundation

/// A Making Data Count SPC chart as accessible SVG: the values joined by a line, each point coloured by
/// its class (grey common cause, blue improvement, orange concern, purple neutral), the mean, the process
/// limits (hidden below 13 points, as the NHS tool does) and the target. Pure.
struct SPCChart {
    var id: String
    var title: String
    var chart: XmRChart
    var labels: [String]
    var target: Double?
    var format: (Double) -> String
    var width = 720
    var height = 260

    var svg: String {
        let margin = (left: 70, right: 16, top: 14, bottom: 34)
        let plotWidth = Double(width - margin.left - margin.right)
        let plotHeight = Double(height - margin.top - margin.bottom)
        let showLimits = !chart.isProvisional
        var extents = chart.points.map(\.value)
        if showLimits { extents += chart.points.flatMap { [$0.limits.lowerLimit, $0.limits.upperLimit] } }
        if let target { extents.append(target) }
        var low = extents.min() ?? 0
        var high = extents.max() ?? 1
        let pad = max((high - low) * 0.08, 1e-6)
        low -= pad
        high += pad
        let count = chart.points.count
        func x(_ index: Int) -> Double {
            Double(margin.left) + (count > 1 ? Double(index) / Double(count - 1) * plotWidth : plotWidth / 2)
        }
        func y(_ value: Double) -> Double { Double(margin.top) + (high - value) / (high - low) * plotHeight }
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        let special = chart.points.enumerated().filter { $0.element.type != .commonCause }
        let description =
            "\(count) points; latest \(format(chart.points.last?.value ?? 0)). "
            + (showLimits
                ? "Mean \(format(chart.points.last!.limits.mean)), limits \(format(chart.points.last!.limits.lowerLimit)) to \(format(chart.points.last!.limits.upperLimit)). "
                : "Fewer than 13 points: limits not shown. ")
            + (special.isEmpty
                ? "No special cause variation."
                : "Special cause at \(special.map { labels[$0.offset] }.joined(separator: ", ")).")
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="100%" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" class="chart spc">
            <title id="\(id)-title">\(title.escapedForXML)</title>
            <desc id="\(id)-desc">\(description.escapedForXML)</desc>

            """
        for step in 0...3 {
            let value = low + (high - low) * Double(step) / 3
            svg +=
                "<text x=\"\(margin.left - 6)\" y=\"\(f(y(value) + 4))\" text-anchor=\"end\" class=\"tick\">\(format(value).escapedForXML)</text>\n"
        }
        let every = max(1, count / 8)
        for index in stride(from: 0, to: count, by: every) {
            svg +=
                "<text x=\"\(f(x(index)))\" y=\"\(height - 12)\" text-anchor=\"middle\" class=\"tick\">\(labels[index].escapedForXML)</text>\n"
        }
        // Mean and limits, segment by segment.
        var start = 0
        while start < count {
            var end = start
            while end + 1 < count, chart.points[end + 1].segment == chart.points[start].segment { end += 1 }
            let limits = chart.points[start].limits
            func line(_ value: Double, _ style: String) -> String {
                "<line x1=\"\(f(x(start)))\" x2=\"\(f(x(end)))\" y1=\"\(f(y(value)))\" y2=\"\(f(y(value)))\" class=\"\(style)\"/>\n"
            }
            svg += line(limits.mean, "spc-mean")
            if showLimits { svg += line(limits.upperLimit, "spc-limit") + line(limits.lowerLimit, "spc-limit") }
            start = end + 1
        }
        if let target {
            svg +=
                "<line x1=\"\(margin.left)\" x2=\"\(width - margin.right)\" y1=\"\(f(y(target)))\" y2=\"\(f(y(target)))\" class=\"spc-target\"/>\n"
        }
        svg +=
            "<polyline points=\"\(chart.points.indices.map { "\(f(x($0))),\(f(y(chart.points[$0].value)))" }.joined(separator: " "))\" class=\"spc-line\"/>\n"
        for (index, point) in chart.points.enumerated() {
            let style = point.type.rawValue.replacingOccurrences(of: "_", with: "-")
            svg +=
                "<circle cx=\"\(f(x(index)))\" cy=\"\(f(y(point.value)))\" r=\"4\" class=\"\(style)\"><title>\(labels[index].escapedForXML): \(format(point.value).escapedForXML)\(point.rule.map { " (\($0.rawValue.replacingOccurrences(of: "_", with: " ")))" } ?? "")</title></circle>\n"
        }
        return svg + "</svg>"
    }
}

/// The Making Data Count variation and assurance icons as small accessible SVGs with text alternatives.
enum SPCIcon {
    /// The variation icon.
    static func variation(_ icon: XmRChart.VariationIcon) -> String {
        let (letter, style, text): (String, String, String) =
            switch icon {
            case .commonCause: ("~", "common-cause", "Common cause variation")
            case .improvementHigh: ("H", "special-cause-improvement", "Special cause improvement (high)")
            case .improvementLow: ("L", "special-cause-improvement", "Special cause improvement (low)")
            case .concernHigh: ("H", "special-cause-concern", "Special cause concern (high)")
            case .concernLow: ("L", "special-cause-concern", "Special cause concern (low)")
            case .neutralHigh: ("H", "special-cause-neutral", "Special cause, neither better nor worse (high)")
            case .neutralLow: ("L", "special-cause-neutral", "Special cause, neither better nor worse (low)")
            }
        return badge(letter, style, text)
    }

    /// The assurance icon, or a dash when there is none.
    static func assurance(_ icon: XmRChart.AssuranceIcon?) -> String {
        guard let icon else { return "<span class=\"meta\">–</span>" }
        let (letter, style, text): (String, String, String) =
            switch icon {
            case .consistentPass: ("P", "special-cause-improvement", "Will consistently pass the target")
            case .consistentFail: ("F", "special-cause-concern", "Will consistently fail the target")
            case .hitAndMiss: ("?", "common-cause", "Will hit and miss the target")
            }
        return badge(letter, style, text)
    }

    private static func badge(_ letter: String, _ style: String, _ text: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32" role="img" aria-label="\(text)" class="icon"><title>\(text)</title><circle cx="16" cy="16" r="14" class="\(style)"/><text x="16" y="21" text-anchor="middle" class="icon-letter">\(letter.escapedForXML)</text></svg>
        """
    }
}
