import ArgumentParser
import ConcordatCore
import Foundation
import Ingest
import SystemPack

/// Which system to load: a pack folder, or a pack shipped with Concordat (Kent & Medway by default);
/// for a pack built from published files, optionally another copy of the files and place overrides.
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
    var example: Example = .kentMedway

    @Option(
        help: ArgumentHelp(
            "A system pack folder (see docs/PACKS.md) to load instead of a bundled one.", valueName: "folder"))
    var pack: String?

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
        if pack == nil, example != .kentMedway, data != nil || placeOverrides != nil {
            throw ValidationError("--data and --place-overrides apply to packs built from published files only")
        }
        if pack != nil, example != .kentMedway {
            throw ValidationError("give --pack or --example, not both")
        }
    }

    /// The chosen pack.
    func chosenPack() throws -> SystemPack {
        if let pack { return try PackLoader.load(directory: URL(fileURLWithPath: pack)) }
        return try PackLoader.bundled(example.rawValue)
    }

    /// Builds the chosen system, with the pack it came from.
    func load() throws -> (system: HealthSystem, pack: SystemPack) {
        let pack = try chosenPack()
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
}
