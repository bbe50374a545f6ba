import ConcordatCore
import GRDB

/// The `data_quality_note` table: what assembling the system found worth telling, in order.
struct DataQualityNoteRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "data_quality_note"
    var id: Int64?
    var kind: String
    var subject: String
    var message: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
