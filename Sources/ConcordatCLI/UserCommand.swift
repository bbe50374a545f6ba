import ArgumentParser
import ConcordatCore
import Foundation
import Partnership
import Storage
import Web

/// `concordat user`: accounts that sign in, with their roles.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Accounts that sign in: add one (the first should be an administrator), and their API tokens.",
        subcommands: [Add.self, Token.self], defaultSubcommand: Add.self)

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
        @Option(
            help: ArgumentHelp(
                "An office the account holds for its organisation (section-151-officer: a council's only).",
                valueName: "office"))
        var office: Office?
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
            try await store.withStore { store in
                if let organisation {
                    _ = try await store.organisation(code: organisation)
                }
                try await store.insertUser(
                    UserAccount(
                        username: username, role: role, organisation: organisation,
                        passwordHash: PasswordHashing.hash(line, cost: cost)))
                if let office {
                    _ = try await CaseOffice(store: store).appoint(username, to: office, by: .commandLine)
                }
                print("Added \(username) (\(role.rawValue))\(office.map { ", \($0.label)" } ?? "").")
            }
        }
    }
}

extension Role: ExpressibleByArgument {}

extension Office: ExpressibleByArgument {}

extension UserCommand {
    /// `concordat user token`: API tokens, how scripts and services sign in (`Authorization: Bearer …`).
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "API tokens: how scripts and services sign in (Authorization: Bearer TOKEN).",
            discussion: """
                A token acts with its user's role. It is shown once, when made, and only its SHA-256 hash is \
                stored: keep it in a secret store, and revoke it when it is no longer needed or may have leaked.
                """,
            subcommands: [Add.self, List.self, Revoke.self])

        /// `concordat user token add USER --name NAME`.
        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Make a token for a user, and print it (once: it cannot be shown again).",
                discussion: "Example: concordat user token add ann --name nightly-extract")

            @OptionGroup var store: StoreOptions
            @Argument(help: "Whose token it is (a username).") var username: String
            @Option(help: "What it is for: a script's or a service's name (1–100 characters).") var name: String

            func validate() throws {
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                guard (1...100).contains(trimmed.count), !trimmed.contains(where: \.isNewline) else {
                    throw ValidationError("--name must be 1–100 characters on one line")
                }
            }

            func run() async throws {
                try await store.withStore { store in
                    guard try await store.user(username) != nil else {
                        throw ValidationError("there is no user '\(username)': add one with `concordat user add` first")
                    }
                    let (token, record) = try await store.createAPIToken(
                        username: username, name: name.trimmingCharacters(in: .whitespaces))
                    print(token)
                    FileHandle.standardError.write(
                        Data(
                            """
                            Token \(record.id) '\(record.name)' for \(record.username). Send it as \
                            "Authorization: Bearer <token>"; it is not stored and will not be shown again.

                            """.utf8))
                }
            }
        }

        /// `concordat user token list [USER]`.
        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List tokens (of one user, or everyone's): number, user, name, made, last used, revoked.")

            @OptionGroup var store: StoreOptions
            @Argument(help: "Only this user's tokens.") var username: String?

            func run() async throws {
                let tokens = try await store.withStore { try await $0.apiTokens(username: username) }
                guard !tokens.isEmpty else {
                    print(username.map { "\($0) has no API tokens." } ?? "There are no API tokens.")
                    return
                }
                print(Self.table(tokens))
            }

            /// The tokens as a table, one a line.
            static func table(_ tokens: [APIToken]) -> String {
                let format = ISO8601DateFormatter()
                format.formatOptions = [.withInternetDateTime]
                let rows =
                    [["id", "user", "name", "created", "last used", "revoked"]]
                    + tokens.map { token in
                        [
                            String(token.id), token.username, token.name, format.string(from: token.createdAt),
                            token.lastUsedAt.map { format.string(from: $0) } ?? "never",
                            token.revokedAt.map { format.string(from: $0) } ?? "-",
                        ]
                    }
                let widths = (0..<6).map { column in rows.map { $0[column].count }.max() ?? 0 }
                return rows.map { row in
                    zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                        .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
                }.joined(separator: "\n")
            }
        }

        /// `concordat user token revoke ID`.
        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Revoke a token by its number (from `concordat user token list`): it stops working at once.")

            @OptionGroup var store: StoreOptions
            @Argument(help: "The token's number.") var id: Int64

            func run() async throws {
                do {
                    let token = try await store.withStore { try await $0.revokeAPIToken(id: id) }
                    print("Revoked token \(token.id) '\(token.name)' of \(token.username).")
                } catch let error as StoreError where error.code == .notFound {
                    throw ValidationError("there is no API token \(id): see `concordat user token list`")
                }
            }
        }
    }
}
