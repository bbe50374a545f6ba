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
        profiles = PopulationHealthEngine(referenceDate: referenceDate).profiles(of: dataset)
        admissionRisk = AdmissionRiskStudy(referenceDate: referenceDate).run(on: dataset)
        spend = SpendSummary(of: dataset, referenceDate: referenceDate)
        personBasedCapitation = PersonBasedCapitation(referenceDate: referenceDate).fit(on: dataset)
    }
}
