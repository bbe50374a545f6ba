import PopulationHealth

/// "About these figures": what every needs figure on a page or in the API is — the analysis period, the
/// reference date (population and ages), the extract date, who counts, the denominator of rates, the
/// people who died in the period, and the disclosure rule every count passed through.
struct AboutTheseFigures: Codable, Sendable {
    /// The analysis period, `YYYY-MM..YYYY-MM` (`nil`: the analysis predates stored periods).
    var period: String?
    /// The period in words.
    var periodText: String
    /// The date the population is counted at and ages are taken at.
    var referenceDate: String?
    /// The extract date the dataset was imported with.
    var extractDate: String?
    /// Who is in the population.
    var population: String
    /// What activity and cost count.
    var activity: String
    /// The denominator of every rate and share.
    var rateDenominator: String
    /// The small-number rule.
    var suppression: String
    /// A note when the analysis predates stored periods (re-run it).
    var note: String?

    /// The definitions of the snapshot's analysis, with its disclosure rule.
    init(snapshot: SystemSnapshot) {
        let definitions = snapshot.definitions
        period = definitions.period
        periodText = definitions.periodText
        referenceDate = definitions.referenceDate
        extractDate = definitions.extractDate
        population = definitions.population
        activity = definitions.activity
        rateDenominator = definitions.rateDenominator
        let policy = snapshot.published.policy
        suppression =
            "Counts of 1 to \(policy.threshold) are suppressed, every other count is rounded to the nearest "
            + "\(policy.roundingBase), and a count that would let a suppressed one be worked out is suppressed "
            + "too; rates, shares and costs per head are computed from the rounded counts."
        note = definitions.note
    }

    /// The block as label and text rows, for pages.
    var rows: [AboutRow] {
        var rows = [AboutRow(label: "Period", text: periodText + (period.map { " (\($0))" } ?? ""))]
        if let referenceDate { rows.append(AboutRow(label: "Reference date", text: referenceDate)) }
        if let extractDate { rows.append(AboutRow(label: "Extract date", text: extractDate)) }
        rows.append(AboutRow(label: "Population", text: population))
        rows.append(AboutRow(label: "Activity and cost", text: activity))
        rows.append(AboutRow(label: "Rates", text: rateDenominator))
        rows.append(AboutRow(label: "Small numbers", text: suppression))
        if let note { rows.append(AboutRow(label: "Note", text: note)) }
        return rows
    }

    /// One row of the block on a page.
    struct AboutRow: Codable, Sendable {
        var label: String
        var text: String
    }
}
