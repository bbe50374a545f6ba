import Foundation

/// What the loaded integrated dataset holds, without the person-level rows: enough for pages to show
/// its counts beside the published ones.
public struct DatasetSummary: Hashable, Sendable, Codable {
    /// SHA-256 of the extract files: the same extract has the same fingerprint.
    public var fingerprint: String
    /// When it was imported.
    public var importedAt: Date
    /// Where it came from, in words ("synthetic, seed 2026", "extract from …").
    public var source: String
    /// People loaded.
    public var people: Int
    /// Diagnoses loaded.
    public var diagnoses: Int
    /// Events loaded.
    public var events: Int
    /// People loaded, by practice code.
    public var peopleByPractice: [String: Int]
    /// The population health engine's per-practice profiles, JSON-encoded by the PopulationHealth module
    /// (aggregates only; no person); `nil` until computed.
    public var analysis: Data?

    /// Makes a summary.
    public init(
        fingerprint: String, importedAt: Date, source: String, people: Int, diagnoses: Int, events: Int,
        peopleByPractice: [String: Int], analysis: Data? = nil
    ) {
        self.fingerprint = fingerprint
        self.importedAt = importedAt
        self.source = source
        self.people = people
        self.diagnoses = diagnoses
        self.events = events
        self.peopleByPractice = peopleByPractice
        self.analysis = analysis
    }

    /// The summary of `dataset`.
    public init(
        of dataset: IntegratedDataset, fingerprint: String, source: String, importedAt: Date = Date(),
        analysis: Data? = nil
    ) {
        self.init(
            fingerprint: fingerprint, importedAt: importedAt, source: source, people: dataset.personCount,
            diagnoses: dataset.diagnosisCount, events: dataset.eventCount, peopleByPractice: dataset.peopleByPractice(),
            analysis: analysis)
    }
}
