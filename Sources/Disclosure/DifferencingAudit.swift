/// What can be worked out about each cell of a release from the published numbers and the additive
/// relations between cells: every cell starts with the range its published form allows, and each
/// relation `total = Σ parts` narrows the total to the sum of the parts' ranges and each part to the
/// total's range less the others', repeated until nothing narrows (interval constraint propagation, a
/// sound outer bound of what linear programming would find).
public struct DifferencingAudit: Sendable {
    /// A cell that is the sum of other cells, by cell number.
    public struct Relation: Sendable, Hashable {
        /// The total's cell.
        public var total: Int
        /// The parts' cells.
        public var parts: [Int]

        /// Makes a relation.
        public init(total: Int, parts: [Int]) {
            self.total = total
            self.parts = parts
        }
    }

    /// The relations.
    public var relations: [Relation]

    /// An audit of `relations`.
    public init(relations: [Relation]) { self.relations = relations }

    /// Each cell's narrowest range, starting from `initial`; `nil` when the ranges contradict the
    /// relations (the reading they came from is wrong).
    public func bounds(from initial: [ClosedRange<Int>], maxPasses: Int = 100) -> [ClosedRange<Int>]? {
        var low = initial.map(\.lowerBound)
        var high = initial.map(\.upperBound)
        for _ in 0..<maxPasses {
            var changed = false
            for relation in relations {
                var sumLow = 0
                var sumHigh = 0
                for part in relation.parts {
                    sumLow += low[part]
                    sumHigh += high[part]
                }
                let total = relation.total
                if sumLow > low[total] {
                    low[total] = sumLow
                    changed = true
                }
                if sumHigh < high[total] {
                    high[total] = sumHigh
                    changed = true
                }
                guard low[total] <= high[total] else { return nil }
                for part in relation.parts {
                    let othersLow = sumLow - low[part]
                    let othersHigh = sumHigh - high[part]
                    if low[total] - othersHigh > low[part] {
                        low[part] = low[total] - othersHigh
                        changed = true
                    }
                    if high[total] - othersLow < high[part] {
                        high[part] = high[total] - othersLow
                        changed = true
                    }
                    guard low[part] <= high[part] else { return nil }
                }
            }
            if !changed { break }
        }
        return zip(low, high).map { $0...$1 }
    }
}
