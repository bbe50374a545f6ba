import ConcordatCore
import Foundation
import GRDB

/// The `dataset` table: one row describing the loaded integrated dataset.
struct DatasetRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "dataset"
    var fingerprint: String
    var importedAt: Date
    var source: String
    var people: Int
    var diagnoses: Int
    var events: Int
    var analysis: Data?

    init(
        fingerprint: String, importedAt: Date, source: String, people: Int, diagnoses: Int, events: Int,
        analysis: Data?
    ) {
        self.fingerprint = fingerprint
        self.importedAt = importedAt
        self.source = source
        self.people = people
        self.diagnoses = diagnoses
        self.events = events
        self.analysis = analysis
    }

    init(_ summary: DatasetSummary) {
        self.init(
            fingerprint: summary.fingerprint, importedAt: summary.importedAt, source: summary.source,
            people: summary.people, diagnoses: summary.diagnoses, events: summary.events, analysis: summary.analysis)
    }

    /// The summary this row describes, with the people loaded per practice.
    func summary(peopleByPractice: [String: Int]) -> DatasetSummary {
        DatasetSummary(
            fingerprint: fingerprint, importedAt: importedAt, source: source, people: people, diagnoses: diagnoses,
            events: events, peopleByPractice: peopleByPractice, analysis: analysis)
    }
}

/// The `dataset_column` table: one column of the dataset as raw little-endian bytes.
struct DatasetColumnRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "dataset_column"
    var name: String
    var data: Data
}

/// The `dataset_practice` table: people loaded per practice, for pages.
struct DatasetPracticeRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "dataset_practice"
    var practiceCode: String
    var people: Int
}
