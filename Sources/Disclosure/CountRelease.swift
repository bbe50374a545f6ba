/// Counts to be published together, with the additive relations between them that anyone could use
/// (a parent area's count is the sum of its children's; an area's people are the sum of its segments),
/// and the gate that decides how each is shown.
///
/// ``protected()`` applies the ``DisclosurePolicy`` to every cell, then audits the whole release as an
/// attacker would (``DifferencingAudit``): from the published numbers and the relations it bounds every
/// hidden cell; where a hidden cell is pinned to one value, it withholds the largest shown cell of a
/// relation that pins it (the total only when no part is shown) and audits again, until nothing is pinned.
/// A zero related to a suppressed cell is suppressed too (``suppressingZeros(_:counts:relations:)``), so a
/// suppressed cell may be 0 and sums of suppressed cells cannot be pinned by counting them. The same cell
/// (the same key) is shown the same way everywhere, so one count reached through two pages or endpoints
/// agrees.
public struct CountRelease: Sendable {
    /// The rule applied.
    public var policy: DisclosurePolicy
    private var index: [String: Int] = [:]
    private var counts: [Int] = []
    private var relations: [DifferencingAudit.Relation] = []

    /// An empty release under `policy`.
    public init(policy: DisclosurePolicy = .standard) { self.policy = policy }

    /// Adds a cell with its true count (a cell added twice keeps the first count).
    public mutating func add(_ key: String, count: Int) {
        guard index[key] == nil else { return }
        index[key] = counts.count
        counts.append(max(0, count))
    }

    /// Records that the cell `total` is the sum of the cells `parts` (all already added); parts not
    /// added are ignored.
    public mutating func relate(total: String, parts: [String]) {
        guard let whole = index[total] else { return }
        let members = parts.compactMap { index[$0] }
        guard !members.isEmpty else { return }
        relations.append(DifferencingAudit.Relation(total: whole, parts: members))
    }

    /// How every cell is published.
    public func protected() -> ProtectedCounts {
        var shown = Self.suppressingZeros(counts.map(policy.count), counts: counts, relations: relations)
        let mayBeZero = Self.mayBeZero(shown, relations: relations)
        // Each pass withholds at least one more cell, so this ends (at worst with every cell hidden).
        while true {
            let pinned = Self.pinnedCells(shown, mayBeZero: mayBeZero, relations: relations, policy: policy)
            guard !pinned.isEmpty else { break }
            var withheld = false
            for cell in pinned {
                // The smallest shown part of a relation that holds the pinned cell (the total only when no
                // part is shown): it loosens the relation while hiding as little as possible.
                for relation in relations where relation.total == cell || relation.parts.contains(cell) {
                    let parts = relation.parts.filter { (shown[$0].value ?? 0) > 0 }
                    let candidates = parts.isEmpty ? [relation.total].filter { (shown[$0].value ?? 0) > 0 } : parts
                    if let smallest = candidates.min(by: { counts[$0] < counts[$1] }) {
                        shown[smallest] = .withheld
                        withheld = true
                        break
                    }
                }
            }
            if !withheld { break }
        }
        var published: [String: DisclosedCount] = [:]
        for (key, cell) in index { published[key] = shown[cell] }
        return ProtectedCounts(policy: policy, cells: published)
    }

    /// The published cells with every zero that is related, directly or through other zeros, to a
    /// suppressed cell shown as suppressed too. Were zeros always shown, a suppressed cell would be known
    /// to be at least 1, and a suppressed total whose suppressed parts number as many as the threshold
    /// would be pinned at it (seven practices with one person each under a total of seven): the cascade of
    /// complementary suppressions that followed reached the system's own population on small datasets.
    /// With zeros suppressed beside small counts, a sum of suppressed cells has no lower bound to pin it.
    static func suppressingZeros(
        _ published: [DisclosedCount], counts: [Int], relations: [DifferencingAudit.Relation]
    ) -> [DisclosedCount] {
        var shown = published
        var changed = true
        while changed {
            changed = false
            for relation in relations {
                let members = [relation.total] + relation.parts
                guard members.contains(where: { shown[$0] == .suppressed }) else { continue }
                for member in members where counts[member] == 0 && shown[member] != .suppressed {
                    shown[member] = .suppressed
                    changed = true
                }
            }
        }
        return shown
    }

    /// Whether each suppressed cell could be 0 to a reader who knows the rule: it could when it shares a
    /// relation with another suppressed cell (only then is a zero suppressed); otherwise it is 1 to the
    /// threshold.
    static func mayBeZero(_ shown: [DisclosedCount], relations: [DifferencingAudit.Relation]) -> [Bool] {
        var result = [Bool](repeating: false, count: shown.count)
        for relation in relations {
            let hidden = ([relation.total] + relation.parts).filter { shown[$0] == .suppressed }
            guard hidden.count > 1 else { continue }
            for cell in hidden { result[cell] = true }
        }
        return result
    }

    /// Hidden cells an attacker could pin, under two readings: one who knows which hidden cells are
    /// small (the strongest), and one who takes every hidden cell for a small one (what a reader who
    /// cannot tell them apart would try).
    private static func pinnedCells(
        _ shown: [DisclosedCount], mayBeZero: [Bool], relations: [DifferencingAudit.Relation],
        policy: DisclosurePolicy
    ) -> [Int] {
        func possible(_ cell: Int) -> ClosedRange<Int> {
            shown[cell] == .suppressed && mayBeZero[cell]
                ? 0...max(1, policy.threshold) : policy.possibleCounts(of: shown[cell])
        }
        let knowing = shown.indices.map { cell -> ClosedRange<Int> in
            shown[cell] == .withheld ? (policy.threshold + 1)...Int(Int32.max) : possible(cell)
        }
        let naive = shown.indices.map { cell -> ClosedRange<Int> in
            shown[cell] == .withheld ? policy.possibleCounts(of: .suppressed) : possible(cell)
        }
        var pinned: Set<Int> = []
        for bounds in [knowing, naive] {
            guard let found = DifferencingAudit(relations: relations).bounds(from: bounds) else { continue }
            for (cell, range) in found.enumerated() where shown[cell].value == nil && range.count == 1 {
                pinned.insert(cell)
            }
        }
        return pinned.sorted()
    }
}

/// The published form of a ``CountRelease``: each cell's ``DisclosedCount``, and the derived figures
/// computed from them.
public struct ProtectedCounts: Sendable {
    /// The rule applied.
    public var policy: DisclosurePolicy
    /// Every cell as published.
    public var cells: [String: DisclosedCount]

    /// A cell as published; a cell never added is withheld.
    public subscript(_ key: String) -> DisclosedCount { cells[key] ?? .withheld }

    /// An empty set (nothing loaded).
    public static func empty(_ policy: DisclosurePolicy = .standard) -> ProtectedCounts {
        ProtectedCounts(policy: policy, cells: [:])
    }
}
