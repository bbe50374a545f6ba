import ServiceLifecycle

extension PostgresStore {
    /// Runs the store's PostgreSQL client (its connection pool), migrates the database to the current
    /// schema, then serves calls until graceful shutdown or cancellation, when it stops the client and
    /// closes every connection. In a server's `ServiceGroup` it is listed before the server, so on graceful
    /// shutdown the server drains its requests first. Calls made before the migration ends wait for it;
    /// calls made after `run()` returns fail with ``StoreError`` `unavailable` ("the store is not running").
    /// A store is run once.
    /// - Throws: the migration's error (``StoreError`` `unavailable` when the server cannot be reached).
    public func run() async throws {
        try gate.start()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await self.client.run() }
            do {
                try await migrate()
            } catch {
                gate.shut(error is CancellationError ? Self.notRunning("it was stopped while starting") : error)
                group.cancelAll()
                throw error
            }
            gate.open()
            do { try await gracefulShutdown() } catch {}
            gate.shut(Self.notRunning("it has stopped"))
            group.cancelAll()
        }
    }

    /// Opens the database at `url`, runs `body` with the store while the store runs, and stops it when
    /// `body` returns or throws: for tests and commands that use a store with no server to run it. Its calls
    /// wait at most `connectionWait` for a connection (``defaultConnectionWait`` when nil).
    public static func withStore<Result: Sendable>(
        url: String, connectionWait: Duration? = nil, _ body: (PostgresStore) async throws -> Result
    ) async throws -> Result {
        let store = try PostgresStore(url: url, connectionWait: connectionWait)
        return try await store.whileRunning { try await body(store) }
    }
}
