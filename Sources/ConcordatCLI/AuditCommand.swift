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
            abstract:
                "Verify the decision register: no entry changed, removed or reordered, and the decisions as recorded.",
            discussion: """
                Checks the register's hash chain; that the chain ends at the head record kept apart from it \
                (count and hash of the last entry, rewritten with each append), so entries removed from the \
                end show; and that each decision's votes, ballots and ratifications in the decision table are \
                those the register recorded. Compare the head hash printed with the one on the public \
                register page or in a backup. Exits non-zero naming each thing found wrong.
                """)
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let audit = try await store.withStore { try await $0.auditRegister() }
            guard audit.verifies else {
                print("The decision register does not verify:")
                for finding in audit.findings { print("  - \(finding)") }
                throw ExitCode.failure
            }
            print(
                "All \(audit.chainHead.count) entries of the decision register verify, and every decision's votes "
                    + "and ratifications match it (head \(audit.chainHead.hash)).")
        }
    }
}
