import ConcordatCore

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
}
