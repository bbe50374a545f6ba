import ConcordatCore

extension PopulationAnalysis {
    /// Runs the engine for one analysis period (see the staged form below).
    public static func run(
        on dataset: IntegratedDataset, period: AnalysisPeriod, extractDate: Day,
        electronicFrailtyIndex: ElectronicFrailtyIndex? = nil
    ) -> (analysis: PopulationAnalysis, cohort: [RiskCohortMember]) {
        run(
            on: dataset, period: period, extractDate: extractDate, electronicFrailtyIndex: electronicFrailtyIndex
        ) { _, _ in }
    }

    /// Runs the engine for one analysis period: the population is those registered and alive on the
    /// period's last day (ages taken then), activity and cost are the events starting in the period of
    /// those people and of the people who died in it (shown apart), and the admission-risk model's
    /// windows are the period's halves, or it refuses with the reason. Pure: the same dataset, period
    /// and extract date give the same analysis.
    /// - Parameters:
    ///   - extractDate: the extract date the dataset was imported with (recorded with the analysis).
    ///   - electronicFrailtyIndex: the eFI, when its SNOMED CT deficit lists are configured.
    ///   - stage: told before each stage how far the run has got (0–1) and what comes next; it may throw.
    public static func run(
        on dataset: IntegratedDataset, period: AnalysisPeriod, extractDate: Day,
        electronicFrailtyIndex: ElectronicFrailtyIndex? = nil,
        stage: (_ progress: Double, _ name: String) throws -> Void
    ) rethrows -> (analysis: PopulationAnalysis, cohort: [RiskCohortMember]) {
        try stage(0.2, "segments and profiles")
        let engine = PopulationHealthEngine(period: period, electronicFrailtyIndex: electronicFrailtyIndex)
        let profiles = engine.profiles(of: dataset)
        try stage(0.5, "admission-risk model")
        var analysis = PopulationAnalysis(profiles: profiles, admissionRisk: nil)
        var cohort: [RiskCohortMember] = []
        switch AdmissionRiskStudy(period: period, dataset: dataset).evaluate(on: dataset) {
        case .reported(let report, let members):
            analysis.admissionRisk = report
            cohort = members
        case .refused(let reason): analysis.admissionRiskRefusal = reason
        }
        try stage(0.75, "spend and the person-based formula")
        analysis.spend = SpendSummary(of: dataset, period: period)
        analysis.personBasedCapitation = PersonBasedCapitation(referenceDate: period.endExclusive).fit(on: dataset)
        analysis.period = period
        analysis.extractDate = extractDate
        analysis.frailtyConfiguration = electronicFrailtyIndex?.configuration
        analysis.eventsOutsidePeriod = dataset.eventsOutside(period)
        analysis.version = currentVersion
        return (analysis, cohort)
    }
}
