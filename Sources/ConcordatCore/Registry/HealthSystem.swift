/// One integrated care system: its geography (a tree of ``Area``s over named ``HierarchyLevel``s),
/// the registered population of its leaf areas, the partnership's ``Organisation``s, and the notes on
/// how it was assembled from published sources.
///
/// A `HealthSystem` is a value: build it, query it, store it. Populations are held for the areas the
/// sources count (practices, for Kent & Medway) and summed up the tree on construction, so every
/// place and neighbourhood reconciles to its practices by construction.
public struct HealthSystem: Sendable, Hashable {
    /// The system's code: the ICB code for a system built from NHS files (`Q` and two more characters),
    /// else its root area's code.
    public let code: String
    /// The system's name.
    public let name: String
    /// The levels of the hierarchy from the top (the system) down.
    public let levels: [HierarchyLevel]
    /// Every area, the system first, in level order then by name.
    public let areas: [Area]
    /// The partnership's members.
    public var organisations: [Organisation]
    /// What the assembly of the system found worth telling.
    public let notes: [DataQualityNote]
    /// The published files it came from.
    public let sources: [ReferenceSource]
    /// The registered total the sources publish, to reconcile against (2,039,483 for Kent & Medway,
    /// July 2026); `nil` when the system carries no population.
    public let publishedRegisteredTotal: Int?

    private let index: [String: Int]
    private let childCodes: [String: [String]]
    private let ownPopulations: [String: PopulationProfile]
    private let rolledUp: [String: PopulationProfile]

