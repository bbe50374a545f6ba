import ArgumentParser
import ConcordatCore
import Foundation
import Ingest

/// Which system to load: the Kent & Medway system from published data (optionally another copy of the
/// files, and place overrides), or a bundled example.
struct SystemOptions: ParsableArguments {
    /// The systems Concordat can load without further input.
    enum Example: String, ExpressibleByArgument, CaseIterable {
        case kentMedway = "kent-medway"
        case llr
    }

    @Option(
        help: ArgumentHelp(
            "The system to load: kent-medway (published NHS data) or llr (Leicester, Leicestershire & Rutland example).",
            valueName: "name"))
    var example: Example = .kentMedway

    @Option(
        help: ArgumentHelp(
            "A folder holding the four published files, instead of the copy shipped with Concordat (kent-medway only).",
            valueName: "folder"))
    var data: String?

    @Option(
        help: ArgumentHelp(
            "A CSV with columns practice_code,place_code that places practices by hand, overriding their district (kent-medway only).",
            valueName: "file"))
    var placeOverrides: String?

    func validate() throws {
        if example != .kentMedway, data != nil || placeOverrides != nil {
            throw ValidationError("--data and --place-overrides apply to --example kent-medway only")
        }
    }

    /// Builds the chosen system.
    func system() throws -> HealthSystem {
        switch example {
        case .llr:
            return try LeicesterLeicestershireRutland.system()
        case .kentMedway:
            let files =
                try data.map { try PublishedReferenceData(directory: URL(fileURLWithPath: $0)) }
                ?? PublishedReferenceData.bundledKentMedway()
            var rules = PlaceRules.kentAndMedway
            if let placeOverrides {
                let url = URL(fileURLWithPath: placeOverrides)
                let bytes: Data
                do { bytes = try Data(contentsOf: url) } catch {
                    throw IngestError.unreadable(
                        file: placeOverrides, reason: "cannot read the file (\(error.localizedDescription))")
                }
                rules = try rules.withOverrides(from: try CSVTable(parsing: bytes, file: placeOverrides))
            }
            return try PublishedSystemAssembly.assemble(
                from: files, rules: rules, organisations: EastKentPartnership.organisations)
        }
    }
}
