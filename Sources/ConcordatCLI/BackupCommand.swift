import ArgumentParser
import Foundation
import Storage

/// `concordat backup`: a consistent snapshot of the whole store, taken while the server runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent snapshot of the whole store to a file, while the server runs.",
        discussion: """
            A SQLite store is copied with SQLite's online backup API into a SQLite file; a PostgreSQL store is \
            dumped with pg_dump --format=custom. The snapshot is then checked (PRAGMA integrity_check; \
            pg_restore --list): a damaged one is removed and the command fails. The file appears under its \
            name only once it is complete and checked; partial files left by backups killed mid-way are \
            removed. The backup holds the decision register and its head record; the head hash is printed, \
            to compare with `concordat audit verify` and the public register page. Restore it with \
            `concordat restore`.
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp("The backup file to write (replaced if it exists).", valueName: "file"))
    var to: String

    func run() async throws {
        let started = Date()
        try await store.withStore { source in
            try await source.backup(to: to)
            let head = try await source.registerHeadRecord()
            let size = (try? FileManager.default.attributesOfItem(atPath: to)[.size] as? Int) ?? 0
            print(
                "Backed up \(store.displayName) to \(to) (\(ByteCountFormatter.string(fromByteCount: Int64(size), countStyle: .file)), "
                    + "\(String(format: "%.1f", Date().timeIntervalSince(started))) s); checked whole.")
            if let head { print("Decision register head: \(head.count) entries, hash \(head.hash).") }
        }
    }
}
