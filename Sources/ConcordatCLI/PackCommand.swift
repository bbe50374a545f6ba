import ArgumentParser
import Foundation
import Partnership
import Storage
import SystemPack

/// `concordat pack`: system packs (docs/PACKS.md).
struct PackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack", abstract: "Work with system packs.", subcommands: [Export.self])

    /// `concordat pack export DIR`: writes the stored system back out as a pack.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the stored system out as a pack folder.",
            discussion: """
                Writes the pack the system was loaded from, with the organisations as they now stand, to the \
                folder (created if missing). `concordat init --pack FOLDER` loads it again.
                """)

        @OptionGroup var store: StoreOptions

        @Argument(help: ArgumentHelp("The folder to write.", valueName: "folder"))
        var folder: String

        func run() async throws {
            try await store.withStore { store in
                guard let system = try await store.loadSystem() else {
                    throw ValidationError("the database holds no system: run `concordat init` first")
                }
                guard var pack = try await SystemPackStorage.pack(in: store, for: system) else {
                    throw ValidationError("\(system.name) was loaded without a pack, so there is none to export")
                }
                pack.organisations = try await store.organisations()
                try pack.write(to: URL(fileURLWithPath: folder))
                print("Wrote \(pack.manifest.name) to \(folder)")
            }
        }
    }
}
