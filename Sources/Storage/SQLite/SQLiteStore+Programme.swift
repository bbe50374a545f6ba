import ConcordatCore
import Foundation
import GRDB
import Governance

extension SQLiteStore {
    /// The work programme.
    public func workProgramme() async throws -> WorkProgramme? {
        try await writer.read { db in
            try GovernanceDocumentRecord.fetchOne(db, key: GovernanceDocumentRecord.workProgrammeKey)
        }?.workProgramme()
    }

    /// Changes the work programme, with its register entry, in one transaction.
    public func updateWorkProgramme(
        _ change:
            @Sendable (WorkProgramme?) throws -> (
                programme: WorkProgramme, entry: (kind: DecisionRegister.Kind, subject: String, detail: String)?
            )
    ) async throws -> WorkProgramme {
        try await writer.write { db in
            let existing = try GovernanceDocumentRecord.fetchOne(db, key: GovernanceDocumentRecord.workProgrammeKey)?
                .workProgramme()
            let (programme, entry) = try change(existing)
            try programme.checkText()
            try GovernanceDocumentRecord(
                key: GovernanceDocumentRecord.workProgrammeKey, document: try JSONEncoder().encode(programme)
            ).save(db)
            if let entry {
                try RegisterEntryRecord.append(
                    .init(kind: entry.kind, subject: entry.subject, detail: entry.detail), at: Date(), db)
            }
            return programme
        }
    }

    /// The risk register, by identifier.
    public func risks() async throws -> [Risk] {
        try await writer.read { db in try RiskRecord.order(Column("id")).fetchAll(db) }.map { try $0.risk() }
    }

    /// Adds or changes a risk in one transaction.
    public func updateRisk(
        _ id: String,
        recording change:
            @Sendable (Risk?) throws -> (
                risk: Risk, entry: (kind: DecisionRegister.Kind, subject: String, detail: String)?
            )
    ) async throws -> Risk {
        try await writer.write { db in
            let existing = try RiskRecord.fetchOne(db, key: id)?.risk()
            let (risk, entry) = try change(existing)
            try risk.checkText()
            try RiskRecord(id: id, area: risk.area, document: try JSONEncoder().encode(risk)).save(db)
            if let entry {
                try RegisterEntryRecord.append(
                    .init(kind: entry.kind, subject: entry.subject, detail: entry.detail), at: Date(), db)
            }
            return risk
        }
    }
}
