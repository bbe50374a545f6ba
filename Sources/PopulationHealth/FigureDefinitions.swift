import ConcordatCore

/// What a needs figure is, in words an analyst can put in a board paper: the period, the reference date,
/// who counts and the denominator of rates. Shown as "about these figures" on every needs page and given
/// in the API document.
public struct FigureDefinitions: Sendable, Hashable, Codable {
    /// The analysis period, `YYYY-MM..YYYY-MM` (`nil` for an analysis made before periods were stored).
    public var period: String?
    /// The period in words.
    public var periodText: String
    /// The date the population is counted at and ages are taken at (the period's last day).
    public var referenceDate: String?
    /// The extract date the dataset was imported with.
    public var extractDate: String?
    /// Who is in the population.
    public var population: String
    /// What activity and cost count.
    public var activity: String
    /// The denominator every rate and share uses.
    public var rateDenominator: String
    /// A note when the analysis predates stored periods.
    public var note: String?

    /// The definitions of `analysis`.
    public init(of analysis: PopulationAnalysis?) {
        if let analysis, let period = analysis.period {
            self.period = period.description
            periodText = period.words
            referenceDate = period.lastDay.description
            extractDate = analysis.extractDate?.description
            population =
                "People registered with a practice on \(period.lastDay) and alive on that date (the registered "
                + "list at a date, as NHS England's Patients Registered at a GP Practice and OHID's National "
                + "General Practice Profiles count it); ages on \(period.lastDay)."
            let outside = analysis.eventsOutsidePeriod?.count ?? 0
            activity =
                "Events starting \(period.firstDay) to \(period.lastDay), of that population and of the people "
                + "who died in the period (counted in activity and cost, shown apart)"
                + (outside > 0 ? "; \(outside) events outside the period are kept but not counted." : ".")
            rateDenominator =
                "Rates and shares are per person registered on \(period.lastDay) (the population at the period "
                + "end, OHID Fingertips' practice-profile convention), not per person-year registered."
            note = nil
        } else {
            period = nil
            periodText = "not recorded"
            referenceDate = nil
            extractDate = nil
            population = "Everyone in the extract's patient file, including people who died during the year."
            activity = "Every event in the extract, whatever its date."
            rateDenominator = "Rates and shares are per person in the extract."
            note =
                "This analysis was made before analysis periods were stored: re-run the analysis (Jobs) to count "
                + "one period with the registered population at its end."
        }
    }
}
