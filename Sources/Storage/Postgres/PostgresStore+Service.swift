import ServiceLifecycle

extension PostgresStore: Service {
    /// Runs the store as one of a server's services (in its `ServiceGroup`): it keeps its connections while
    /// the server runs and, on graceful shutdown, closes them once the services started after it (the
    /// server, which drains its requests first) have stopped. Cancelled, it closes at once. The store cannot
    /// be used after it returns.
    public func run() async throws {
        do { try await gracefulShutdown() } catch {}
        await close()
    }

    /// Opens the database at `url`, runs `body` with the store and closes it when `body` returns or throws:
    /// for tests and commands that use a store with no server to run it.
    public static func withStore<Result: Sendable>(
        url: String, _ body: (PostgresStore) async throws -> Result
    ) async throws -> Result {
        let store = try await PostgresStore(url: url)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}
