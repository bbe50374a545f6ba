import ArgumentParser
import ConcordatCore
import Foundation
import Governance
import Partnership
import Storage

/// `concordat case`: business cases drafted from scenarios (issue 17), attached to proposals, determined
/// by the council's Section 151 officer.
struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Draft a business case from a scenario, attach it to a proposal, record the S151 determination.",
        subcommands: [Draft.self, Attach.self, Determine.self, Show.self])

    /// The account a command acts as: `--as USERNAME` (an account in the store), else the command line's
    /// administrator for the secretariat.
    struct ActorOptions: ParsableArguments {
        @Option(name: .customLong("as"), help: ArgumentHelp("Act as this account (a username).", valueName: "user"))
        var username: String?

        func actor(in store: any Store) async throws -> Actor {
            guard let username else { return .commandLine }
            guard let account = try await store.user(username) else {
                throw ValidationError("--as: no account is named '\(username)'")
            }
            return Actor(account)
        }
    }

    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft a business case: runs and appraises the scenario, keeps the five cases.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: ArgumentHelp("The scenario definition (JSON).", valueName: "scenario.json")) var file: String
        @Option(help: "The case's reference (letters, digits, '.', '_', '-').") var id: String
        @Option(help: "Its title.") var title: String
        @Option(help: ArgumentHelp("The strategic case (a text file).", valueName: "file")) var strategic: String?
        @Option(help: ArgumentHelp("The commercial case (a text file).", valueName: "file")) var commercial: String?
        @Option(help: ArgumentHelp("The management case (a text file).", valueName: "file")) var management: String?
        @Option(
            help: ArgumentHelp(
                "The milestones and risks it adds (JSON: {\"milestones\": […], \"risks\": […]}).", valueName: "file"))
        var programme: String?
        @Option(name: .customLong("optimism-bias"), help: ArgumentHelp("Project type.", valueName: "type"))
        var projectType = "outsourcing"
        @Option(name: .customLong("optimism-bias-percent"), help: "An optimism bias below the upper bound, percent.")
        var percent: Double?
        @Option(help: "The evidence for an optimism bias below the upper bound.") var reason: String?
        @Option(help: "Monte Carlo runs, in place of the definition's.") var runs: Int?

        func run() async throws {
            func text(_ path: String?) throws -> String {
                guard let path else { return "" }
                do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
                    throw ValidationError("\(path) cannot be read: \(error.localizedDescription)")
                }
            }
            let json: Data
            do { json = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw ValidationError("\(file) cannot be read: \(error.localizedDescription)")
            }
            var items = BusinessCase.Management(text: try text(management))
            if let programme {
                struct Items: Decodable {
                    var milestones: [BusinessCase.Milestone]?
                    var risks: [BusinessCase.Risk]?
                }
                do {
                    let parsed = try JSONDecoder().decode(Items.self, from: Data(try text(programme).utf8))
                    items.milestones = parsed.milestones ?? []
                    items.risks = parsed.risks ?? []
                } catch { throw ValidationError("\(programme): \(error)") }
            }
            let draft = BusinessCaseDraft(
                id: id, title: title, strategic: try text(strategic), commercial: try text(commercial),
                management: items, projectType: projectType, optimismBiasPercent: percent, optimismBiasReason: reason)
            let stored = try await store.withStore { store in
                try await CaseOffice(store: store).draft(
                    draft, scenario: json, runs: runs, by: try await actor.actor(in: store))
            }
            print(CaseCommand.summary(stored))
        }
    }

    struct Attach: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Attach a business case to a tabled proposal.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The case's reference.") var businessCase: String
        @Argument(help: "The proposal's reference.") var proposal: String

        func run() async throws {
            let record = try await store.withStore { store in
                try await CaseOffice(store: store).attach(
                    businessCase, to: proposal, by: try await actor.actor(in: store))
            }
            print("Attached \(businessCase) to \(record.id).")
        }
    }

    struct Determine: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the council's Section 151 officer's determination (run with --as the officer).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The case's reference.") var businessCase: String
        @Option(help: "affordable or not-affordable.") var outcome: Section151Determination.Outcome
        @Option(help: "Why.") var reason: String

        func run() async throws {
            let stored = try await store.withStore { store in
                try await CaseOffice(store: store).determine(
                    businessCase, outcome: outcome, reason: reason, by: try await actor.actor(in: store))
            }
            print("Recorded: \(stored.determinations.last.map { "\($0.council) \($0.outcome.rawValue)" } ?? "").")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a business case (table, json or csv).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The case's reference.") var businessCase: String
        @Option(help: "table, json or csv.") var format: Format = .table

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

        func run() async throws {
            let stored = try await store.withStore { store in try await CaseOffice(store: store).stored(businessCase) }
            switch format {
            case .table: print(CaseCommand.summary(stored))
            case .json: print(String(decoding: try BusinessCaseExport.json(stored), as: UTF8.self))
            case .csv: print(BusinessCaseExport.csv(stored), terminator: "")
            }
        }
    }

    /// The case in a few lines.
    static func summary(_ stored: StoredBusinessCase) -> String {
        let businessCase = stored.businessCase
        let economic = businessCase.economic
        var lines = ["\(businessCase.id): \(businessCase.title)"]
        if let option = economic.appraisedOption {
            lines.append("NPSV  \(Money(pence: option.netPresentSocialValuePence))")
            lines.append("BCR   \(option.benefitCostRatio.map { String(format: "%.2f", $0) } ?? "not given")")
        }
        let gaps = economic.missingForGreenBook
        lines.append(
            "Green Book: "
                + (gaps.isEmpty
                    ? "discounted, optimism bias applied, sensitivity tested" : gaps.joined(separator: "; ")))
        for breach in businessCase.financial.breaches {
            lines.append(String(format: "P(%@ over headroom) = %.3f", breach.partner, breach.probability))
        }
        for determination in stored.determinations {
            lines.append(
                "Section 151: \(determination.council) \(determination.outcome.rawValue) by \(determination.username)"
                    + " — \(determination.reason)")
        }
        lines.append("Attached to: \(stored.proposal ?? "no proposal")")
        return lines.joined(separator: "\n")
    }
}

extension Section151Determination.Outcome: ExpressibleByArgument {}
