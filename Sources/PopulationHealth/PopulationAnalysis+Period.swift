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
        try stage(0.2, "segments and profiles, the admission-risk model, spend and the person-based formula")
        let engine = PopulationHealthEngine(period: period, electronicFrailtyIndex: electronicFrailtyIndex)
        // The four parts read the dataset and return values, so they are made side by side, one per core.
        let parts = sideBySide(4) { part -> Part in
            switch part {
            case 0: .profiles(engine.profiles(of: dataset))
            case 1: .spend(SpendSummary(of: dataset, period: period))
            case 2: .risk(AdmissionRiskStudy(period: period, dataset: dataset).evaluate(on: dataset))
            default: .capitation(PersonBasedCapitation(referenceDate: period.endExclusive).fit(on: dataset))
            }
        }
        try stage(0.9, "the analysis")
        var analysis = PopulationAnalysis(profiles: [:], admissionRisk: nil)
        var cohort: [RiskCohortMember] = []
        for part in parts {
            switch part {
            case .profiles(let profiles): analysis.profiles = profiles
            case .spend(let spend): analysis.spend = spend
            case .risk(.reported(let report, let members)):
                analysis.admissionRisk = report
                cohort = members
            case .risk(.refused(let reason)): analysis.admissionRiskRefusal = reason
            case .capitation(let capitation): analysis.personBasedCapitation = capitation
            }
        }
        analysis.period = period
        analysis.extractDate = extractDate
        analysis.frailtyConfiguration = electronicFrailtyIndex?.configuration
        analysis.eventsOutsidePeriod = dataset.eventsOutside(period)
        analysis.version = currentVersion
        return (analysis, cohort)
    }

    /// One of the engine's parts, made side by side with the others.
    private enum Part: Sendable {
        case profiles([String: PracticeProfile])
        case spend(SpendSummary)
        case risk(AdmissionRiskStudy.Evaluation)
        case capitation(PersonBasedCapitation.Result?)
    }
}
