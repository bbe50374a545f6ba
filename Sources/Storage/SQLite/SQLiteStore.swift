import Assurance
import ConcordatCore
import Finance
import Foundation
import GRDB
import Governance

/// The default ``Store``: an embedded SQLite database through GRDB, in WAL mode, so readers never wait
/// for a writer and a crash mid-write leaves the last committed state.
public final class SQLiteStore: Store {
    let writer: any DatabaseWriter

    /// Opens (creating if needed) the database file at `path` and migrates it to the current schema.
    /// - Throws: ``StoreError`` `unavailable` when the file cannot be opened or migrated.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
            writer = pool
        } catch {
            throw StoreError.unavailable("cannot open the SQLite database at \(path): \(error)")
        }
    }

    /// An empty database in memory, for tests and one-off commands.
    public init() throws {
        let queue = try DatabaseQueue()
        try Self.migrator.migrate(queue)
        writer = queue
    }

    /// Replaces the stored system in one transaction: all of it or, on any error, none of it.
    public func replaceSystem(_ system: HealthSystem) async throws {
        let levels = String(decoding: try JSONEncoder().encode(system.levels), as: UTF8.self)
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM population_cell; DELETE FROM organisation; DELETE FROM data_quality_note;")
            try db.execute(sql: "DELETE FROM reference_source; DELETE FROM health_system;")
            try db.execute(sql: "DELETE FROM area")
            try HealthSystemRecord(
                code: system.code, name: system.name, levels: levels,
                publishedRegisteredTotal: system.publishedRegisteredTotal, loadedAt: Date()
            ).insert(db)
            for area in system.areas { try AreaRecord(area).insert(db) }
            for (code, profile) in system.sourcePopulations {
                for cell in profile.cells {
                    try PopulationCellRecord(
                        areaCode: code, sex: cell.sex.rawValue, ageBand: cell.band.index, count: cell.count
                    ).insert(db)
                }
            }
            for organisation in system.organisations {
                var record = OrganisationRecord(organisation)
                try record.insert(db)
            }
            for note in system.notes {
                var record = DataQualityNoteRecord(
                    kind: note.kind.rawValue, subject: note.subject, message: note.message)
                try record.insert(db)
            }
            for source in system.sources {
                try ReferenceSourceRecord(file: source.file, publication: source.publication, rows: source.rows).insert(
                    db)
            }
        }
    }

    /// Reads the whole system in one read transaction, so it is never a mix of two writes.
    public func loadSystem() async throws -> HealthSystem? {
        let stored = try await writer.read { db -> StoredSystem? in
            guard let system = try HealthSystemRecord.fetchOne(db) else { return nil }
            return StoredSystem(
                system: system,
                areas: try AreaRecord.fetchAll(db),
                cells: try PopulationCellRecord.fetchAll(db),
                organisations: try OrganisationRecord.order(Column("position")).fetchAll(db),
                notes: try DataQualityNoteRecord.order(Column("id")).fetchAll(db),
                sources: try ReferenceSourceRecord.order(Column.rowID).fetchAll(db))
        }
        return try stored?.healthSystem()
    }

    /// The organisations in the order they were added.
    public func organisations() async throws -> [Organisation] {
        try await writer.read { db in
            try OrganisationRecord.order(Column("position")).fetchAll(db).map { try $0.organisation() }
        }
    }

    /// One organisation; throws `notFound` when there is none.
    public func organisation(code: String) async throws -> Organisation {
        try await writer.read { db in
            guard let record = try OrganisationRecord.filter(Column("code") == code).fetchOne(db) else {
                throw StoreError.notFound("organisation", code)
            }
            return try record.organisation()
        }
    }

    /// Adds an organisation; throws `noSystem` or `conflict`.
    public func insertOrganisation(_ organisation: Organisation) async throws {
        try organisation.checkText()
        try await writer.write { db in
            guard try HealthSystemRecord.fetchCount(db) > 0 else { throw StoreError.noSystem }
            guard try OrganisationRecord.filter(Column("code") == organisation.code).fetchCount(db) == 0 else {
                throw StoreError.conflict("organisation", organisation.code)
            }
            var record = OrganisationRecord(organisation)
            try record.insert(db)
        }
    }

    /// Replaces an organisation, keeping its position; throws `notFound`.
    public func updateOrganisation(_ organisation: Organisation) async throws {
        try organisation.checkText()
        try await writer.write { db in
            guard var record = try OrganisationRecord.filter(Column("code") == organisation.code).fetchOne(db) else {
                throw StoreError.notFound("organisation", organisation.code)
            }
            let position = record.position
            record = OrganisationRecord(organisation, position: position)
            try record.update(db)
        }
    }

    /// Replaces the dataset in one transaction: a reader sees the old dataset or the new, never a mix.
    public func replaceDataset(_ dataset: IntegratedDataset, summary: DatasetSummary, cohort: [RiskCohortMember])
        async throws
    {
        let columns = DatasetColumns.encode(dataset)
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM dataset; DELETE FROM dataset_column; DELETE FROM dataset_practice;")
            try db.execute(sql: "DELETE FROM risk_cohort")
            for member in cohort { try RiskCohortRecord(member).insert(db) }
            try DatasetRecord(summary).insert(db)
            for (name, data) in columns { try DatasetColumnRecord(name: name, data: data).insert(db) }
            for (code, people) in summary.peopleByPractice {
                try DatasetPracticeRecord(practiceCode: code, people: people).insert(db)
            }
        }
    }

    /// The loaded dataset's summary, read in one transaction.
    public func datasetSummary() async throws -> DatasetSummary? {
        try await writer.read { db in
            guard let record = try DatasetRecord.fetchOne(db) else { return nil }
            var byPractice: [String: Int] = [:]
            for row in try DatasetPracticeRecord.fetchAll(db) { byPractice[row.practiceCode] = row.people }
            return record.summary(peopleByPractice: byPractice)
        }
    }

    /// The loaded dataset, read in one transaction and checked column by column.
    public func loadDataset() async throws -> IntegratedDataset? {
        let columns = try await writer.read { db -> [String: Data]? in
            guard try DatasetRecord.fetchCount(db) > 0 else { return nil }
            var columns: [String: Data] = [:]
            for record in try DatasetColumnRecord.fetchAll(db) { columns[record.name] = record.data }
            return columns
        }
        return try columns.map(DatasetColumns.decode)
    }

    /// Replaces the analysis of the loaded dataset; throws `notFound` when it is not the one loaded.
    public func updateAnalysis(_ analysis: Data, cohort: [RiskCohortMember], fingerprint: String) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE dataset SET analysis = ? WHERE fingerprint = ?", arguments: [analysis, fingerprint])
            guard db.changesCount == 1 else { throw StoreError.notFound("dataset", fingerprint) }
            try db.execute(sql: "DELETE FROM risk_cohort")
            for member in cohort { try RiskCohortRecord(member).insert(db) }
        }
    }

    /// A practice's cohort, highest risk first.
    public func riskCohort(practice: String) async throws -> [RiskCohortMember] {
        try await writer.read { db in
            try RiskCohortRecord.filter(Column("practice") == practice).order(Column("rank")).fetchAll(db).map(\.member)
        }
    }

    /// Adds a user; `conflict` when the username is taken.
    public func insertUser(_ account: UserAccount) async throws {
        try await writer.write { db in
            guard try UserAccountRecord.fetchOne(db, key: account.username) == nil else {
                throw StoreError.conflict("user", account.username)
            }
            try UserAccountRecord(account, createdAt: Date()).insert(db)
        }
    }

    /// A user by username.
    public func user(_ username: String) async throws -> UserAccount? {
        try await writer.read { db in try UserAccountRecord.fetchOne(db, key: username)?.account() }
    }

    /// How many users there are.
    public func userCount() async throws -> Int {
        try await writer.read { db in try UserAccountRecord.fetchCount(db) }
    }

    /// Appends to the access log.
    public func recordAccess(_ entry: AccessLogEntry) async throws {
        try await writer.write { db in
            var record = AccessLogRecord(entry)
            try record.insert(db)
        }
    }

    /// The latest entries, newest first.
    public func accessLog(limit: Int) async throws -> [AccessLogEntry] {
        try await writer.read { db in
            try AccessLogRecord.order(Column("id").desc).limit(limit).fetchAll(db).map(\.entry)
        }
    }

    /// The pools, by code.
    public func pools() async throws -> [Pool] {
        try await writer.read { db in try PoolRecord.order(Column("code")).fetchAll(db).map { try $0.pool() } }
    }

    /// Adds or replaces a pool; a pool with payments cannot be replaced (`conflict`).
    public func savePool(_ pool: Pool) async throws {
        let record = try PoolRecord(pool)
        try await writer.write { db in
            if try PoolPaymentRecord.filter(Column("pool") == pool.code).fetchCount(db) > 0 {
                throw StoreError.conflict("pool with payments", pool.code)
            }
            try record.save(db)
        }
    }

    /// A pool's account, read in one transaction.
    public func poolAccount(code: String) async throws -> PoolAccount {
        try await writer.read { db in try Self.account(code: code, db) }
    }

    /// Checks and records a payment in one write transaction, so two payments can never together break a
    /// rule that each keeps alone.
    public func admitPayment(_ spend: PoolSpend, districtsOfArea: [String?]) async throws -> PoolAccount {
        try spend.checkText()
        return try await writer.write { db in
            var account = try Self.account(code: spend.pool, db)
            try account.admit(spend, districtsOfArea: districtsOfArea)
            var record = PoolPaymentRecord(spend, recordedAt: Date())
            try record.insert(db)
            return account
        }
    }

    /// Saves values in one transaction.
    public func saveIndicatorValues(_ values: [IndicatorValue]) async throws {
        try await writer.write { db in for value in values { try IndicatorValueRecord(value).save(db) } }
    }

    /// Every indicator value.
    public func indicatorValues() async throws -> [IndicatorValue] {
        try await writer.read { db in
            try IndicatorValueRecord.order(Column("indicator"), Column("area"), Column("month")).fetchAll(db)
                .map(\.indicatorValue)
        }
    }

    /// Records a return with its values and escalations in one transaction.
    public func submitReturn(_ submitted: AssuranceReturn, escalations: [Escalation]) async throws -> AssuranceReturn {
        try submitted.checkText()
        var fresh = try AssuranceReturnRecord(submitted)
        fresh.id = nil
        let template = fresh
        return try await writer.write { db in
            var record = template
            try record.insert(db)
            for value in submitted.values { try IndicatorValueRecord(value).save(db) }
            for escalation in escalations {
                var row = EscalationRecord(escalation)
                row.returnID = record.id
                try row.insert(db)
            }
            return try record.assuranceReturn()
        }
    }

    /// Records a review; `notFound` for no such return.
    public func reviewReturn(id: Int64, status: AssuranceReturn.Status, by reviewer: String, note: String?) async throws
        -> AssuranceReturn
    {
        try TextLimit.name.check(reviewer, field: "reviewedBy")
        if let note { try TextLimit.text.check(note, field: "note") }
        return try await writer.write { db in
            guard var record = try AssuranceReturnRecord.fetchOne(db, key: id) else {
                throw StoreError.notFound("assurance return", String(id))
            }
            record.status = status.rawValue
            record.reviewedBy = reviewer
            record.reviewNote = note
            try record.update(db)
            return try record.assuranceReturn()
        }
    }

    /// Every return, newest first.
    public func assuranceReturns() async throws -> [AssuranceReturn] {
        try await writer.read { db in
            try AssuranceReturnRecord.order(Column("id").desc).fetchAll(db).map { try $0.assuranceReturn() }
        }
    }

    /// Every escalation, newest first.
    public func escalations() async throws -> [Escalation] {
        try await writer.read { db in
            try EscalationRecord.order(Column("id").desc).fetchAll(db).map { try $0.escalation() }
        }
    }

    /// The latest memorandum and its routes.
    public func memorandum() async throws -> (memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes)? {
        try await writer.read { db in try MemorandumRecord.order(Column("version").desc).fetchOne(db) }?.decoded()
    }

    /// Adopts the next version and records it in the register, in one transaction.
    public func adoptMemorandum(_ memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes, detail: String)
        async throws
    {
        try memorandum.checkText()
        let record = MemorandumRecord(
            version: memorandum.version, document: try JSONEncoder().encode(memorandum),
            routes: try JSONEncoder().encode(routes), adoptedAt: Date())
        try await writer.write { db in
            let latest = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM memorandum") ?? 0
            guard memorandum.version == latest + 1 else {
                throw StoreError.conflict("memorandum version", String(memorandum.version))
            }
            try record.insert(db)
            try RegisterEntryRecord.append(
                kind: "memorandum", subject: "version \(memorandum.version)", detail: detail, at: record.adoptedAt, db)
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
        _ change: @Sendable (DecisionRecord?) throws -> (record: DecisionRecord, kind: String, detail: String)
    ) async throws -> DecisionRecord {
        try await writer.write { db in
            let row = try DecisionRecordRow.fetchOne(db, key: id)
            let existing = try row?.decision()
            let (record, kind, detail) = try change(existing)
            try record.checkText()
            let now = Date()
            try DecisionRecordRow(id: id, document: try JSONEncoder().encode(record), tabledAt: row?.tabledAt ?? now)
                .save(db)
            try RegisterEntryRecord.append(
                kind: kind, subject: id, detail: RegisterAudit.sealed(detail, record), at: now, db)
            return record
        }
    }

    /// The register, oldest first.
    public func registerEntries() async throws -> [DecisionRegister.Entry] {
        try await writer.read { db in try RegisterEntryRecord.order(Column("sequence")).fetchAll(db).map(\.entry) }
    }

    /// The register's entries after `sequence`, oldest first.
    public func registerEntries(after sequence: Int) async throws -> [DecisionRegister.Entry] {
        try await writer.read { db in
            try RegisterEntryRecord.filter(Column("sequence") > sequence).order(Column("sequence")).fetchAll(db)
                .map(\.entry)
        }
    }

    /// One decision.
    public func decision(_ id: String) async throws -> DecisionRecord? {
        try await writer.read { db in try DecisionRecordRow.fetchOne(db, key: id) }?.decision()
    }

    /// The register's latest entry.
    public func registerHead() async throws -> DecisionRegister.Entry? {
        try await writer.read { db in try RegisterEntryRecord.order(Column("sequence").desc).fetchOne(db)?.entry }
    }

    /// The register's head record.
    public func registerHeadRecord() async throws -> DecisionRegister.Head? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT count, hash FROM register_head WHERE id = 1").map {
                DecisionRegister.Head(count: $0["count"], hash: $0["hash"])
            }
        }
    }

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
                programme: WorkProgramme, entry: (kind: String, subject: String, detail: String)?
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
                    kind: entry.kind, subject: entry.subject, detail: entry.detail, at: Date(), db)
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
            @Sendable (Risk?) throws -> (risk: Risk, entry: (kind: String, subject: String, detail: String)?)
    ) async throws -> Risk {
        try await writer.write { db in
            let existing = try RiskRecord.fetchOne(db, key: id)?.risk()
            let (risk, entry) = try change(existing)
            try risk.checkText()
            try RiskRecord(id: id, area: risk.area, document: try JSONEncoder().encode(risk)).save(db)
            if let entry {
                try RegisterEntryRecord.append(
                    kind: entry.kind, subject: entry.subject, detail: entry.detail, at: Date(), db)
            }
            return risk
        }
    }

    /// A random token: 32 bytes from the system's generator, hex (session and form tokens).
    public static func randomToken() -> String { SessionToken.random() }

    /// Starts a session.
    public func createSession(username: String, lifetime: TimeInterval) async throws -> (token: String, csrf: String) {
        let token = SessionToken.random()
        let csrf = SessionToken.random()
        let hash = SessionToken.hash(token)
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM user_session WHERE expiresAt < ?", arguments: [Date()])
            try db.execute(
                sql: "INSERT INTO user_session (tokenHash, username, csrf, expiresAt) VALUES (?, ?, ?, ?)",
                arguments: [hash, username, csrf, Date().addingTimeInterval(lifetime)])
        }
        return (token, csrf)
    }

    /// A live session's user and CSRF token.
    public func session(token: String) async throws -> (user: UserAccount, csrf: String)? {
        let hash = SessionToken.hash(token)
        return try await writer.read { db -> (UserAccount, String)? in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT username, csrf FROM user_session WHERE tokenHash = ? AND expiresAt > ?",
                    arguments: [hash, Date()]),
                let account = try UserAccountRecord.fetchOne(db, key: row["username"] as String)?.account()
            else { return nil }
            return (account, row["csrf"])
        }
    }

    /// Ends a session.
    public func deleteSession(token: String) async throws {
        let hash = SessionToken.hash(token)
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM user_session WHERE tokenHash = ?", arguments: [hash])
        }
    }

    private static func account(code: String, _ db: Database) throws -> PoolAccount {
        guard let record = try PoolRecord.fetchOne(db, key: code) else { throw StoreError.notFound("pool", code) }
        return try record.account(
            payments: try PoolPaymentRecord.filter(Column("pool") == code).order(Column("id")).fetchAll(db))
    }
}
