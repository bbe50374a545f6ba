import Logging
import ServiceLifecycle
import Storage

/// Work done with a store, as a service of the same `ServiceGroup` as the store: it starts with the store
/// (its calls wait until the store is running), and on graceful shutdown it stops before the store does,
/// since a group stops its services in the reverse of their order.
struct StoreWork: Service {
    let store: any Store
    let body: @Sendable (any Store) async throws -> Void

    func run() async throws { try await body(store) }

    /// Runs `store` and `body` (given the store) in one `ServiceGroup` that shuts down gracefully on SIGINT
    /// and SIGTERM: `body` first, then the store. The group ends when `body` returns or throws (rethrown).
    static func run(
        _ store: any Store, logger: Logger, _ body: @escaping @Sendable (any Store) async throws -> Void
    ) async throws {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: store, serviceName: "store"),
                    .init(
                        service: StoreWork(store: store, body: body),
                        successTerminationBehavior: .gracefullyShutdownGroup, serviceName: "serving"),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
