import ConcordatCore
import Storage

/// The system's geography and populations, read from the store once and then served from memory
/// (they change only when a system is re-initialised); organisations are always read fresh.
actor SystemRegistry {
    private let store: any Store
    private var cached: HealthSystem?

    init(store: any Store) { self.store = store }

    /// The current system with its current organisations.
    /// - Throws: ``StoreError`` `noSystem` when nothing is loaded.
    func system() async throws -> HealthSystem {
        if cached == nil {
            cached = try await store.loadSystem()
        }
        guard let cached else { throw StoreError.noSystem }
        return cached.with(organisations: try await store.organisations())
    }

    /// Forgets the cached system, so the next request reads the store again.
    func invalidate() { cached = nil }
}
