import ConcordatCore
import Foundation

extension SystemPack {
    /// The pack as one JSON document, as a store keeps it with its system.
    /// - Throws: the encoder's error (none for a pack the loader accepted).
    public func document() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// Reads a pack back from ``document()``'s JSON, refusing any format but the current one.
    /// - Throws: ``PackError`` naming the JSON path and reason of what cannot be read.
    public init(format: Int, document: Data) throws(PackError) {
        guard format == PackManifest.currentFormat else {
            throw PackError(
                file: "stored pack", location: "$.format",
                reason: "format \(format) is not one this version of Concordat reads (\(PackManifest.currentFormat))")
        }
        do { self = try JSONDecoder().decode(SystemPack.self, from: document) } catch let error as DecodingError {
            let (path, reason) = JSONPath.describe(error)
            throw PackError(file: "stored pack", location: path, reason: reason)
        } catch {
            throw PackError(file: "stored pack", reason: "\(error)")
        }
    }
}
