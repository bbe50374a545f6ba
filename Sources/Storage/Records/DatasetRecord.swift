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
