import ServiceLifecycle

extension SQLiteStore {
    /// A SQLite store needs no running: its file is open from the start. `run()` waits for graceful
    /// shutdown or cancellation, so the store can be one of a server's services like any other.
    public func run() async throws {
        do { try await gracefulShutdown() } catch {}
    }
}
