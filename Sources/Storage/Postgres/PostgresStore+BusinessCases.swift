import ConcordatCore
import Foundation
import Governance
import PostgresNIO

extension PostgresStore {
    /// Migration v18 (as SQLite's): business cases, their attachment to proposals, Section 151
    /// determinations and the accounts holding offices.
    static let businessCaseMigration = (
        name: "v18: business cases, determinations, offices",
        sql: """
        CREATE TABLE business_case (
            id text PRIMARY KEY, title text NOT NULL, scenarioDefinition text NOT NULL,
            appraisalReport text NOT NULL, strategic text NOT NULL, commercial text NOT NULL,
            management text NOT NULL, economic text NOT NULL, financial text NOT NULL,
            author text NOT NULL, organisation text, createdAt timestamptz NOT NULL);
        CREATE TABLE section151_determination (
            sequence bigserial PRIMARY KEY, businessCase text NOT NULL REFERENCES business_case(id),
            council text NOT NULL, username text NOT NULL, at timestamptz NOT NULL, outcome text NOT NULL,
            reason text NOT NULL);
        CREATE TABLE business_case_attachment (
            businessCase text PRIMARY KEY REFERENCES business_case(id), proposal text NOT NULL UNIQUE,
            attachedAt timestamptz NOT NULL);
        CREATE TABLE office_holder (
            username text NOT NULL, office text NOT NULL, organisation text NOT NULL,
            PRIMARY KEY (username, office));
        """
    )

    private static let caseColumns = """
        id, title, scenarioDefinition, appraisalReport, strategic, commercial, management, economic, financial, \
        author, organisation, createdAt
        """

    /// Every business case, oldest first.
    public func businessCases() async throws -> [StoredBusinessCase] {
        try await read { [self] connection in
            var cases: [StoredBusinessCase] = []
            for row in try await caseRows(
                connection,
                PostgresQuery(unsafeSQL: "SELECT \(Self.caseColumns) FROM business_case ORDER BY createdAt, id"))
            {
                cases.append(try await storedCase(row, connection))
            }
            return cases
        }
    }

    /// One business case.
    public func businessCase(_ id: String) async throws -> StoredBusinessCase? {
        try await read { [self] connection in
            guard let row = try await caseRow(id, connection) else { return nil }
            return try await storedCase(row, connection)
        }
    }

    /// Keeps a newly drafted case with its register entry.
    public func insertBusinessCase(_ stored: StoredBusinessCase, detail: String) async throws {
        try BusinessCaseWrite.check(stored)
        let row = try BusinessCaseRow(stored)
        try await write { [self] connection in
            guard try await caseRow(row.id, connection) == nil else {
                throw StoreError.conflict("business case", row.id)
            }
            try await connection.query(
                """
                INSERT INTO business_case (id, title, scenarioDefinition, appraisalReport, strategic, commercial,
                    management, economic, financial, author, organisation, createdAt)
                VALUES (\(row.id), \(row.title), \(row.scenarioDefinition), \(row.appraisalReport), \(row.strategic),
                    \(row.commercial), \(row.management), \(row.economic), \(row.financial), \(row.author),
                    \(row.organisation), \(row.createdAt))
                """, logger: logger)
            try await appendToRegister(
                .init(kind: .businessCase, subject: row.id, detail: detail), at: Date(), connection)
        }
    }

    /// Attaches a case to a proposal, with the decision's change and its register entry.
    public func attachBusinessCase(
        _ id: String, to proposal: String,
        _ change: @Sendable (DecisionRecord?, StoredBusinessCase) throws -> (record: DecisionRecord, detail: String)
    ) async throws -> DecisionRecord {
        try await withoutActuallyEscaping(change) { change in
            try await write { [self] connection in
                guard let row = try await caseRow(id, connection) else {
                    throw StoreError.notFound("business case", id)
                }
                let stored = try await storedCase(row, connection)
                if let attached = stored.proposal {
                    throw StoreError.conflict("business case attached to \(attached)", id)
                }
                if try await !rows(
                    "SELECT businessCase FROM business_case_attachment WHERE proposal = \(proposal)", connection
                ).isEmpty {
                    throw StoreError.conflict("proposal with a business case", proposal)
                }
                let now = Date()
                let (decisionRow, record, draft) = try RegisterWrite.decisionChange(
                    proposal, row: try await decisionRow(proposal, connection),
                    { existing in
                        let (record, detail) = try change(existing, stored)
                        return (record, .businessCaseAttached, detail)
                    }, at: now)
                try await save(decisionRow, connection)
                try await connection.query(
                    """
                    INSERT INTO business_case_attachment (businessCase, proposal, attachedAt)
                    VALUES (\(id), \(proposal), \(now))
                    """, logger: logger)
                try await appendToRegister(draft, at: now, connection)
                return record
            }
        }
    }

