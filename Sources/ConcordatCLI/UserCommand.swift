import ArgumentParser
import ConcordatCore
import Foundation
import Web

/// `concordat user`: accounts that sign in, with their roles.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Accounts that sign in: add one (the first should be an administrator).",
        subcommands: [Add.self], defaultSubcommand: Add.self)

    /// `concordat user add`.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account. The password is read from standard input, never from the command line.",
            discussion: """
                Roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")). Only an analyst may read a \
                practice's top-risk cohort by person (GET /api/v1/practices/CODE/cohort), and every read is \
                logged; an administrator reads that log (GET /api/v1/access-log).

                Example: printf '%s\\n' "$PASSWORD" | concordat user add --username ann --role administrator --password-stdin
                """)

        @OptionGroup var store: StoreOptions
        @Option(help: "The sign-in name (2–64 lower-case letters, digits, dots, hyphens, underscores).") var username:
            String
        @Option(help: ArgumentHelp("The role.", valueName: "role")) var role: Role
        @Option(
            help: """
                The organisation the account acts for (an organisation code): it may change only that \
                organisation's records (its places' returns, its risks and milestones, its pools, its seat's vote). \
                Without one, administrators and board secretaries act for the secretariat (any organisation's \
                records); other roles act for no organisation.
                """)
        var organisation: String?
        @Flag(help: "Read the password (one line, at least 12 characters) from standard input.") var passwordStdin =
            false
        @Option(help: .hidden) var cost: UInt8 = 12

        func validate() throws {
            guard UserAccount.isValidUsername(username) else {
                throw ValidationError(
                    "--username '\(username)' must be 2–64 lower-case letters, digits, dots, hyphens or underscores")
            }
            guard passwordStdin else {
                throw ValidationError("give the password on standard input with --password-stdin")
            }
            if role == .partnerRepresentative, organisation == nil {
                throw ValidationError("a partner representative needs --organisation")
            }
        }

        func run() async throws {
            guard let line = readLine(strippingNewline: true) else {
                throw ValidationError("no password was given on standard input")
            }
            if let weakness = PasswordHashing.weakness(of: line) { throw ValidationError(weakness) }
            let store = try await store.open()
            if let organisation {
                _ = try await store.organisation(code: organisation)
            }
            try await store.insertUser(
                UserAccount(
                    username: username, role: role, organisation: organisation,
                    passwordHash: PasswordHashing.hash(line, cost: cost)))
            print("Added \(username) (\(role.rawValue)).")
        }
    }
}

extension Role: ExpressibleByArgument {}
