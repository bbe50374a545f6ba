import ConcordatCore

/// Everything the population health engine computes for a dataset, in aggregate: the profile of each
/// practice, the admission-risk model's report, spend in aggregate and the person-based capitation formula. Stored with the dataset; read by pages and the API.
public struct PopulationAnalysis: Sendable, Codable, Hashable {
    /// Profiles by practice code.
    public var profiles: [String: PracticeProfile]
    /// The admission-risk model, when the dataset could support one.
    public var admissionRisk: AdmissionRiskReport?
    /// The dataset's spend by practice, setting, provider and month (for the ledger and care networks).
    public var spend: SpendSummary?
    /// The person-based capitation formula fitted on the dataset, with each practice's weighted population.
    public var personBasedCapitation: PersonBasedCapitation.Result?
    /// The engine version that made it (`nil`: before versions were recorded).
    public var version: Int?
    /// The analysis period its figures describe (`nil`: made before periods were stored; see
    /// ``FigureDefinitions``).
    public var period: AnalysisPeriod?
    /// The extract date the dataset was imported with (`nil`: made before it was stored).
    public var extractDate: Day?
    /// Why the admission-risk model is not reported, when it is not (its windows fall outside the data).
    public var admissionRiskRefusal: String?
    /// Events in the dataset that started outside the period: kept, not counted.
    public var eventsOutsidePeriod: EventsOutsidePeriod?
    /// The eFI's deficit lists the analysis was made with (`nil`: no eFI, or made before they were kept), so
    /// that a re-analysis of the stored dataset computes the same eFI.
    public var frailtyConfiguration: ElectronicFrailtyIndex.Configuration?

    /// The engine version: raised when the analysis gains a measure, so stored analyses are refreshed.
    public static let currentVersion = 5

    /// Makes an analysis.
    public init(
        profiles: [String: PracticeProfile], admissionRisk: AdmissionRiskReport?, spend: SpendSummary? = nil,
        personBasedCapitation: PersonBasedCapitation.Result? = nil
    ) {
        self.profiles = profiles
        self.admissionRisk = admissionRisk
        self.spend = spend
        self.personBasedCapitation = personBasedCapitation
    }

    /// Runs the engine and the risk study on `dataset`, with ages and periods taken at `referenceDate`.
    public init(of dataset: IntegratedDataset, referenceDate: Day) {
        self = Self.run(on: dataset, referenceDate: referenceDate).analysis
    }

    /// Runs the engine, returning the analysis (aggregates, for pages) and, apart from it, the top-risk
    /// cohort by person (for an authorised role only).
    /// - Parameter electronicFrailtyIndex: the eFI, when its SNOMED CT deficit lists are configured.
    public static func run(
        on dataset: IntegratedDataset, referenceDate: Day, electronicFrailtyIndex: ElectronicFrailtyIndex? = nil
    ) -> (analysis: PopulationAnalysis, cohort: [RiskCohortMember]) {
        run(on: dataset, referenceDate: referenceDate, electronicFrailtyIndex: electronicFrailtyIndex) { _, _ in }
    }

    /// The same, reporting its stages as it goes.
    /// - Parameters:
    ///   - electronicFrailtyIndex: the eFI, when its SNOMED CT deficit lists are configured.
    ///   - stage: told before each stage how far the run has got (0–1) and what comes next; it may throw to
    ///     stop the run (a cancelled background job).
    public static func run(
        on dataset: IntegratedDataset, referenceDate: Day, electronicFrailtyIndex: ElectronicFrailtyIndex? = nil,
        stage: (_ progress: Double, _ name: String) throws -> Void
    ) rethrows -> (analysis: PopulationAnalysis, cohort: [RiskCohortMember]) {
        try stage(0.2, "segments and profiles")
        let engine = PopulationHealthEngine(
            referenceDate: referenceDate, electronicFrailtyIndex: electronicFrailtyIndex)
        let profiles = engine.profiles(of: dataset)
        try stage(0.5, "admission-risk model")
        let study = AdmissionRiskStudy(referenceDate: referenceDate).study(on: dataset)
        try stage(0.75, "spend and the person-based formula")
        var analysis = PopulationAnalysis(profiles: profiles, admissionRisk: study?.report)
        analysis.spend = SpendSummary(of: dataset, referenceDate: referenceDate)
        analysis.personBasedCapitation = PersonBasedCapitation(referenceDate: referenceDate).fit(on: dataset)
        analysis.version = currentVersion
        return (analysis, study?.cohort ?? [])
    }
}
