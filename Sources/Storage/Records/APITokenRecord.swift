import Foundation
import GRDB

/// The `api_token` table: each token's SHA-256 hash (never the token), whose it is, its name and its uses.
struct APITokenRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "api_token"
    var id: Int64?
    var tokenHash: String
    var username: String
    var name: String
    var createdAt: Date
    var lastUsedAt: Date?
    var revokedAt: Date?

    var token: APIToken {
        APIToken(
            id: id ?? 0, username: username, name: name, createdAt: createdAt, lastUsedAt: lastUsedAt,
            revokedAt: revokedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
