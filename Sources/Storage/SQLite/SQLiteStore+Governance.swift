import ConcordatCore
import Foundation
import GRDB
import Governance

extension SQLiteStore {
    /// The latest memorandum and its routes.
    public func memorandum() async throws -> (memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes)? {
        try await writer.read { db in try MemorandumRecord.order(Column("version").desc).fetchOne(db) }?.decoded()
    }

    /// Adopts the next version and records it in the register, in one transaction.
    public func adoptMemorandum(_ memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes, detail: String)
        async throws
    {
        let now = Date()
        try await writer.write { db in
            let latest = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM memorandum")
            let (record, draft) = try RegisterWrite.adoption(
                of: memorandum, routes: routes, detail: detail, latestVersion: latest, at: now)
            try record.insert(db)
            try RegisterEntryRecord.append(draft, at: now, db)
        }
    }

    /// Every decision, in the order tabled.
    public func decisions() async throws -> [DecisionRecord] {
        try await writer.read { db in
            try DecisionRecordRow.order(Column("tabledAt"), Column("id")).fetchAll(db)
        }.map { try $0.decision() }
    }

    /// Changes a decision and appends to the register in one write transaction.
    public func updateDecision(
        _ id: String,
        _ change:
            @Sendable (DecisionRecord?) throws -> (record: DecisionRecord, kind: DecisionRegister.Kind, detail: String)
    ) async throws -> DecisionRecord {
        try await writer.write { db in
            let now = Date()
            let (row, record, draft) = try RegisterWrite.decisionChange(
                id, row: try DecisionRecordRow.fetchOne(db, key: id), change, at: now)
            try row.save(db)
            try RegisterEntryRecord.append(draft, at: now, db)
            return record
        }
    }

    /// The register, oldest first.
    public func registerEntries() async throws -> [DecisionRegister.Entry] {
        try await writer.read { db in
            try RegisterEntryRecord.order(Column("sequence")).fetchAll(db).map { try $0.entry() }
        }
    }

    /// The register's entries after `sequence`, oldest first.
    public func registerEntries(after sequence: Int) async throws -> [DecisionRegister.Entry] {
        try await writer.read { db in
            try RegisterEntryRecord.filter(Column("sequence") > sequence).order(Column("sequence")).fetchAll(db)
                .map { try $0.entry() }
        }
    }

    /// One decision.
    public func decision(_ id: String) async throws -> DecisionRecord? {
        try await writer.read { db in try DecisionRecordRow.fetchOne(db, key: id) }?.decision()
    }

    /// The register's latest entry.
    public func registerHead() async throws -> DecisionRegister.Entry? {
        try await writer.read { db in try RegisterEntryRecord.order(Column("sequence").desc).fetchOne(db)?.entry() }
    }

    /// The register's head record.
    public func registerHeadRecord() async throws -> DecisionRegister.Head? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT count, hash FROM register_head WHERE id = 1").map {
                DecisionRegister.Head(count: $0["count"], hash: $0["hash"])
            }
        }
    }
}
