import Assurance
import ConcordatCore
import Finance
import Foundation
import Governance

/// Where Concordat keeps a system: its geography, populations, partnership and data-quality notes.
///
/// Every adapter (SQLite by default; PostgreSQL for production) passes the same contract test suite.
/// Writes are atomic: a reader sees the state before a write or after it, never half of it.
public protocol Store: APITokenStore, PackStore {
    /// Replaces the stored system, whole, in one transaction.
    func replaceSystem(_ system: HealthSystem) async throws

    /// The stored system with its organisations, or `nil` when the store is empty.
    func loadSystem() async throws -> HealthSystem?

    /// The partnership's organisations, in the order they were added.
    func organisations() async throws -> [Organisation]

    /// One organisation by code.
    /// - Throws: ``StoreError`` `notFound` when there is none.
    func organisation(code: String) async throws -> Organisation

    /// Adds an organisation.
    /// - Throws: ``StoreError`` `conflict` when the code is taken, `noSystem` when no system is loaded.
    func insertOrganisation(_ organisation: Organisation) async throws

    /// Replaces an existing organisation (matched by code).
    /// - Throws: ``StoreError`` `notFound` when there is none.
    func updateOrganisation(_ organisation: Organisation) async throws

    /// Replaces the integrated dataset and its top-risk cohort, whole, in one transaction.
    func replaceDataset(_ dataset: IntegratedDataset, summary: DatasetSummary, cohort: [RiskCohortMember]) async throws

    /// The loaded dataset's summary, or `nil` when none is loaded.
    func datasetSummary() async throws -> DatasetSummary?

    /// The loaded dataset, or `nil` when none is loaded.
    func loadDataset() async throws -> IntegratedDataset?

    /// Replaces the loaded dataset's analysis (after the engine gains a measure), keeping the dataset.
    /// - Throws: ``StoreError`` `notFound` when no dataset with `fingerprint` is loaded.
    func updateAnalysis(_ analysis: Data, cohort: [RiskCohortMember], fingerprint: String) async throws

    /// A practice's top-risk cohort by person, highest risk first. Restricted: callers must check the
    /// reader's role and log the access (``recordAccess(_:)``).
    func riskCohort(practice: String) async throws -> [RiskCohortMember]

    /// Adds a user.
    /// - Throws: ``StoreError`` `conflict` when the username is taken.
    func insertUser(_ account: UserAccount) async throws

    /// A user by username, or `nil`.
    func user(_ username: String) async throws -> UserAccount?

    /// How many users there are.
    func userCount() async throws -> Int

    /// Appends to the access log.
    func recordAccess(_ entry: AccessLogEntry) async throws

    /// The latest access-log entries, newest first.
    func accessLog(limit: Int) async throws -> [AccessLogEntry]

    /// Saves indicator values (replacing any for the same indicator, area and month), all or none.
    func saveIndicatorValues(_ values: [IndicatorValue]) async throws

    /// Every indicator value.
    func indicatorValues() async throws -> [IndicatorValue]

    /// Records a submitted return, its values and the escalations it raises, in one transaction; the
    /// escalations get the return's identifier.
    func submitReturn(_ submitted: AssuranceReturn, escalations: [Escalation]) async throws -> AssuranceReturn

    /// Records the commissioner's review of a return.
    /// - Throws: ``StoreError`` `notFound` when there is no such return.
    func reviewReturn(id: Int64, status: AssuranceReturn.Status, by reviewer: String, note: String?) async throws
        -> AssuranceReturn

    /// Every return, newest first.
    func assuranceReturns() async throws -> [AssuranceReturn]

    /// Every escalation, newest first.
    func escalations() async throws -> [Escalation]

    /// The memorandum of understanding in force (the latest version) and its ratification routes.
    func memorandum() async throws -> (memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes)?

    /// Adopts a version of the memorandum (its version must be the next), recording it in the register.
    /// - Throws: ``StoreError`` `conflict` when the version is not the next.
    func adoptMemorandum(_ memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes, detail: String)
        async throws

    /// Every decision record, in the order tabled.
    func decisions() async throws -> [DecisionRecord]

    /// Changes a decision record inside one write transaction: `change` gets the stored record (or `nil`)
    /// and returns the new one with the register entry to append; both are written or neither.
    func updateDecision(
        _ id: String,
        _ change: @Sendable (DecisionRecord?) throws -> (record: DecisionRecord, kind: String, detail: String)
    ) async throws -> DecisionRecord

    /// The decision register, oldest first.
    func registerEntries() async throws -> [DecisionRegister.Entry]

    /// The register's latest entry, or `nil` when it is empty. Every change to the memorandum, a decision
    /// or the programme appends an entry, so this names the governance state: readers cache by it.
    func registerHead() async throws -> DecisionRegister.Entry?

