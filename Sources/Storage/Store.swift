import ConcordatCore
import Finance
import Foundation

/// Where Concordat keeps a system: its geography, populations, partnership and data-quality notes.
///
/// Every adapter (SQLite by default; PostgreSQL for production) passes the same contract test suite.
/// Writes are atomic: a reader sees the state before a write or after it, never half of it.
public protocol Store: Sendable {
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

    /// Replaces the integrated dataset, whole, in one transaction.
    func replaceDataset(_ dataset: IntegratedDataset, summary: DatasetSummary) async throws

    /// The loaded dataset's summary, or `nil` when none is loaded.
    func datasetSummary() async throws -> DatasetSummary?

    /// The loaded dataset, or `nil` when none is loaded.
    func loadDataset() async throws -> IntegratedDataset?

    /// Replaces the loaded dataset's analysis (after the engine gains a measure), keeping the dataset.
    /// - Throws: ``StoreError`` `notFound` when no dataset with `fingerprint` is loaded.
    func updateAnalysis(_ analysis: Data, fingerprint: String) async throws

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
}
