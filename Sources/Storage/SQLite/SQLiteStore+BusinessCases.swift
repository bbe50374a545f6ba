import ConcordatCore
import Foundation
import GRDB
import Governance

extension SQLiteStore {
    /// Migration v18: business cases, their attachment to proposals, Section 151 determinations and the
    /// accounts holding offices.
    static func registerBusinessCaseMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v18: business cases, determinations, offices") { db in
            try db.execute(
                sql: """
                    CREATE TABLE business_case (
                        id TEXT PRIMARY KEY, title TEXT NOT NULL, scenarioDefinition TEXT NOT NULL,
                        appraisalReport TEXT NOT NULL, strategic TEXT NOT NULL, commercial TEXT NOT NULL,
                        management TEXT NOT NULL, economic TEXT NOT NULL, financial TEXT NOT NULL,
                        author TEXT NOT NULL, organisation TEXT, createdAt DATETIME NOT NULL);
                    CREATE TABLE section151_determination (
                        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                        businessCase TEXT NOT NULL REFERENCES business_case(id), council TEXT NOT NULL,
                        username TEXT NOT NULL, at DATETIME NOT NULL, outcome TEXT NOT NULL, reason TEXT NOT NULL);
                    CREATE TABLE business_case_attachment (
                        businessCase TEXT PRIMARY KEY REFERENCES business_case(id), proposal TEXT NOT NULL UNIQUE,
                        attachedAt DATETIME NOT NULL);
                    CREATE TABLE office_holder (
                        username TEXT NOT NULL, office TEXT NOT NULL, organisation TEXT NOT NULL,
                        PRIMARY KEY (username, office));
                    """)
        }
    }

    /// Every business case, oldest first.
    public func businessCases() async throws -> [StoredBusinessCase] {
        try await writer.read { db in
            try BusinessCaseRow.order(Column("createdAt"), Column("id")).fetchAll(db).map { try Self.stored($0, db) }
        }
    }

    /// One business case.
    public func businessCase(_ id: String) async throws -> StoredBusinessCase? {
        try await writer.read { db in try BusinessCaseRow.fetchOne(db, key: id).map { try Self.stored($0, db) } }
    }

    /// Keeps a newly drafted case with its register entry.
    public func insertBusinessCase(_ stored: StoredBusinessCase, detail: String) async throws {
        try BusinessCaseWrite.check(stored)
        let row = try BusinessCaseRow(stored)
        try await writer.write { db in
            guard try BusinessCaseRow.fetchOne(db, key: row.id) == nil else {
                throw StoreError.conflict("business case", row.id)
            }
            try row.insert(db)
            try RegisterEntryRecord.append(
                .init(kind: .businessCase, subject: row.id, detail: detail), at: Date(), db)
        }
    }

    /// Attaches a case to a proposal, with the decision's change and its register entry.
    public func attachBusinessCase(
        _ id: String, to proposal: String,
        _ change: @Sendable (DecisionRecord?, StoredBusinessCase) throws -> (record: DecisionRecord, detail: String)
    ) async throws -> DecisionRecord {
        try await writer.write { db in
            guard let row = try BusinessCaseRow.fetchOne(db, key: id) else {
                throw StoreError.notFound("business case", id)
            }
            let stored = try Self.stored(row, db)
            if let attached = stored.proposal {
                throw StoreError.conflict("business case attached to \(attached)", id)
            }
            if try AttachmentRow.filter(Column("proposal") == proposal).fetchOne(db) != nil {
                throw StoreError.conflict("proposal with a business case", proposal)
            }
            let now = Date()
            let (decisionRow, record, draft) = try RegisterWrite.decisionChange(
                proposal, row: try DecisionRecordRow.fetchOne(db, key: proposal),
                { existing in
                    let (record, detail) = try change(existing, stored)
                    return (record, .businessCaseAttached, detail)
                }, at: now)
            try decisionRow.save(db)
            try AttachmentRow(businessCase: id, proposal: proposal, attachedAt: now).insert(db)
            try RegisterEntryRecord.append(draft, at: now, db)
            return record
        }
    }

    /// Records a determination, refreshing the attached decision when there is one.
    public func recordDetermination(
        _ determination: Section151Determination, detail: String,
        _ change: @Sendable (DecisionRecord, StoredBusinessCase) throws -> DecisionRecord
    ) async throws -> StoredBusinessCase {
        try BusinessCaseWrite.check(determination)
        return try await writer.write { db in
            guard try BusinessCaseRow.fetchOne(db, key: determination.businessCase) != nil else {
                throw StoreError.notFound("business case", determination.businessCase)
            }
            try DeterminationRow(determination).insert(db)
            let stored = try Self.stored(
                try BusinessCaseRow.fetchOne(db, key: determination.businessCase)!, db)
            let now = Date()
            if let proposal = stored.proposal {
                let (decisionRow, _, draft) = try RegisterWrite.decisionChange(
                    proposal, row: try DecisionRecordRow.fetchOne(db, key: proposal),
                    { existing in
                        guard let existing else { throw StoreError.notFound("proposal", proposal) }
                        return (try change(existing, stored), .section151Determination, detail)
                    }, at: now)
                try decisionRow.save(db)
                try RegisterEntryRecord.append(draft, at: now, db)
            } else {
                try RegisterEntryRecord.append(
                    .init(kind: .section151Determination, subject: stored.businessCase.id, detail: detail), at: now,
                    db)
            }
            return stored
        }
    }

    /// The accounts holding offices.
    public func officeHolders() async throws -> [OfficeHolder] {
        try await writer.read { db in
            try OfficeHolderRow.order(Column("username"), Column("office")).fetchAll(db).map { try $0.holder() }
        }
    }

    /// Appoints an account to an office.
    public func appoint(_ holder: OfficeHolder) async throws {
        try TextLimit.identifier.check(holder.organisation, field: "organisation")
        try await writer.write { db in
            try OfficeHolderRow(
                username: holder.username, office: holder.office.rawValue, organisation: holder.organisation
            ).save(db)
        }
    }

    /// The stored case of `row`, with its attachment and determinations.
    static func stored(_ row: BusinessCaseRow, _ db: Database) throws -> StoredBusinessCase {
        let proposal = try AttachmentRow.fetchOne(db, key: row.id)?.proposal
        let determinations = try DeterminationRow.filter(Column("businessCase") == row.id)
            .order(Column("sequence")).fetchAll(db).map { try $0.determination() }
        return try row.stored(proposal: proposal, determinations: determinations)
    }
}
