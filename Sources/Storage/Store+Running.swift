import ServiceLifecycle

extension Store {
    /// Runs `body` while the store runs (its `run()` in a child task), then stops the store and waits for
    /// it to stop, whether `body` returns or throws: how a command or a test uses a store with no
    /// `ServiceGroup` to run it.
    public func whileRunning<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.run() }
            let result: Result
            do { result = try await body() } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
            // The store's own error (a failed migration) matters only when `body` did not see it.
            while (try? await group.next()) != nil {}
            return result
        }
    }
}

/// Opens the store at `location` (see ``openStore(_:)``) and runs `body` with it while it runs, stopping it
/// afterwards (see ``Store/whileRunning(_:)``).
public func withRunningStore<Result: Sendable>(
    _ location: String, _ body: (any Store) async throws -> Result
) async throws -> Result {
    let store = try await openStore(location)
    return try await store.whileRunning { try await body(store) }
}
