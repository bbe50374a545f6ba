import ConcordatCore
import Foundation
import GRDB

/// The `health_system` table: one row, the system this store serves.
struct HealthSystemRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "health_system"
    var code: String
    var name: String
    /// The hierarchy levels as JSON (their order matters and they are few).
    var levels: String
    var publishedRegisteredTotal: Int?
    var loadedAt: Date
}
