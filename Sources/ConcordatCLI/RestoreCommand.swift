import ArgumentParser
import Foundation
import Storage

/// `concordat restore`: replaces the whole store with a backup, all or nothing.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the whole store with a backup made by `concordat backup`: all of it, or none.",
        discussion: """
            Stop the server first, and start it again afterwards. A store that already holds a system is \
            replaced only with --replace. The backup must come from the same kind of database (SQLite or \
            PostgreSQL) and from this version of Concordat or an older one.
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp("The backup file to restore.", valueName: "file"))
    var from: String

    @Flag(name: .long, help: "Replace a store that already holds a system.")
    var replace = false

    func validate() throws {
        guard FileManager.default.fileExists(atPath: from) else { throw ValidationError("\(from): no such file") }
    }

    func run() async throws {
        try await store.withStore { target in
            if !replace, let system = try await target.loadSystem() {
                throw ValidationError(
                    "\(store.displayName) already holds \(system.name); pass --replace to overwrite it with the backup")
            }
            try await target.restore(from: from)
            let restored = try await target.loadSystem()
            let entries = try await target.registerEntries()
            let head = try await target.registerHeadRecord()
            print(
                "Restored \(from) into \(store.displayName): \(restored?.name ?? "no system"), "
                    + "\(entries.count) decision register entries.")
            if let head { print("Decision register head: \(head.count) entries, hash \(head.hash).") }
        }
    }
}
