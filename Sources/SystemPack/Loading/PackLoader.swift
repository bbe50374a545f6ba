import Assurance
import ConcordatCore
import Finance
import Foundation
import Governance
import Ingest

/// Reads a pack folder and checks every file against every other, all or nothing: the first problem
/// is refused with its file, its line or JSON path, and the reason (``PackError``).
public enum PackLoader {
    /// The packs shipped with Concordat, by folder name.
    public static let bundledNames = ["kent-medway", "llr"]

    /// The folder of a pack shipped with Concordat.
    public static func bundledDirectory(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("packs").appendingPathComponent(name)
    }

    /// A pack shipped with Concordat.
    /// - Throws: ``PackError`` when there is no such pack (or, a bug, it does not load).
    public static func bundled(_ name: String) throws(PackError) -> SystemPack {
        guard bundledNames.contains(name) else {
            throw PackError(
                file: name,
                reason: "there is no bundled pack '\(name)'; use one of \(bundledNames.joined(separator: ", "))")
        }
        return try load(directory: bundledDirectory(name))
    }

    /// The bundled pack for a system code, if one is shipped (for a store loaded before packs were kept).
    public static func bundled(forSystem code: String) -> SystemPack? {
        bundledNames.lazy.compactMap { try? bundled($0) }.first { $0.systemCode == code }
    }

    /// Reads and checks the pack in `directory`.
    /// - Throws: ``PackError`` naming the file, line or JSON path, and reason of the first problem.
    public static func load(directory: URL) throws(PackError) -> SystemPack {
        var reader = PackReader(directory: directory)
        return try reader.read()
    }
}
