import ArgumentParser
import ConcordatCore
import Foundation
import Hummingbird
import Logging
import Storage
import Web

/// `concordat serve`: serves the system already in the database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the system in the database on the web (HTML pages and the JSON API).",
        discussion: "Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        server.bootstrapLogging()
        let (server, database) = (server, store.displayName)
        try await StoreWork.run(try await openStore(store.resolvedPath), logger: Logger(label: "concordat")) { store in
            guard let system = try await store.loadSystem() else {
                throw ValidationError("\(database) holds no system: run `concordat init` or `concordat demo` first")
            }
            try await Serving.run(system: system, store: store, server: server, database: database)
        }
    }
}

/// What `serve` and `demo` share: log what is being served, then run until a shutdown signal. It runs as
/// ``StoreWork`` beside the store, whose `ServiceGroup` handles the signals.
enum Serving {
    static func run(
        system: ConcordatCore.HealthSystem, store: any Store, server: ServerOptions, database: String
    ) async throws {
        let logger = Logger(label: "concordat")
        logger.info("serving \(system.name) from \(database)")
        // The store is checked once at start, beside the application's building (which reads the system's
        // snapshot in the background): a damaged store is served, but /health reports it degraded.
        let health = StoreHealth()
        async let checked = health.check(store, logger: logger)
        if !PostgresStore.isURL(database) {
            let folder = URL(fileURLWithPath: database).deletingLastPathComponent().path
            for removed in StoreBackup.removeStalePartials(in: folder) {
                logger.notice("removed \(removed), left by a backup killed mid-way")
            }
        }
        let app = try buildApplication(
            configuration: try server.configuration, store: store, logger: logger,
            logRequests: server.resolvedLogFormat == .json, health: health)
        let problems = await checked
        if !problems.isEmpty {
            logger.critical(
                "\(database) is damaged; /health reports degraded: \(problems.prefix(3).joined(separator: "; "))")
        }
        try await app.run()
        logger.info("stopped")
    }
}