    /// Records a determination, refreshing the attached decision when there is one.
    public func recordDetermination(
        _ determination: Section151Determination, detail: String,
        _ change: @Sendable (DecisionRecord, StoredBusinessCase) throws -> DecisionRecord
    ) async throws -> StoredBusinessCase {
        try BusinessCaseWrite.check(determination)
        let row = DeterminationRow(determination)
        return try await withoutActuallyEscaping(change) { change in
            try await write { [self] connection in
                guard try await caseRow(row.businessCase, connection) != nil else {
                    throw StoreError.notFound("business case", row.businessCase)
                }
                try await connection.query(
                    """
                    INSERT INTO section151_determination (businessCase, council, username, at, outcome, reason)
                    VALUES (\(row.businessCase), \(row.council), \(row.username), \(row.at), \(row.outcome),
                        \(row.reason))
                    """, logger: logger)
                let stored = try await storedCase(try await caseRow(row.businessCase, connection)!, connection)
                let now = Date()
                if let proposal = stored.proposal {
                    let (decisionRow, _, draft) = try RegisterWrite.decisionChange(
                        proposal, row: try await decisionRow(proposal, connection),
                        { existing in
                            guard let existing else { throw StoreError.notFound("proposal", proposal) }
                            return (try change(existing, stored), .section151Determination, detail)
                        }, at: now)
                    try await save(decisionRow, connection)
                    try await appendToRegister(draft, at: now, connection)
                } else {
                    try await appendToRegister(
                        .init(kind: .section151Determination, subject: stored.businessCase.id, detail: detail),
                        at: now, connection)
                }
                return stored
            }
        }
    }

    /// The accounts holding offices.
    public func officeHolders() async throws -> [OfficeHolder] {
        try await readOne { [self] connection in
            try await rows(
                "SELECT username, office, organisation FROM office_holder ORDER BY username, office", connection
            ).map { row in
                let v = try row.decode((String, String, String).self)
                return OfficeHolderRow(username: v.0, office: v.1, organisation: v.2)
            }
        }.map { try $0.holder() }
    }

    /// Appoints an account to an office.
    public func appoint(_ holder: OfficeHolder) async throws {
        try TextLimit.identifier.check(holder.organisation, field: "organisation")
        try await write { [self] connection in
            try await connection.query(
                """
                INSERT INTO office_holder (username, office, organisation)
                VALUES (\(holder.username), \(holder.office.rawValue), \(holder.organisation))
                ON CONFLICT (username, office) DO UPDATE SET organisation = excluded.organisation
                """, logger: logger)
        }
    }

    private func caseRows(_ connection: PostgresConnection, _ query: PostgresQuery) async throws -> [BusinessCaseRow] {
        try await rows(query, connection).map { row in
            let v = try row.decode(
                (String, String, String, String, String, String, String, String, String, String, String?, Date).self)
            return BusinessCaseRow(
                id: v.0, title: v.1, scenarioDefinition: v.2, appraisalReport: v.3, strategic: v.4, commercial: v.5,
                management: v.6, economic: v.7, financial: v.8, author: v.9, organisation: v.10, createdAt: v.11)
        }
    }

    private func caseRow(_ id: String, _ connection: PostgresConnection) async throws -> BusinessCaseRow? {
        var query = PostgresQuery(unsafeSQL: "SELECT \(Self.caseColumns) FROM business_case WHERE id = $1")
        query.binds.append(id)
        return try await caseRows(connection, query).first
    }

    private func storedCase(_ row: BusinessCaseRow, _ connection: PostgresConnection) async throws -> StoredBusinessCase
    {
        let proposal = try await rows(
            "SELECT proposal FROM business_case_attachment WHERE businessCase = \(row.id)", connection
        ).first.map { try $0.decode(String.self) }
        let determinations = try await rows(
            """
            SELECT businessCase, council, username, at, outcome, reason FROM section151_determination
            WHERE businessCase = \(row.id) ORDER BY sequence
            """, connection
        ).map { row in
            let v = try row.decode((String, String, String, Date, String, String).self)
            return try DeterminationRow(
                businessCase: v.0, council: v.1, username: v.2, at: v.3, outcome: v.4, reason: v.5
            ).determination()
        }
        return try row.stored(proposal: proposal, determinations: determinations)
    }

    private func decisionRow(_ id: String, _ connection: PostgresConnection) async throws -> DecisionRecordRow? {
        try await rows("SELECT id, document, tabledAt FROM decision WHERE id = \(id)", connection).first.map { row in
            let v = try row.decode((String, Data, Date).self)
            return DecisionRecordRow(id: v.0, document: v.1, tabledAt: v.2)
        }
    }

    private func save(_ row: DecisionRecordRow, _ connection: PostgresConnection) async throws {
        try await connection.query(
            """
            INSERT INTO decision (id, document, tabledAt) VALUES (\(row.id), \(row.document), \(row.tabledAt))
            ON CONFLICT (id) DO UPDATE SET document = excluded.document
            """, logger: logger)
    }
}
