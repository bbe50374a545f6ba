import ConcordatCore
import Foundation
import Governance
import PostgresNIO

extension PostgresStore {
    /// The latest memorandum and its routes.
    public func memorandum() async throws -> (memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes)? {
        try await readOne { [self] connection in
            try await rows(
                "SELECT version, document, routes, adoptedAt FROM memorandum ORDER BY version DESC LIMIT 1", connection
            ).first.map { row in
                let v = try row.decode((Int, Data, Data, Date).self)
                return
                    MemorandumRecord(version: v.0, document: v.1, routes: v.2, adoptedAt: v.3)
            }
        }?.decoded()
    }

    /// Adopts the next version and records it in the register, in one transaction.
    public func adoptMemorandum(_ memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes, detail: String)
        async throws
    {
        let now = Date()
        try await write { [self] connection in
            let latest =
                try await rows("SELECT MAX(version) FROM memorandum", connection).map { try $0.decode(Int?.self) }.first
                ?? nil
            let (record, draft) = try RegisterWrite.adoption(
                of: memorandum, routes: routes, detail: detail, latestVersion: latest, at: now)
            try await connection.query(
                """
                INSERT INTO memorandum (version, document, routes, adoptedAt)
                VALUES (\(record.version), \(record.document), \(record.routes), \(record.adoptedAt))
                """, logger: logger)
            try await appendToRegister(draft, at: now, connection)
        }
    }

    /// Every decision, in the order tabled.
    public func decisions() async throws -> [DecisionRecord] {
        try await readOne { [self] connection in
            try await decisionRows(connection, "SELECT id, document, tabledAt FROM decision ORDER BY tabledAt, id")
        }.map { try $0.decision() }
    }

    /// Changes a decision and appends to the register in one write transaction.
    public func updateDecision(
        _ id: String,
        _ change:
            @Sendable (DecisionRecord?) throws -> (record: DecisionRecord, kind: DecisionRegister.Kind, detail: String)
    ) async throws -> DecisionRecord {
        try await withoutActuallyEscaping(change) { change in
            try await write { [self] connection in
                let stored = try await decisionRows(
                    connection, "SELECT id, document, tabledAt FROM decision WHERE id = \(id)"
                ).first
                let now = Date()
                let (row, record, draft) = try RegisterWrite.decisionChange(id, row: stored, change, at: now)
                try await connection.query(
                    """
                    INSERT INTO decision (id, document, tabledAt) VALUES (\(id), \(row.document), \(row.tabledAt))
                    ON CONFLICT (id) DO UPDATE SET document = excluded.document
                    """, logger: logger)
                try await appendToRegister(draft, at: now, connection)
                return record
            }
        }
    }

    /// The register, oldest first.
    public func registerEntries() async throws -> [DecisionRegister.Entry] {
        try await readOne { [self] connection in
            try await registerEntries(connection, "ORDER BY sequence")
        }
    }

    /// The register's entries after `sequence`, oldest first.
    public func registerEntries(after sequence: Int) async throws -> [DecisionRegister.Entry] {
        try await readOne { [self] connection in
            try await registerEntries(connection, "WHERE sequence > \(sequence) ORDER BY sequence")
        }
    }

    /// One decision.
    public func decision(_ id: String) async throws -> DecisionRecord? {
        try await readOne { [self] connection in
            try await decisionRows(connection, "SELECT id, document, tabledAt FROM decision WHERE id = \(id)").first
        }?.decision()
    }

    /// The register's latest entry.
    public func registerHead() async throws -> DecisionRegister.Entry? {
        try await readOne { [self] connection in
            try await registerEntries(connection, "ORDER BY sequence DESC LIMIT 1").first
        }
    }

    /// The register's head record.
    public func registerHeadRecord() async throws -> DecisionRegister.Head? {
        try await readOne { [self] connection in
            try await rows("SELECT count, hash FROM register_head WHERE id = 1", connection).first.map { row in
                let v = try row.decode((Int, String).self)
                return DecisionRegister.Head(count: v.0, hash: v.1)
            }
        }
    }

    /// Appends the entry `draft` describes to the register (which builds it from the last entry), and moves
    /// the head record to it. Called only inside a write transaction, whose lock keeps two appends from
    /// taking the same sequence number.
    func appendToRegister(_ draft: DecisionRegister.Draft, at date: Date, _ connection: PostgresConnection)
        async throws
    {
        let last = try await registerEntries(connection, "ORDER BY sequence DESC LIMIT 1").first
        let (entry, head) = RegisterWrite.append(draft, after: last, at: date)
        try await connection.query(
            """
            INSERT INTO register_entry (sequence, recordedAt, kind, subject, detail, previousHash, hash)
            VALUES (\(entry.sequence), \(entry.recordedAt), \(entry.kind), \(entry.subject), \(entry.detail),
                \(entry.previousHash), \(entry.hash))
            """, logger: logger)
        let moved = try await rows(
            "UPDATE register_head SET count = \(head.count), hash = \(head.hash) WHERE id = 1 RETURNING id",
            connection)
        guard moved.count == 1 else { throw RegisterWrite.headMissing }
    }

    private func registerEntries(_ connection: PostgresConnection, _ order: String) async throws
        -> [DecisionRegister.Entry]
    {
        try await rows(
            """
            SELECT sequence, recordedAt, kind, subject, detail, previousHash, hash FROM register_entry \
            \(unescaped: order)
            """, connection
        ).map { row in
            let v = try row.decode((Int, String, String, String, String, String, String).self)
            return DecisionRegister.Entry(
                sequence: v.0, recordedAt: v.1, kind: try RegisterEntryRecord.kind(v.2, sequence: v.0), subject: v.3,
                detail: v.4, previousHash: v.5, hash: v.6)
        }
    }

    private func decisionRows(_ connection: PostgresConnection, _ query: PostgresQuery) async throws
        -> [DecisionRecordRow]
    {
        try await rows(query, connection).map { row in
            let v = try row.decode((String, Data, Date).self)
            return DecisionRecordRow(id: v.0, document: v.1, tabledAt: v.2)
        }
    }
}
