import ConcordatCore
import Foundation
import Governance

/// The NPSA 5 × 5 risk matrix as accessible SVG: consequence across, likelihood up, each cell coloured by
/// its band and showing how many risks sit there now. Pure.
struct RiskHeatMap {
    var id: String
    var risks: [Risk]

    var svg: String {
        let cell = 56
        let left = 110
        let top = 10
        let width = left + cell * 5 + 10
        let height = top + cell * 5 + 60
        var counts = [Int](repeating: 0, count: 25)
        for risk in risks { counts[(risk.current.likelihood - 1) * 5 + risk.current.consequence - 1] += 1 }
        let description =
            "\(risks.count) risks by current score. "
            + RiskScore.Band.allCases.map { band in
                "\(band.rawValue): \(risks.filter { $0.current.band == band }.count)"
            }
            .joined(separator: ", ") + "."
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="100%" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" class="chart heatmap">
            <title id="\(id)-title">Risks on the 5 × 5 matrix (NPSA 2008)</title>
            <desc id="\(id)-desc">\(description.escapedForXML)</desc>

            """
        for likelihood in 1...5 {
            for consequence in 1...5 {
                let score = try! RiskScore(likelihood: likelihood, consequence: consequence)
                let x = left + (consequence - 1) * cell
                let y = top + (5 - likelihood) * cell
                let count = counts[(likelihood - 1) * 5 + consequence - 1]
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" class=\"band-\(score.band.rawValue)\"><title>likelihood \(likelihood) × consequence \(consequence) = \(score.score) (\(score.band.rawValue)): \(count) risks</title></rect>"
                svg +=
                    "<text x=\"\(x + cell / 2 - 1)\" y=\"\(y + cell / 2 + 5)\" text-anchor=\"middle\" class=\"label\">\(count > 0 ? String(count) : "")</text>\n"
            }
            svg +=
                "<text x=\"\(left - 6)\" y=\"\(top + (5 - likelihood) * cell + cell / 2 + 4)\" text-anchor=\"end\" class=\"tick\">\(RiskDescriptors.npsa.likelihood[likelihood - 1])</text>\n"
        }
        for consequence in 1...5 {
            svg +=
                "<text x=\"\(left + (consequence - 1) * cell + cell / 2)\" y=\"\(top + 5 * cell + 16)\" text-anchor=\"middle\" class=\"tick\">\(RiskDescriptors.npsa.consequence[consequence - 1])</text>\n"
        }
        svg +=
            "<text x=\"\(left + cell * 5 / 2)\" y=\"\(top + 5 * cell + 40)\" text-anchor=\"middle\" class=\"label\">Consequence</text>"
        return svg + "</svg>"
    }
}

/// The work programme as a Gantt-style SVG: phases across the top, a row per workstream with its
/// milestones as diamonds (blue done, grey to do, orange late), and a line for today. Pure.
struct ProgrammeGantt {
    var id: String
    var programme: WorkProgramme
    var today: Day

    var svg: String {
        let left = 330
        let width = 900
        let rowHeight = 30
        let top = 40
        guard let start = programme.phases.first?.start, let end = programme.phases.last?.end, start < end else {
            return ""
        }
        let span = Double(start.days(to: end))
        func x(_ day: Day) -> Double {
            Double(left) + Double(start.days(to: day)) / span * Double(width - left - 10)
        }
        let height = top + programme.workstreams.count * rowHeight + 20
        let late = Set(programme.late(on: today).map(\.id))
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="100%" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" class="chart gantt">
            <title id="\(id)-title">Work programme: phases, workstreams and milestones</title>
            <desc id="\(id)-desc">\(programme.phases.map { "\($0.name) \($0.start) to \($0.end)" }.joined(separator: "; ")). \(late.count) milestones late.</desc>

            """
        for (index, phase) in programme.phases.enumerated() {
            let from = x(phase.start)
            let to = x(phase.end)
            svg += String(
                format: "<rect x=\"%.1f\" y=\"4\" width=\"%.1f\" height=\"24\" class=\"phase-%d\"/>", from,
                max(to - from, 1), index % 2)
            svg +=
                String(format: "<text x=\"%.1f\" y=\"21\" class=\"label\">", from + 4) + phase.name.escapedForXML
                + "</text>\n"
        }
        for (row, stream) in programme.workstreams.enumerated() {
            let y = top + row * rowHeight
            svg +=
                "<text x=\"\(left - 8)\" y=\"\(y + 19)\" text-anchor=\"end\" class=\"tick\">\(stream.escapedForXML)</text>"
            svg +=
                "<line x1=\"\(left)\" x2=\"\(width - 10)\" y1=\"\(y + rowHeight - 2)\" y2=\"\(y + rowHeight - 2)\" class=\"grid\"/>\n"
            for milestone in programme.milestones where milestone.workstream == stream {
                let cx = x(milestone.due)
                let cy = Double(y + 15)
                let style = milestone.status == .done ? "done" : late.contains(milestone.id) ? "late" : "todo"
                svg +=
                    String(
                        format: "<path d=\"M%.1f %.1f l7 7 l-7 7 l-7 -7 z\" class=\"milestone-%@\"><title>", cx, cy - 7,
                        style)
                    + "\(milestone.title.escapedForXML): due \(milestone.due), \(milestone.status.rawValue)\(late.contains(milestone.id) ? ", late" : "")</title></path>\n"
            }
        }
        if start <= today, today <= end {
            svg += String(
                format: "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" y2=\"%d\" class=\"today\"/>", x(today), x(today), height
            )
        }
        return svg + "</svg>"
    }
}
