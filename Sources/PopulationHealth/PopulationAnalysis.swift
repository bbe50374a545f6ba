import ConcordatCore

/// Everything the population health engine computes for a dataset, in aggregate: the profile of each
/// practice and the admission-risk model's report. Stored with the dataset; read by pages and the API.
public struct PopulationAnalysis: Sendable, Codable, Hashable {
    /// Profiles by practice code.
    public var profiles: [String: PracticeProfile]
    /// The admission-risk model, when the dataset could support one.
    public var admissionRisk: AdmissionRiskReport?

    /// Makes an analysis.
    public init(profiles: [String: PracticeProfile], admissionRisk: AdmissionRiskReport?) {
        self.profiles = profiles
        self.admissionRisk = admissionRisk
    }

    /// Runs the engine and the risk study on `dataset`, with ages and periods taken at `referenceDate`.
    public init(of dataset: IntegratedDataset, referenceDate: Day) {
        profiles = PopulationHealthEngine(referenceDate: referenceDate).profiles(of: dataset)
        admissionRisk = AdmissionRiskStudy(referenceDate: referenceDate).run(on: dataset)
    }
}
