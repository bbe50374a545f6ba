import ArgumentParser
import Assurance
import ConcordatCore
import Finance
import Foundation
import Ingest
import SystemPack

/// Which system to load: a pack folder, a pack shipped with Concordat (Kent & Medway by default; for a pack
/// built from published files, optionally another copy of the files and place overrides), or any ICB in
/// England from NHS England's allocation file (`--icb`).
struct SystemOptions: ParsableArguments {
    /// The packs shipped with Concordat.
    enum Example: String, ExpressibleByArgument, CaseIterable {
        case kentMedway = "kent-medway"
        case llr
    }

    @Option(
        help: ArgumentHelp(
            "A bundled pack to load: kent-medway (published NHS data) or llr (Leicester, Leicestershire & Rutland example).",
            valueName: "name"))
    var example: Example?

    @Option(
        help: ArgumentHelp(
            "A system pack folder (see docs/PACKS.md) to load instead of a bundled one.", valueName: "folder"))
    var pack: String?

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
            "A folder holding the four published files, instead of the pack's (packs built from published files only).",
            valueName: "folder"))
    var data: String?

    @Option(
        help: ArgumentHelp(
            "A CSV with columns practice_code,place_code that places practices by hand, overriding their district (packs built from published files only).",
            valueName: "file"))
    var placeOverrides: String?

    func validate() throws {
        let sources = [example != nil, pack != nil, icb != nil].filter { $0 }.count
        if sources > 1 { throw ValidationError("give one of --example, --pack and --icb") }
        if let icb {
            if data != nil || placeOverrides != nil {
                throw ValidationError(
                    "--data and --place-overrides apply to packs built from published files, not --icb; use --place-map"
                )
            }
            do { _ = try EnglandAllocationFile.bundled().icb(matching: icb) } catch let error as UnknownICB {
                throw ValidationError("--icb: \(error.description)")
            }
        } else if placeMap != nil || pcnMap != nil {
            throw ValidationError("--place-map and --pcn-map apply to --icb only")
        }
        if pack == nil, let example, example != .kentMedway, data != nil || placeOverrides != nil {
            throw ValidationError("--data and --place-overrides apply to packs built from published files only")
        }
    }

    /// The chosen pack (for `--icb`, the pack ``load()`` builds with the system).
    func chosenPack() throws -> SystemPack? {
        if let icb { return try icbSystem(icb).pack }
        if let pack { return try PackLoader.load(directory: URL(fileURLWithPath: pack)) }
        return try PackLoader.bundled((example ?? .kentMedway).rawValue)
    }

    /// Builds the chosen system, with the pack it came from (for `--icb`, a pack that builds it again:
    /// its places and districts, NHS England's file for the rest).
    func load() throws -> (system: HealthSystem, pack: SystemPack?) {
        if let icb {
            let (system, pack) = try icbSystem(icb)
            return (system, pack)
        }
        guard let pack = try chosenPack() else { throw ValidationError("no system was chosen") }
        guard case .published = pack.manifest.hierarchy else {
            if data != nil || placeOverrides != nil {
                throw ValidationError("--data and --place-overrides apply to packs built from published files only")
            }
            return (try pack.system(), pack)
        }
        var overrides: [String: String] = [:]
        if let placeOverrides {
            let url = URL(fileURLWithPath: placeOverrides)
            let bytes: Data
            do { bytes = try Data(contentsOf: url) } catch {
                throw IngestError.unreadable(
                    file: placeOverrides, reason: "cannot read the file (\(error.localizedDescription))")
            }
            overrides = try pack.placeRules.withOverrides(from: try CSVTable(parsing: bytes, file: placeOverrides))
                .overrides
        }
        return (try pack.system(data: data.map { URL(fileURLWithPath: $0) }, placeOverrides: overrides), pack)
    }

    /// Builds the chosen system.
    func system() throws -> HealthSystem { try load().system }

    /// ICB `query` from NHS England's file, with the place and PCN maps if given, and the pack that
    /// builds it again (`.england` hierarchy, the places as built, the PCN map's rows for the ICB's practices,
    /// no organisations or pools yet, and Concordat's standard indicator catalogue for its `indicators.json`).
    private func icbSystem(_ query: String) throws -> (system: HealthSystem, pack: SystemPack) {
        let file = try EnglandAllocationFile.bundled()
        let district = try file.table.column("LTLA")
        let districts = Set(file.records(ofICB: try file.icb(matching: query).code).map { $0[district] })
        let places = try placeMap.map {
            try DistrictPlaceMap(table: Self.table($0, option: "--place-map"), knownDistricts: districts)
        }
        let networks = try pcnMap.map { try PracticePCNMap(table: Self.table($0, option: "--pcn-map")) }
        let built = try PublishedICB(file: file, icb: query, places: places, networks: networks)
        let pack = SystemPack(
            manifest: PackManifest(name: built.system.name, hierarchy: .england(icb: built.system.code)),
            places: built.places.map { PlaceDefinition(code: $0.code, name: $0.name, districts: $0.districts) },
            pcnMap: networks.map {
                PackPCNMap($0, practices: Set(built.system.areas(atLevel: "practice").map(\.code)))
            },
            organisations: built.system.organisations,
            finance: PackFinance(
                partners: [], generalPractice: nil, poolOfPartner: [:], agreement: .tieredByBudget, careNetworks: nil),
            indicators: IndicatorCatalogue.standard)
        return (built.system, pack)
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
