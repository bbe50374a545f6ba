import ConcordatCore
import Foundation
import Governance
import PostgresNIO

extension PostgresStore {
    /// The work programme.
    public func workProgramme() async throws -> WorkProgramme? {
        try await readOne { [self] connection in try await workProgrammeRecord(connection) }?.workProgramme()
    }

    /// Changes the work programme, with its register entry, in one transaction.
    public func updateWorkProgramme(
        _ change:
            @Sendable (WorkProgramme?) throws -> (
                programme: WorkProgramme, entry: (kind: DecisionRegister.Kind, subject: String, detail: String)?
            )
    ) async throws -> WorkProgramme {
        try await withoutActuallyEscaping(change) { change in
            try await write { [self] connection in
                let (programme, entry) = try change(try await workProgrammeRecord(connection)?.workProgramme())
                try programme.checkText()
                let document = try JSONEncoder().encode(programme)
                try await connection.query(
                    """
                    INSERT INTO governance_document (key, document)
                    VALUES (\(GovernanceDocumentRecord.workProgrammeKey), \(document))
                    ON CONFLICT (key) DO UPDATE SET document = excluded.document
                    """, logger: logger)
                if let entry {
                    try await appendToRegister(
                        .init(kind: entry.kind, subject: entry.subject, detail: entry.detail), at: Date(), connection)
                }
                return programme
            }
        }
    }

    /// The risk register, by identifier.
    public func risks() async throws -> [Risk] {
        try await readOne { [self] connection in
            try await rows("SELECT id, area, document FROM risk ORDER BY id", connection).map {
                try $0.decode((String, String, Data).self)
            }
        }.map { try RiskRecord(id: $0.0, area: $0.1, document: $0.2).risk() }
    }

    /// Adds or changes a risk in one transaction.
    public func updateRisk(
        _ id: String,
        recording change:
            @Sendable (Risk?) throws -> (
                risk: Risk, entry: (kind: DecisionRegister.Kind, subject: String, detail: String)?
            )
    ) async throws -> Risk {
        try await withoutActuallyEscaping(change) { change in
            try await write { [self] connection in
                let existing = try await rows(
                    "SELECT id, area, document FROM risk WHERE id = \(id)", connection
                ).first.map { row in
                    let v = try row.decode((String, String, Data).self)
                    return try RiskRecord(id: v.0, area: v.1, document: v.2).risk()
                }
                let (risk, entry) = try change(existing)
                try risk.checkText()
                let document = try JSONEncoder().encode(risk)
                try await connection.query(
                    """
                    INSERT INTO risk (id, area, document) VALUES (\(id), \(risk.area), \(document))
                    ON CONFLICT (id) DO UPDATE SET area = excluded.area, document = excluded.document
                    """, logger: logger)
                if let entry {
                    try await appendToRegister(
                        .init(kind: entry.kind, subject: entry.subject, detail: entry.detail), at: Date(), connection)
                }
                return risk
            }
        }
    }

    private func workProgrammeRecord(_ connection: PostgresConnection) async throws -> GovernanceDocumentRecord? {
        try await rows(
            "SELECT key, document FROM governance_document WHERE key = \(GovernanceDocumentRecord.workProgrammeKey)",
            connection
        ).first.map { row in
            let v = try row.decode((String, Data).self)
            return GovernanceDocumentRecord(key: v.0, document: v.1)
        }
    }
}
