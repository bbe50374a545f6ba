import ArgumentParser
import ConcordatCore
import Foundation
import Ingest

/// Which system to load: the Kent & Medway system from published data (optionally another copy of the
/// files, and place overrides), any ICB in England from NHS England's allocation file (`--icb`), or a
/// bundled example.
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
    var example: Example?

    @Option(
        help: ArgumentHelp(
            "Build any of England's 42 ICBs from NHS England's 2025/26 allocation file shipped with Concordat: its code (QUY) or name (see init --list-icbs).",
            valueName: "code"))
    var icb: String?

    @Option(
        help: ArgumentHelp(
            "With --icb: a CSV with columns district,place_code,place_name joining local authority districts into places (by default each district is a place).",
            valueName: "file"))
    var placeMap: String?

    @Option(
        help: ArgumentHelp(
            "With --icb: a practice to PCN mapping in the format of NHS Digital's (PRACTICE_CODE, PCN_CODE, PCN_NAME), adding a Primary Care Network level.",
            valueName: "file"))
    var pcnMap: String?

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
        if let icb {
            if let example {
                throw ValidationError(
                    "--icb and --example choose the system two ways: pass one (got --example \(example.rawValue))")
            }
            if data != nil || placeOverrides != nil {
                throw ValidationError(
                    "--data and --place-overrides apply to --example kent-medway, not --icb; use --place-map")
            }
            do { _ = try EnglandAllocationFile.bundled().icb(matching: icb) } catch let error as UnknownICB {
                throw ValidationError("--icb: \(error.description)")
            }
        } else if placeMap != nil || pcnMap != nil {
            throw ValidationError("--place-map and --pcn-map apply to --icb only")
        }
        if example != nil, example != .kentMedway, data != nil || placeOverrides != nil {
            throw ValidationError("--data and --place-overrides apply to --example kent-medway only")
        }
    }

    /// Builds the chosen system.
    func system() throws -> HealthSystem {
        if let icb { return try icbSystem(icb) }
        switch example ?? .kentMedway {
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

    /// ICB `query` from NHS England's file, with the place and PCN maps if given.
    private func icbSystem(_ query: String) throws -> HealthSystem {
        let file = try EnglandAllocationFile.bundled()
        let district = try file.table.column("LTLA")
        let districts = Set(file.records(ofICB: try file.icb(matching: query).code).map { $0[district] })
        let places = try placeMap.map {
            try DistrictPlaceMap(table: Self.table($0, option: "--place-map"), knownDistricts: districts)
        }
        let networks = try pcnMap.map { try PracticePCNMap(table: Self.table($0, option: "--pcn-map")) }
        return try PublishedICB(file: file, icb: query, places: places, networks: networks).system
    }

    /// A CSV file named by an option.
    private static func table(_ path: String, option: String) throws -> CSVTable {
        let bytes: Data
        do { bytes = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw IngestError.unreadable(
                file: path, reason: "\(option): cannot read the file (\(error.localizedDescription))")
        }
        return try CSVTable(parsing: bytes, file: path)
    }
}
