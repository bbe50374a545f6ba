import ConcordatCore
import GRDB

/// The `reference_source` table: the published files the system was built from.
struct ReferenceSourceRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "reference_source"
    var file: String
    var publication: String
    var rows: Int
}
