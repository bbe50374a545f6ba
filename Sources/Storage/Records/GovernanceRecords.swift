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

    /// The entry this row holds.
    /// - Throws: ``StoreError`` `corrupt` when its kind is not a kind of entry.
    func entry() throws -> DecisionRegister.Entry {
        DecisionRegister.Entry(
            sequence: sequence, recordedAt: recordedAt, kind: try Self.kind(kind, sequence: sequence),
            subject: subject, detail: detail, previousHash: previousHash, hash: hash)
    }

    /// The kind a stored row names.
    /// - Throws: ``StoreError`` `corrupt` when it is not a kind of entry.
    static func kind(_ text: String, sequence: Int) throws -> DecisionRegister.Kind {
        guard let kind = DecisionRegister.Kind(rawValue: text) else {
            throw StoreError.corrupt("register entry \(sequence) has the kind '\(text)', which is not a kind of entry")
        }
        return kind
    }

    /// Appends the entry `draft` describes to the chain stored in `db` (the register builds it from the
    /// last entry), and moves the head record to it in the same transaction.
    static func append(_ draft: DecisionRegister.Draft, at date: Date, _ db: Database) throws {
        // Only the last entry is needed to extend the chain; numbering continues from it.
        let last = try RegisterEntryRecord.order(Column("sequence").desc).fetchOne(db)?.entry()
        let (entry, head) = RegisterWrite.append(draft, after: last, at: date)
        try entry.insert(db)
        try db.execute(
            sql: "UPDATE register_head SET count = ?, hash = ? WHERE id = 1", arguments: [head.count, head.hash])
        guard db.changesCount == 1 else { throw RegisterWrite.headMissing }
    }
}

extension RegisterEntryRecord {
    init(_ entry: DecisionRegister.Entry) {
        sequence = entry.sequence
        recordedAt = entry.recordedAt
        kind = entry.kind.rawValue
        subject = entry.subject
        detail = entry.detail
        previousHash = entry.previousHash
        hash = entry.hash
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

extension MemorandumRecord {
    /// The memorandum and its ratification routes.
    func decoded() throws -> (memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes) {
        do {
            return (
                try JSONDecoder().decode(MemorandumOfUnderstanding.self, from: document),
                try JSONDecoder().decode(RatificationRoutes.self, from: routes)
            )
        } catch {
            throw StoreError.corrupt("memorandum version \(version) cannot be read: \(error)")
        }
    }
}

extension DecisionRecordRow {
    /// The decision this row holds.
    func decision() throws -> DecisionRecord {
        do { return try JSONDecoder().decode(DecisionRecord.self, from: document) } catch {
            throw StoreError.corrupt("decision \(id) cannot be read: \(error)")
        }
    }
}

extension RiskRecord {
    /// The risk this row holds.
    func risk() throws -> Risk {
        do { return try JSONDecoder().decode(Risk.self, from: document) } catch {
            throw StoreError.corrupt("risk \(id) cannot be read: \(error)")
        }
    }
}

extension GovernanceDocumentRecord {
    /// The key under which the work programme is kept.
    static let workProgrammeKey = "work-programme"

    /// The work programme this row holds.
    func workProgramme() throws -> WorkProgramme {
        do { return try JSONDecoder().decode(WorkProgramme.self, from: document) } catch {
            throw StoreError.corrupt("the work programme cannot be read: \(error)")
        }
    }
}
