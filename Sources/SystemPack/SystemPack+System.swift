import ConcordatCore
import Foundation
import Ingest

extension SystemPack {
    /// Builds the system the pack describes, with its organisations.
    ///
    /// - Parameters:
    ///   - data: a folder of published files to use instead of the pack's (published hierarchies only).
    ///   - placeOverrides: practice → place overrides added to the pack's.
    /// - Throws: ``PackError`` when the published files are missing or are for another ICB, or
    ///   ``IngestError`` naming the file, line and field of a published value that cannot be read.
    public func system(data: URL? = nil, placeOverrides extra: [String: String] = [:]) throws -> HealthSystem {
        switch manifest.hierarchy {
        case .published(let source, let icb):
            let folder: URL
            if let data {
                folder = data
            } else {
                switch source {
                case .bundled(let name):
                    guard let bundled = PublishedReferenceData.bundledDirectory(name) else {
                        throw PackError(
                            file: PackFile.manifest, location: "$.hierarchy.data",
                            reason: "no published data named '\(name)' is shipped with Concordat")
                    }
                    folder = bundled
                case .folder(let path): folder = URL(fileURLWithPath: path)
                }
            }
            var rules = placeRules
            rules.overrides.merge(extra) { _, new in new }
            let system = try PublishedSystemAssembly.assemble(
                from: try PublishedReferenceData(directory: folder), rules: rules, organisations: organisations)
            guard system.code == icb else {
                throw PackError(
                    file: PackFile.manifest, location: "$.hierarchy.icb",
                    reason: "the pack is for \(icb) but the published files in \(folder.path) are for \(system.code)")
            }
            return system
        case .england(let icb):
            let file = try EnglandAllocationFile.bundled()
            guard file.icbs.contains(where: { $0.code == icb }) else {
                throw PackError(
                    file: PackFile.manifest, location: "$.hierarchy.icb",
                    reason: "'\(icb)' is not the code of one of the ICBs in \(EnglandAllocationFile.fileName)")
            }
            let places = DistrictPlaceMap(
                places: places.map { DistrictPlaceMap.Place(code: $0.code, name: $0.name, districts: $0.districts) })
            return try PublishedICB(
                file: file, icb: icb, places: places, networks: try pcnMap?.practicePCNMap(),
                organisations: organisations
            ).system
        case .areas(let code, let name, let levels, let notes):
            return try HealthSystem(
                code: code, name: name, levels: levels, areas: areas, organisations: organisations, notes: notes)
        }
    }
}

extension SystemPack {
    /// The folder of published files a published hierarchy is built from, or `nil` (a given hierarchy,
    /// or bundled data that is not shipped).
    public var publishedDataDirectory: URL? {
        guard case .published(let data, _) = manifest.hierarchy else { return nil }
        switch data {
        case .bundled(let name): return PublishedReferenceData.bundledDirectory(name)
        case .folder(let path): return URL(fileURLWithPath: path)
        }
    }
}
