import ConcordatCore

/// A population pyramid as an accessible, self-contained SVG: males to the left, females to the right,
/// one bar per five-year age band, youngest at the bottom, with a title and a text description for
/// screen readers. Pure: a profile in, SVG text out.
struct PopulationPyramid {
    var profile: PopulationProfile
    var title: String
    var width = 640
    var barHeight = 16

    /// The SVG document.
    var svg: String {
        let margin = (top: 36, bottom: 40, centre: 56, side: 12)
        let height = margin.top + AgeBand.count * barHeight + margin.bottom
        let half = (width - margin.centre - 2 * margin.side) / 2
        let largest = max(1, AgeBand.all.map { max(profile[.female, $0], profile[.male, $0]) }.max() ?? 1)
        let scale = Double(half) / Double(largest)
        let maleRight = margin.side + half
        let femaleLeft = maleRight + margin.centre
        let total = profile.total
        let description =
            "Registered population \(total.grouped): \(profile.total(of: .female).grouped) female, "
            + "\(profile.total(of: .male).grouped) male. Largest band: "
            + (AgeBand.all.max { profile.total(in: $0) < profile.total(in: $1) }.map {
                "\($0.label) (\(profile.total(in: $0).grouped))"
            } ?? "none")
            + "."
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="100%" role="img" \
            aria-labelledby="pyramid-title pyramid-desc" class="chart pyramid">
            <title id="pyramid-title">\(title.escapedForXML)</title>
            <desc id="pyramid-desc">\(description.escapedForXML)</desc>
            <text x="\(maleRight - half / 2)" y="20" text-anchor="middle" class="label">Male</text>
            <text x="\(femaleLeft + half / 2)" y="20" text-anchor="middle" class="label">Female</text>

            """
        for band in AgeBand.all {
            let y = margin.top + (AgeBand.count - 1 - band.index) * barHeight
            let male = profile[.male, band]
            let female = profile[.female, band]
            let maleWidth = Int((Double(male) * scale).rounded())
            let femaleWidth = Int((Double(female) * scale).rounded())
            svg += """
                <g><title>\(band.label): \(male.grouped) male, \(female.grouped) female</title>\
                <rect x="\(maleRight - maleWidth)" y="\(y + 1)" width="\(maleWidth)" height="\(barHeight - 2)" class="male"/>\
                <rect x="\(femaleLeft)" y="\(y + 1)" width="\(femaleWidth)" height="\(barHeight - 2)" class="female"/>\
                <text x="\(maleRight + margin.centre / 2)" y="\(y + barHeight - 4)" text-anchor="middle" class="tick">\(band.label)</text></g>

                """
        }
        let axisY = margin.top + AgeBand.count * barHeight + 16
        svg += """
            <text x="\(margin.side)" y="\(axisY)" class="tick">\(largest.grouped)</text>
            <text x="\(maleRight)" y="\(axisY)" text-anchor="end" class="tick">0</text>
            <text x="\(femaleLeft)" y="\(axisY)" class="tick">0</text>
            <text x="\(width - margin.side)" y="\(axisY)" text-anchor="end" class="tick">\(largest.grouped)</text>
            <text x="\(width / 2)" y="\(axisY + 18)" text-anchor="middle" class="label">People registered, by age band (years)</text>
            </svg>
            """
        return svg
    }
}
