import Foundation
import GRDB
import Governance

/// The `memorandum` table: every adopted version of the partnership's MoU, with its ratification routes.
struct MemorandumRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "memorandum"
    var version: Int
    var document: Data
    var routes: Data
    var adoptedAt: Date
}

/// The `decision` table: each proposal with its votes, outcome and ratifications (JSON, read whole).
struct DecisionRecordRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "decision"
    var id: String
    var document: Data
    var tabledAt: Date
}

/// The `register_entry` table: the hash-chained decision register, append only.
struct RegisterEntryRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "register_entry"
    var sequence: Int
    var recordedAt: String
    var kind: String
    var subject: String
    var detail: String
    var previousHash: String
    var hash: String

    init(_ entry: DecisionRegister.Entry) {
        sequence = entry.sequence
        recordedAt = entry.recordedAt
        kind = entry.kind
        subject = entry.subject
        detail = entry.detail
        previousHash = entry.previousHash
        hash = entry.hash
    }

    var entry: DecisionRegister.Entry {
        DecisionRegister.Entry(
            sequence: sequence, recordedAt: recordedAt, kind: kind, subject: subject, detail: detail,
            previousHash: previousHash, hash: hash)
    }

    /// Appends the next entry to the chain stored in `db`.
    static func append(kind: String, subject: String, detail: String, at date: Date, _ db: Database) throws {
        // Only the last entry is needed to extend the chain; numbering continues from it.
        let last = try RegisterEntryRecord.order(Column("sequence").desc).fetchOne(db)
        let sequence = (last?.sequence ?? 0) + 1
        let previous = last?.hash ?? DecisionRegister.genesis
        let recordedAt = ISO8601DateFormatter().string(from: date)
        let entry = DecisionRegister.Entry(
            sequence: sequence, recordedAt: recordedAt, kind: kind, subject: subject, detail: detail,
            previousHash: previous,
            hash: DecisionRegister.hash(
                sequence: sequence, recordedAt: recordedAt, kind: kind, subject: subject, detail: detail,
                previousHash: previous))
        try RegisterEntryRecord(entry).insert(db)
    }
}

/// The `governance_document` table: whole documents kept by key (the work programme).
struct GovernanceDocumentRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "governance_document"
    var key: String
    var document: Data
}

/// The `risk` table: the risk and issues register, each risk with its history (JSON).
struct RiskRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "risk"
    var id: String
    var area: String
    var document: Data
}
