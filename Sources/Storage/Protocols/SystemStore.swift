import ConcordatCore

/// Where the system is kept: its geography, populations, sources, data-quality notes and the
/// partnership's organisations.
public protocol SystemStore: Sendable {
    /// Replaces the stored system, whole, in one transaction; with it, in the same transaction, the
    /// stored pack when `pack` is given (`nil` leaves the stored pack as it is).
    func replaceSystem(_ system: HealthSystem, pack: StoredPack?) async throws

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
}

extension SystemStore {
    /// Replaces the stored system, whole, in one transaction, leaving the stored pack as it is.
    public func replaceSystem(_ system: HealthSystem) async throws { try await replaceSystem(system, pack: nil) }
}
