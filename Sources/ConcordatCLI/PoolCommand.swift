import ArgumentParser
import ConcordatCore
import Finance
import Foundation
import Partnership

/// `concordat pool`: pooled budgets with host partners and ring-fences; payments out of them.
struct PoolCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pool",
        abstract: "Pooled and ring-fenced budgets: list them, trace them, add one, pay out of one.",
        subcommands: [List.self, Show.self, Add.self, Pay.self], defaultSubcommand: List.self)

    /// `concordat pool list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the pools with what is in and what is left.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore { store in
                let pools = try await store.pools()
                if pools.isEmpty {
                    print(
                        "No pools yet: `concordat demo` sets up Kent & Medway's, or add one with `concordat pool add`.")
                }
                for pool in pools {
                    let account = try await store.poolAccount(code: pool.code)
                    print(
                        pool.code.padded(22) + pool.name.padded(44) + pool.kind.rawValue.padded(18)
                            + "host \(pool.host)".padded(12)
                            + "in \(pool.total)".leftPadded(24) + "left \(account.balance)".leftPadded(26))
                    for fence in pool.ringFences { print("".padded(22) + "ring-fence: \(fence.name)") }
                }
            }
        }
    }

    /// `concordat pool show CODE`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Trace a pool's money from each contribution to what it was spent on.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The pool's code.") var code: String

        func run() async throws {
            let account = try await store.withStore { try await $0.poolAccount(code: code) }
            print(
                "\(account.pool.name) (\(account.pool.code)), hosted by \(account.pool.host): \(account.pool.total) in, \(account.spent) spent, \(account.balance) left"
            )
            for fence in account.pool.ringFences { print("  ring-fence '\(fence.name)'") }
            print("")
            for line in account.trace {
                print(
                    "  from \(line.partner): \(Money(pence: line.contributedPence)) in, \(Money(pence: line.spentPence)) spent, \(Money(pence: line.remainingPence)) left"
                )
                for (setting, pence) in line.spentBySetting.sorted(by: { $0.key < $1.key }) {
                    print("    on \(CareSetting(code: setting)?.label ?? setting): \(Money(pence: pence))")
                }
            }
            print("\n\(account.payments.count) payments.")
        }
    }

    /// `concordat pool add FILE.json`.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add (or replace, while it has no payments) a pool from JSON.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "A JSON file describing the pool (code, name, kind, host, contributions, ringFences).")
        var file: String

        func run() async throws {
            let pool: Pool
            do {
                pool = try JSONDecoder().decode(Pool.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
            } catch let error as DecodingError {
                throw ValidationError("\(file) is not a pool: \(error)")
            }
            for fence in pool.ringFences {
                for setting in fence.settings ?? [] where CareSetting(code: setting) == nil {
                    throw ValidationError(
                        "\(file): ring-fence '\(fence.name)' names '\(setting)', which is not a care setting")
                }
            }
            try await store.withStore { try await $0.savePool(pool) }
            print("Saved pool \(pool.code): \(pool.total) from \(pool.contributions.count) contributions.")
        }
    }

    /// `concordat pool pay`.
    struct Pay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pay out of a pool; refused, with the rule named, if it breaks a ring-fence or the balance.")
        @OptionGroup var store: StoreOptions
        @Option(help: "The pool's code.") var pool: String
        @Option(help: "The partner (provider) paid.") var partner: String
        @Option(help: "The care setting bought (e.g. adult_social_care).") var setting: String
        @Option(help: "The area whose people it serves (a place, PCN or practice code).") var area: String
        @Option(help: "The month, YYYY-MM.") var month: String
        @Option(help: ArgumentHelp("The amount in pounds.", valueName: "amount"), transform: Money.argument)
        var amount: Money
        @Option(help: "What it is for.") var note: String = ""

        func validate() throws {
            guard CareSetting(code: setting) != nil else {
                throw ValidationError(
                    "--setting '\(setting)' is not one of \(CareSetting.allCases.map(\.code).joined(separator: ", "))")
            }
            guard Month.isValid(month) else {
                throw ValidationError("--month '\(month)' is not of the form YYYY-MM")
            }
        }

        func run() async throws {
            try await store.withStore { store in
                guard let system = try await store.loadSystem() else {
                    throw ValidationError("the database holds no system")
                }
                guard system.area(area) != nil else { throw ValidationError("no area has the code '\(area)'") }
                let spend = PoolSpend(
                    pool: pool, partner: partner, setting: setting, area: area, month: month,
                    amount: amount,
                    description: note)
                // A refusal names the rule broken and exits non-zero; nothing is recorded.
                let account = try await PoolPayment(store: store).pay(spend, by: .commandLine, in: system)
                print("Paid \(Money(pence: spend.amountPence)) from \(pool) to \(partner); \(account.balance) left.")
            }
        }
    }
}
