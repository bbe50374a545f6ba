import ArgumentParser
import Ingest
import Partnership
import Storage

/// `concordat init`: loads a system into the database.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Load a system into the database.",
        discussion: """
            Loads a system pack (docs/PACKS.md): a folder given with --pack, or a pack shipped with \
            Concordat — Kent & Medway from the published NHS files (the default), or the Leicester, \
            Leicestershire & Rutland example with --example llr; the pack is kept with the system. Or builds any \
            of England's 42 ICBs from NHS England's 2025/26 allocation file with --icb CODE (places by local \
            authority district unless --place-map joins them; PCNs only with --pcn-map; list sizes without \
            age or sex bands). The load is one transaction: \
            it completes or leaves the database as it was. A database that already holds a system is left \
            alone unless you pass --replace.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var source: SystemOptions

    @Flag(help: "Replace a system already in the database (its organisations and edits are lost).")
    var replace = false

    @Flag(help: "List the codes and names of the ICBs --icb can build, and load nothing.")
    var listIcbs = false

    func run() async throws {
        if listIcbs {
            for icb in try EnglandAllocationFile.bundled().icbs {
                print("\(icb.code)  \(icb.name) (\(icb.practices) practices)")
            }
            return
        }
        let (system, pack) = try source.load()
        try await store.withStore { store in
            if let existing = try await store.loadSystem(), !replace {
                throw ValidationError(
                    "the database already holds \(existing.name); pass --replace to load \(system.name) in its place")
            }
            try await SystemPackStorage.replaceSystem(system, pack: pack, in: store)
            SystemSummary(system: system).report(loadedInto: self.store.displayName)
        }
    }
}
