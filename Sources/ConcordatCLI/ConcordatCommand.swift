import ArgumentParser

/// `concordat`: the command line for running an integrated care system.
public struct ConcordatCommand: AsyncParsableCommand {
    /// The command's name, help text and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "concordat",
        abstract: "Run an integrated care system: its population, money, assurance and decisions.",
        discussion: """
            Concordat keeps one system (for example Kent & Medway) in a database and serves it on the web.
            Start with `concordat demo`, which loads the Kent & Medway system from the published NHS data \
            shipped with Concordat and serves it on http://127.0.0.1:8080.

            Every command honours --database (or CONCORDAT_DATABASE) and, where it serves, --port \
            (or CONCORDAT_PORT).
            """,
        subcommands: [
            DemoCommand.self, InitCommand.self, ServeCommand.self, SynthCommand.self, PseudonymiseCommand.self,
            ImportCommand.self, ScoreCommand.self, AllocateCommand.self, LedgerCommand.self, SettleCommand.self,
            PoolCommand.self, UserCommand.self, SPCCommand.self, IndicatorsCommand.self, AuditCommand.self,
            BackupCommand.self, RestoreCommand.self, StatsCommand.self, PackCommand.self, ScenarioCommand.self,
            CaseCommand.self,
        ]
    )

    /// Makes the command (argument-parser fills it in).
    public init() {}
}

extension ConcordatCommand {
    /// Parses the process's arguments and runs the chosen subcommand asynchronously; the executable's
    /// whole body.
    public static func runFromCommandLine() async {
        let command: any AsyncParsableCommand.Type = ConcordatCommand.self
        await command.main()
    }
}
