import ConcordatCore

/// A pack's `pack.json`: the format version, the system's name, and how to build its hierarchy.
public struct PackManifest: Sendable, Hashable, Codable {
    /// The format this build of Concordat reads and writes.
    public static let currentFormat = 1

    /// The pack format version (``currentFormat``); a pack in any other is refused.
    public var format: Int
    /// The system's name as people know it ("Kent & Medway").
    public var name: String
    /// How the hierarchy is built.
    public var hierarchy: PackHierarchy

    /// The system code the pack is for: its ICB code, or the root area's code.
    public var systemCode: String {
        switch hierarchy {
        case .published(_, let icb), .england(let icb): icb
        case .areas(let code, _, _, _): code
        }
    }

    /// Makes a manifest in the current format.
    public init(name: String, hierarchy: PackHierarchy) {
        self.format = Self.currentFormat
        self.name = name
        self.hierarchy = hierarchy
    }
}

/// How a pack's hierarchy is made: from published NHS files, or given area by area.
public enum PackHierarchy: Sendable, Hashable, Codable {
    /// Built from the four published files (practice → PCN map, registered patients, weighted
    /// populations, payments): places from `places.csv` (district → place), optional per-practice
    /// overrides from `place-overrides.csv`.
    case published(data: PublishedData, icb: String)
    /// Built for one ICB from NHS England's weighted-population file for all of England, places by
    /// district from `places.csv` (``PackLoader`` refuses it until a builder is registered; see
    /// `docs/PACKS.md`).
    case england(icb: String)
    /// Given whole in `areas.csv`: the system's code and name, its levels, and notes to carry.
    case areas(code: String, name: String, levels: [HierarchyLevel], notes: [DataQualityNote])

    /// Where the published files are.
    public enum PublishedData: Sendable, Hashable, Codable {
        /// A folder shipped with Concordat (`bundled:kent-medway`).
        case bundled(String)
        /// A folder, relative to the pack or absolute.
        case folder(String)

        /// As written in `pack.json`.
        public var written: String {
            switch self {
            case .bundled(let name): "bundled:\(name)"
            case .folder(let path): path
            }
        }

        /// Read from `pack.json`.
        public init(written: String) {
            self = written.hasPrefix("bundled:") ? .bundled(String(written.dropFirst(8))) : .folder(written)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case kind, data, icb, code, name, levels, notes
    }

    /// Reads `{"kind": "published" | "england" | "areas", …}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "published":
            self = .published(
                data: PublishedData(written: try container.decode(String.self, forKey: .data)),
                icb: try container.decode(String.self, forKey: .icb))
        case "england":
            self = .england(icb: try container.decode(String.self, forKey: .icb))
        case "areas":
            self = .areas(
                code: try container.decode(String.self, forKey: .code),
                name: try container.decode(String.self, forKey: .name),
                levels: try container.decode([HierarchyLevel].self, forKey: .levels),
                notes: try container.decodeIfPresent([DataQualityNote].self, forKey: .notes) ?? [])
        default:
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath + [CodingKeys.kind],
                    debugDescription: "\"\(kind)\" is not a hierarchy kind; use published, england or areas"))
        }
    }

    /// Writes the form ``init(from:)`` reads.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .published(let data, let icb):
            try container.encode("published", forKey: .kind)
            try container.encode(data.written, forKey: .data)
            try container.encode(icb, forKey: .icb)
        case .england(let icb):
            try container.encode("england", forKey: .kind)
            try container.encode(icb, forKey: .icb)
        case .areas(let code, let name, let levels, let notes):
            try container.encode("areas", forKey: .kind)
            try container.encode(code, forKey: .code)
            try container.encode(name, forKey: .name)
            try container.encode(levels, forKey: .levels)
            if !notes.isEmpty { try container.encode(notes, forKey: .notes) }
        }
    }
}
