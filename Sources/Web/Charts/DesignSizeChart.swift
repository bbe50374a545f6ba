import ConcordatCore

/// The system map as a chart: every unit of the level that has a design size (PCNs), grouped under
/// its parent (place), as a horizontal bar of its registered population, over a shaded band showing the
/// design size. Bars outside the band are drawn in a warning colour and labelled "outside". Pure: a
/// system in, SVG text out; `nil` when no level has a design size or nothing has a population.
struct DesignSizeChart {
    var system: HealthSystem
    var width = 960
    var rowHeight = 20

    var svg: String? {
        guard let level = system.levels.first(where: { $0.designPopulation != nil }),
            let range = level.designPopulation
        else { return nil }
        let units = system.areas(atLevel: level.key)
        let groups = Dictionary(grouping: units) { $0.parentCode ?? "" }
        let parents = system.areas.filter { groups[$0.code] != nil }
        let largest = units.map { system.population(of: $0.code).total }.max() ?? 0
        guard largest > 0 else { return nil }
        let top = max(largest, range.upperBound) * 21 / 20
        let (labelWidth, right, headerHeight) = (300, 110, 28)
        let plot = width - labelWidth - right
        func x(_ value: Int) -> Int { labelWidth + Int((Double(value) / Double(top) * Double(plot)).rounded()) }
        let rows = units.count
        let height = 40 + rows * rowHeight + parents.count * headerHeight + 40
        let outside = units.filter { system.isOutsideDesignSize($0.code) == true }.count
        let title = "\(level.plural) by registered population against the design size"
        let description =
            "\(units.count) \(level.plural.inSentence); \(outside) fall outside the design size of "
            + "\(range.lowerBound.grouped)–\(range.upperBound.grouped). Grouped by "
            + "\(system.levels.first { $0.key == parents.first?.level }?.singular.inSentence ?? "parent")."
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="100%" role="img" \
            aria-labelledby="design-title design-desc" class="chart design-size">
            <title id="design-title">\(title.escapedForXML)</title>
            <desc id="design-desc">\(description.escapedForXML)</desc>
            <rect x="\(x(range.lowerBound))" y="30" width="\(x(range.upperBound) - x(range.lowerBound))" \
            height="\(height - 70)" class="band"/>
            <text x="\((x(range.lowerBound) + x(range.upperBound)) / 2)" y="22" text-anchor="middle" class="label">\
            Design size \(range.lowerBound.grouped)–\(range.upperBound.grouped)</text>

            """
        var y = 40
        for parent in parents {
            svg += "<text x=\"4\" y=\"\(y + 18)\" class=\"group\">\(parent.name.escapedForXML)</text>\n"
            y += headerHeight
            let members = groups[parent.code]!.sorted { NaturalOrder.precedes($0.name, $1.name) }
            for unit in members {
                let total = system.population(of: unit.code).total
                let isOutside = !range.contains(total)
                let name = unit.name.escapedForXML
                let shown = (unit.name.count > 40 ? unit.name.prefix(39) + "…" : unit.name).escapedForXML
                svg += """
                    <g><title>\(name): \(total.grouped)\(isOutside ? " (outside the design size)" : "")</title>\
                    <a href="/areas/\(unit.code.escapedForXML)"><text x="16" y="\(y + rowHeight - 6)" class="tick">\(shown)</text></a>\
                    <rect x="\(labelWidth)" y="\(y + 3)" width="\(x(total) - labelWidth)" height="\(rowHeight - 6)" \
                    class="\(isOutside ? "outside" : "within")"/>\
                    <text x="\(x(total) + 4)" y="\(y + rowHeight - 6)" class="tick">\(total.grouped)\
                    \(isOutside ? " outside" : "")</text></g>

                    """
                y += rowHeight
            }
        }
        let axis = y + 16
        svg += "<line x1=\"\(labelWidth)\" y1=\"\(y + 2)\" x2=\"\(width - right)\" y2=\"\(y + 2)\" class=\"axis\"/>\n"
        for tick in stride(from: 0, through: top, by: 10_000) {
            svg += "<text x=\"\(x(tick))\" y=\"\(axis)\" text-anchor=\"middle\" class=\"tick\">\(tick.grouped)</text>\n"
        }
        svg += """
            <text x="\(labelWidth + plot / 2)" y="\(axis + 18)" text-anchor="middle" class="label">People registered</text>
            </svg>
            """
        return svg
    }
}
