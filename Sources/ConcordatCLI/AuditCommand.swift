import ArgumentParser
import Foundation
import Governance

/// `concordat audit verify`: checks the decision register's hash chain.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the tamper-evident decision register.", subcommands: [Verify.self])

    /// `concordat audit verify`.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify that no entry of the decision register has been changed, removed or reordered.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let entries = try await store.open().registerEntries()
            if let broken = DecisionRegister(entries: entries).firstBrokenEntry {
                print("The decision register is broken at entry \(broken) of \(entries.count): it has been altered.")
                throw ExitCode.failure
            }
            print(
                "All \(entries.count) entries of the decision register verify\(entries.last.map { " (head \($0.hash.prefix(16))…)" } ?? "")."
            )
        }
    }
}
