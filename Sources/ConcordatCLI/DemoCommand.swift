import ArgumentParser
import ConcordatCore
import Storage

/// `concordat demo`: the main job. Loads Kent & Medway (if the database holds no system yet) and serves it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the Kent & Medway system (if needed) and serve it on http://127.0.0.1:8080.",
        discussion: """
            Creates the database (./concordat.sqlite unless --database or CONCORDAT_DATABASE says otherwise), \
            loads Kent & Medway from the published NHS data shipped with Concordat when the database holds \
            no system, and serves it. A second start reuses what is stored, edits included.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        let store = try store.open()
        let system: ConcordatCore.HealthSystem
        if let existing = try await store.loadSystem() {
            system = existing
        } else {
            system = try SystemOptions.parse([]).system()
            try await store.replaceSystem(system)
            SystemSummary(system: system).report(loadedInto: self.store.resolvedPath)
        }
        try await Serving.run(
            system: system, store: store, configuration: try server.configuration, database: self.store.resolvedPath)
    }
}
