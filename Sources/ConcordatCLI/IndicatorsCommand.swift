import ArgumentParser
import Assurance
import ConcordatCore
import Foundation
import Ingest
import Partnership

/// `concordat indicators`: the catalogue, and values imported from CSV.
struct IndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators", abstract: "The indicator catalogue, and importing values.",
        subcommands: [List.self, Import.self, ImportAE.self], defaultSubcommand: List.self)

    /// `concordat indicators list`: the stored system's catalogue (its pack's `indicators.json`), or the
    /// standard catalogue where no pack is kept or no system is loaded, saying which.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the system's indicators with their targets.",
            discussion: """
                The indicators are those of the pack kept with the stored system (its indicators.json). With no \
                pack kept, or no database, they are Concordat's standard catalogue, and the command says so. \
                --format json prints what GET /api/v1/indicators answers.
                """)

        @OptionGroup var store: StoreOptions
        @Option(help: "table or json.") var format: OutputFormat = .table

        func run() async throws {
            let catalogue = try await Self.catalogue(store)
            if format == .json { return try printJSON(IndicatorList(items: catalogue.indicators)) }
            print(catalogue.provenance)
            for indicator in catalogue.indicators {
                print("\(indicator.code.padded(26))\(indicator.name) (\(indicator.improvement.rawValue) is better)")
                for target in indicator.targets {
                    print("".padded(26) + "from \(target.from): \(indicator.format(target.value)) — \(target.label)")
                }
            }
        }

        /// The stored system's catalogue; the standard one when no database file exists or it holds no system
        /// (a missing SQLite file is not created).
        static func catalogue(_ options: StoreOptions) async throws -> WatchedIndicators {
            if !options.isPostgres, !FileManager.default.fileExists(atPath: options.resolvedPath) {
                return WatchedIndicators(pack: nil)
            }
            return try await options.withStore { store in
                guard let system = try await store.loadSystem() else { return WatchedIndicators(pack: nil) }
                return try await SystemPackStorage.indicators(in: store, for: system)
            }
        }
    }

    /// What `indicators list --format json` prints: the API's list document.
    struct IndicatorList: Encodable {
        var items: [Indicator]
    }

    /// `concordat indicators import-ae FILE.csv`: NHS England's A&E attendances file, for the system's
    /// organisations that have ODS codes in it, and their total as the system's value.
    struct ImportAE: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-ae",
            abstract:
                "Import NHS England's monthly A&E attendances (period,org_code,type,attendances,breaches,admissions).",
            discussion: "All or nothing: every row is checked, and nothing is saved unless all pass. Gives ae-4-hour "
                + "(all types) and ae-4-hour-type-1 for each organisation whose ODS code the file has, and their "
                + "total (pooled counts) for the system. A month missing from the file is a gap, not a zero.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The CSV file (default: the copy shipped with Concordat, Apr 2016 – Mar 2019).")
        var file: String?

        func run() async throws {
            try await store.withStore { store in
                guard let system = try await store.loadSystem() else {
                    throw ValidationError("the database holds no system")
                }
                let statistics =
                    try file.map { path in
                        try AEAttendances(
                            parsing: try Data(contentsOf: URL(fileURLWithPath: path)),
                            file: URL(fileURLWithPath: path).lastPathComponent)
                    } ?? AEAttendances.bundled()
                let trusts = AEStatistics.trusts(try await store.organisations(), in: statistics)
                guard !trusts.isEmpty else {
                    throw ValidationError("no organisation of the system has an ODS code that the file has rows for")
                }
                let values = AEStatistics.indicatorValues(statistics, trusts: trusts, systemCode: system.root.code)
                try await store.saveIndicatorValues(values)
                print(
                    "Imported \(values.count) values for \(trusts.map { "\($0.name) (\($0.odsCode ?? ""))" }.joined(separator: ", ")) and their total."
                )
            }
        }
    }

    /// `concordat indicators import FILE.csv`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import values: a CSV with columns indicator,area,month,value (and optionally numerator,denominator).",
            discussion: "All or nothing: every row is checked (known indicator and area, YYYY-MM month, a number), "
                + "and nothing is saved unless all pass. A value for the same indicator, area and month replaces the old one."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The CSV file.") var file: String

        func run() async throws {
            try await store.withStore { store in
                guard let system = try await store.loadSystem() else {
                    throw ValidationError("the database holds no system")
                }
                let catalogue = try await SystemPackStorage.indicators(in: store, for: system)
                let values = try Self.read(file, system: system, catalogue: catalogue)
                try await store.saveIndicatorValues(values)
                print("Imported \(values.count) values.")
            }
        }

        /// Reads and checks every row against `system` and its `catalogue`; throws on the first refused one,
        /// naming file, line and field.
        static func read(_ file: String, system: HealthSystem, catalogue: WatchedIndicators) throws
            -> [IndicatorValue]
        {
            let table = try CSVTable(parsing: Data(contentsOf: URL(fileURLWithPath: file)), file: file)
            let columns = (
                indicator: try table.column("indicator"), area: try table.column("area"),
                month: try table.column("month"),
                value: try table.column("value")
            )
            let numerator = table.header.contains("numerator") ? try table.column("numerator") : nil
            let denominator = table.header.contains("denominator") ? try table.column("denominator") : nil
            var seen: Set<String> = []
            return try table.records.map { record in
                func refuse(_ field: String, _ reason: String) -> IngestError {
                    IngestError.invalidValue(file: file, line: record.line, field: field, reason: reason)
                }
                let code = record[columns.indicator]
                guard let indicator = catalogue.indicator(code) else {
                    throw refuse(
                        "indicator", "'\(code)' is not one of \(system.name)'s indicators (concordat indicators list)")
                }
                let area = record[columns.area]
                guard system.area(area) != nil || system.organisations.contains(where: { $0.code == area }) else {
                    throw refuse("area", "'\(area)' is not an area or organisation of \(system.name)")
                }
                let month = record[columns.month]
                guard Month.isValid(month) else {
                    throw refuse("month", "'\(month)' is not a month of the form YYYY-MM")
                }
                guard let value = Double(record[columns.value]), value.isFinite else {
                    throw refuse("value", "'\(record[columns.value])' is not a number")
                }
                if let problem = indicator.problem(with: value) { throw refuse("value", problem) }
                guard seen.insert("\(code)|\(area)|\(month)").inserted else {
                    throw refuse("month", "\(code) for \(area) in \(month) appears twice")
                }
                return IndicatorValue(
                    indicator: code, area: area, month: month, value: value,
                    numerator: numerator.flatMap { Double(record[$0]) },
                    denominator: denominator.flatMap { Double(record[$0]) })
            }
        }
    }
}