    /// The register's head record (count and hash of the last entry), kept apart from the chain and
    /// rewritten in the same transaction as each append; `nil` when none is kept. ``RegisterAudit`` compares
    /// it with the chain to find entries removed from the end.
    func registerHeadRecord() async throws -> DecisionRegister.Head?

    /// The register's entries after `sequence`, oldest first: what has changed since a reader last looked.
    func registerEntries(after sequence: Int) async throws -> [DecisionRegister.Entry]

    /// One decision, or `nil` when none has the identifier.
    func decision(_ id: String) async throws -> DecisionRecord?

    /// The work programme, if one is kept.
    func workProgramme() async throws -> WorkProgramme?

    /// Changes the work programme in one write transaction, appending a register entry when `change`
    /// returns one (gateways passed are decisions of the partnership).
    func updateWorkProgramme(
        _ change:
            @Sendable (WorkProgramme?) throws -> (
                programme: WorkProgramme, entry: (kind: String, subject: String, detail: String)?
            )
    ) async throws -> WorkProgramme

    /// Starts a server session for `username` lasting `lifetime` seconds; returns the session token (kept
    /// only as a hash) and its CSRF token.
    func createSession(username: String, lifetime: TimeInterval) async throws -> (token: String, csrf: String)

    /// The user and CSRF token of a live session, or `nil` when the token is unknown or expired.
    func session(token: String) async throws -> (user: UserAccount, csrf: String)?

    /// Ends a session.
    func deleteSession(token: String) async throws

    /// The risk and issues register.
    func risks() async throws -> [Risk]

    /// Adds or changes a risk in one write transaction: `change` gets the stored risk (or `nil`) and may
    /// return a register entry to append in the same transaction (a review, attributed to its reviewer).
    func updateRisk(
        _ id: String,
        recording change:
            @Sendable (Risk?) throws -> (risk: Risk, entry: (kind: String, subject: String, detail: String)?)
    ) async throws -> Risk

    /// The pools, by code.
    func pools() async throws -> [Pool]

    /// Adds a pool, or replaces one with the same code that has no payments yet.
    /// - Throws: ``StoreError`` `conflict` when the pool already has payments.
    func savePool(_ pool: Pool) async throws

    /// A pool's account: the pool and every payment admitted, in order.
    /// - Throws: ``StoreError`` `notFound` when there is no such pool.
    func poolAccount(code: String) async throws -> PoolAccount

    /// Admits a payment out of its pool, if it keeps every rule, in one transaction: the pool's ring-fences
    /// and balance are checked against the stored payments and the payment is recorded, or nothing is.
    /// - Parameter districtsOfArea: the districts of the practices under the payment's area.
    /// - Throws: ``PoolAccount/Refusal`` naming the rule broken; ``StoreError`` `notFound` for no such pool.
    func admitPayment(_ spend: PoolSpend, districtsOfArea: [String?]) async throws -> PoolAccount

    /// Checks the stored pages or relations for damage (SQLite's `PRAGMA quick_check`; on PostgreSQL a
    /// read of every table). Returns what is wrong, empty when the store is whole.
    func checkIntegrity() async throws -> [String]

    /// Writes a consistent snapshot of the whole store to the file at `path` (see ``StoreBackup``), then
    /// checks the snapshot (SQLite's `PRAGMA integrity_check`, `pg_restore --list`) and, if it is damaged,
    /// removes it and throws ``StoreError`` `corrupt`. Stale partial files of backups killed mid-way
    /// in the same folder are removed first.
    func backup(to path: String) async throws

    /// Replaces the whole store with the backup at `path`: all of it or, on any error, none of it.
    func restore(from path: String) async throws
}

extension Store {
    /// Adds or changes a risk in one write transaction, recording nothing in the register.
    public func updateRisk(_ id: String, _ change: @escaping @Sendable (Risk?) throws -> Risk) async throws -> Risk {
        try await updateRisk(id, recording: { (try change($0), nil) })
    }

    /// Audits the decision register against its head record and the decision table (``RegisterAudit``).
    public func auditRegister() async throws -> RegisterAudit {
        RegisterAudit(
            entries: try await registerEntries(), head: try await registerHeadRecord(), decisions: try await decisions()
        )
    }

    /// Replaces the integrated dataset with no top-risk cohort.
    public func replaceDataset(_ dataset: IntegratedDataset, summary: DatasetSummary) async throws {
        try await replaceDataset(dataset, summary: summary, cohort: [])
    }
}

/// Opens the store at `location`: a PostgreSQL database for a `postgres://` URL, else a SQLite file
/// (created if missing). Either is migrated to the current schema.
public func openStore(_ location: String) async throws -> any Store {
    PostgresStore.isURL(location) ? try await PostgresStore(url: location) : try SQLiteStore(path: location)
}