    /// Builds a system and checks that its areas form one tree.
    ///
    /// - Parameters:
    ///   - populations: counts for the areas the sources count directly (usually the leaves).
    /// - Throws: ``HealthSystemError`` when codes repeat, a parent is unknown, a level is unknown, or
    ///   there is not exactly one root at the first level.
    public init(
        code: String, name: String, levels: [HierarchyLevel], areas: [Area],
        populations: [String: PopulationProfile] = [:], organisations: [Organisation] = [],
        notes: [DataQualityNote] = [], sources: [ReferenceSource] = [], publishedRegisteredTotal: Int? = nil
    ) throws {
        guard let top = levels.first else { throw HealthSystemError.noLevels }
        let depth = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1.key, $0) })
        var index: [String: Int] = [:]
        for (position, area) in areas.enumerated() {
            if index.updateValue(position, forKey: area.code) != nil {
                throw HealthSystemError.duplicateCode(area.code)
            }
            guard depth[area.level] != nil else {
                throw HealthSystemError.unknownLevel(area: area.code, level: area.level)
            }
        }
        let roots = areas.filter { $0.parentCode == nil }
        guard roots.count == 1, roots[0].level == top.key else {
            throw HealthSystemError.notOneRoot(found: roots.map(\.code))
        }
        var childCodes: [String: [String]] = [:]
        for area in areas {
            guard let parent = area.parentCode else { continue }
            guard let parentPosition = index[parent] else {
                throw HealthSystemError.unknownParent(area: area.code, parent: parent)
            }
            guard depth[areas[parentPosition].level]! < depth[area.level]! else {
                throw HealthSystemError.parentNotHigher(area: area.code, parent: parent)
            }
            childCodes[parent, default: []].append(area.code)
        }
        for code in populations.keys where index[code] == nil {
            throw HealthSystemError.populationForUnknownArea(code)
        }
        let byName = { (a: Area, b: Area) -> Bool in
            a.name == b.name ? a.code < b.code : NaturalOrder.precedes(a.name, b.name)
        }
        let order = areas.sorted {
            let (left, right) = (depth[$0.level]!, depth[$1.level]!)
            return left != right ? left < right : byName($0, $1)
        }
        self.code = code
        self.name = name
        self.levels = levels
        self.areas = order
        self.index = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1.code, $0) })
        self.childCodes = childCodes.mapValues { codes in
            codes.sorted { byName(areas[index[$0]!], areas[index[$1]!]) }
        }
        self.ownPopulations = populations
        self.organisations = organisations
        self.notes = notes
        self.sources = sources
        self.publishedRegisteredTotal = publishedRegisteredTotal

        // Sum populations bottom-up: deepest level first.
        var rolledUp = populations
        for area in order.reversed() {
            guard let parent = area.parentCode, let own = rolledUp[area.code] else { continue }
            rolledUp[parent, default: PopulationProfile()] += own
        }
        self.rolledUp = rolledUp
    }

    /// The system's own area (the root of the tree).
    public var root: Area { areas[0] }

    /// The area with `code`, if there is one.
    public func area(_ code: String) -> Area? { index[code].map { areas[$0] } }

    /// The level an area sits at.
    public func level(of area: Area) -> HierarchyLevel? { levels.first { $0.key == area.level } }

    /// The level with `key`.
    public func level(_ key: String) -> HierarchyLevel? { levels.first { $0.key == key } }

    /// The areas directly below `code`, by name.
    public func children(of code: String) -> [Area] {
        (childCodes[code] ?? []).compactMap(area)
    }

    /// How many areas of each level lie below `code` (children, their children, and so on), by level key.
    public func descendantCounts(of code: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var frontier = children(of: code)
        while !frontier.isEmpty {
            for child in frontier { counts[child.level, default: 0] += 1 }
            frontier = frontier.flatMap { children(of: $0.code) }
        }
        return counts
    }

    /// The chain from the system down to `code`, inclusive: the breadcrumb.
    public func lineage(of code: String) -> [Area] {
        var chain: [Area] = []
        var next = area(code)
        while let current = next {
            chain.append(current)
            next = current.parentCode.flatMap(area)
        }
        return chain.reversed()
    }

    /// The local authority district of every practice (leaf area) under `code`, or of `code` itself if it
    /// is a leaf; `nil` for a practice whose district is unknown. Empty if there is no such area.
    public func districts(under code: String) -> [String?] {
        guard let start = area(code) else { return [] }
        var result: [String?] = []
        var frontier = [start]
        while let next = frontier.popLast() {
            let below = children(of: next.code)
            if below.isEmpty { result.append(next.district) } else { frontier.append(contentsOf: below) }
        }
        return result
    }

    /// The place (the area directly under the system) of every leaf area (practice), by code.
    public var placeOfLeaf: [String: String] {
        var result: [String: String] = [:]
        for leaf in areas(atLevel: levels.last?.key ?? "practice") {
            if let place = lineage(of: leaf.code).dropFirst().first { result[leaf.code] = place.code }
        }
        return result
    }

    /// Every area at one level, by name.
    public func areas(atLevel key: String) -> [Area] { areas.filter { $0.level == key } }

    /// The registered population of an area: its own count plus everything below it.
    /// Empty when the system carries no population for it.
    public func population(of code: String) -> PopulationProfile { rolledUp[code] ?? PopulationProfile() }

    /// The populations as the sources gave them, before rolling up (for storage).
    public var sourcePopulations: [String: PopulationProfile] { ownPopulations }

    /// Whether an area's population is outside its level's design size (PCNs: 30,000–50,000).
    /// `nil` where the level sets no design size or the area has no population.
    public func isOutsideDesignSize(_ code: String) -> Bool? {
        guard let area = area(code), let range = level(of: area)?.designPopulation else { return nil }
        let total = population(of: code).total
        return total == 0 ? nil : !range.contains(total)
    }

    /// The same system with another set of organisations.
    public func with(organisations: [Organisation]) -> HealthSystem {
        var copy = self
        copy.organisations = organisations
        return copy
    }
}

/// Why a set of areas does not make a valid system.
public enum HealthSystemError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The system declares no hierarchy levels.
    case noLevels
    /// Two areas share a code.
    case duplicateCode(String)
    /// An area names a level the system does not declare.
    case unknownLevel(area: String, level: String)
    /// The tree has no root, or more than one.
    case notOneRoot(found: [String])
    /// An area's parent code matches no area.
    case unknownParent(area: String, parent: String)
    /// An area's parent is not at a higher level.
    case parentNotHigher(area: String, parent: String)
    /// A population is given for a code that is not an area.
    case populationForUnknownArea(String)

    /// A sentence saying what is wrong with the tree.
    public var description: String {
        switch self {
        case .noLevels: "the system declares no hierarchy levels"
        case .duplicateCode(let code): "two areas share the code \(code)"
        case .unknownLevel(let area, let level):
            "area \(area) is at level '\(level)', which the system does not declare"
        case .notOneRoot(let found): "the hierarchy must have exactly one top area at the first level; found \(found)"
        case .unknownParent(let area, let parent): "area \(area) names parent \(parent), which is not an area"
        case .parentNotHigher(let area, let parent): "area \(area) has parent \(parent) at the same or a lower level"
        case .populationForUnknownArea(let code): "a population is given for \(code), which is not an area"
        }
    }
}
