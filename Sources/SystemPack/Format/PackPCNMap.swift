import ConcordatCore
import Foundation
import Ingest

/// A pack's `pcn-map.csv`: which primary care network each practice belongs to, in the format of NHS
/// Digital's practice mapping file (`PRACTICE_CODE,PCN_CODE,PCN_NAME`), for a hierarchy built for one ICB
/// from NHS England's file (`"kind": "england"`). With it the hierarchy has a PCN level
/// (system › place › PCN › practice), as `concordat init --icb CODE --pcn-map FILE` built it.
public struct PackPCNMap: Sendable, Hashable, Codable {
    /// One practice's row.
    public struct Row: Sendable, Hashable, Codable {
        /// The practice's code.
        public var practice: String
        /// Its PCN's code; empty for a practice the source places in no PCN.
        public var pcnCode: String
        /// Its PCN's name (`Unallocated` for a practice in none).
        public var pcnName: String

        /// Makes a row.
        public init(practice: String, pcnCode: String, pcnName: String) {
            self.practice = practice
            self.pcnCode = pcnCode
            self.pcnName = pcnName
        }
    }

    /// The rows, by practice code.
    public var rows: [Row]

    /// Makes a map of `rows`, kept by practice code.
    public init(rows: [Row]) { self.rows = rows.sorted { $0.practice < $1.practice } }

    /// The rows of `map` for the practices in `practices` (every practice when `nil`): what a pack keeps of a
    /// national mapping file.
    public init(_ map: PracticePCNMap, practices: Set<String>? = nil) {
        var rows = map.memberships.map { Row(practice: $0.key, pcnCode: $0.value.code, pcnName: $0.value.name) }
        rows += map.unallocated.map { Row(practice: $0, pcnCode: "", pcnName: "Unallocated") }
        self.init(rows: rows.filter { practices?.contains($0.practice) ?? true })
    }

    /// The CSV header.
    public static let header = ["PRACTICE_CODE", "PCN_CODE", "PCN_NAME"]

    /// The map as ``PublishedICB`` reads it, read back through ``PracticePCNMap/init(table:)`` as if from
    /// `pcn-map.csv`.
    /// - Throws: ``IngestError`` naming the line and field of a row the reader refuses.
    public func practicePCNMap() throws -> PracticePCNMap {
        let text =
            ([Self.header] + rows.map { [$0.practice, $0.pcnCode, $0.pcnName] })
            .map { $0.map(SystemPack.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
        return try PracticePCNMap(table: try CSVTable(parsing: Data(text.utf8), file: PackFile.pcnMap))
    }
}
