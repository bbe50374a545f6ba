import ConcordatCore

/// Moves budgets from where they are (a baseline) towards their capitation targets at a bearable pace,
/// as NHS England's allocations do: every unit gets at least a floor of growth; units below target get
/// extra growth, in proportion to how far below they are, up to their target; units more than a cap
/// above target get only the floor; whatever is left is shared by target among the rest. Parts always
/// add up to the control total, to the penny.
///
/// Distance from target = (baseline − target) / target.
public struct PaceOfChange: Sendable, Hashable {
    /// Minimum growth for every unit, as a fraction (0.01 = 1%).
    public var floor: Double
    /// Units more than this fraction above target get only the floor (0.05 = 5%).
    public var cap: Double

    /// Makes a policy.
    public init(floor: Double, cap: Double) {
        self.floor = floor
        self.cap = cap
    }

    /// One unit's baseline, target and result.
    public struct Result: Sendable, Hashable {
        /// The unit's code.
        public var code: String
        /// Last year's budget.
        public var baseline: Money
        /// The capitation target.
        public var target: Money
        /// (baseline − target) / target.
        public var distanceFromTarget: Double
        /// This year's budget.
        public var budget: Money
        /// budget / baseline − 1.
        public var growth: Double
    }

    /// Why pace of change cannot be applied.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// The control total cannot give every unit the floor.
        case floorUnaffordable(needed: Money, available: Money)
        /// A unit has no baseline.
        case missingBaseline(String)

        /// The reason in words.
        public var description: String {
            switch self {
            case .floorUnaffordable(let needed, let available):
                "the floor growth needs \(needed) but the control total is \(available)"
            case .missingBaseline(let code): "no baseline is given for \(code)"
            }
        }
    }

    /// Applies the policy to units with `targets` (which sum to `controlTotal`) and `baselines`.
    public func apply(controlTotal: Money, targets: [(code: String, target: Money)], baselines: [String: Money])
        throws(Problem)
        -> [Result]
    {
        var floors: [Int64] = []
        for unit in targets {
            guard let baseline = baselines[unit.code] else { throw .missingBaseline(unit.code) }
            floors.append(Int64((Double(baseline.pence) * (1 + floor)).rounded(.up)))
        }
        let needed = floors.reduce(0, +)
        guard needed <= controlTotal.pence else {
            throw .floorUnaffordable(needed: Money(pence: needed), available: controlTotal)
        }
        var budgets = floors
        var remaining = controlTotal.pence - needed
        // Extra growth towards target for those still below it.
        let gaps = zip(targets, floors).map { max(0, $0.0.target.pence - $0.1) }
        let totalGap = gaps.reduce(0, +)
        if totalGap > 0, remaining > 0 {
            let extra =
                totalGap >= remaining
                ? Money(pence: remaining).split(by: gaps.map(Double.init))!.map(\.pence) : gaps
            for index in budgets.indices { budgets[index] += extra[index] }
            remaining -= extra.reduce(0, +)
        }
        // Anything left goes, by target, to all but those held for being above the cap.
        if remaining > 0 {
            let eligible = targets.map { unit in
                let baseline = baselines[unit.code]!.pence
                return Double(baseline - unit.target.pence) / Double(max(unit.target.pence, 1)) > cap
                    ? 0 : Double(unit.target.pence)
            }
            let weights = eligible.reduce(0, +) > 0 ? eligible : targets.map { Double($0.target.pence) }
            if let shares = Money(pence: remaining).split(by: weights) {
                for index in budgets.indices { budgets[index] += shares[index].pence }
            }
        }
        return targets.indices.map { index in
            let baseline = baselines[targets[index].code]!
            let target = targets[index].target
            return Result(
                code: targets[index].code, baseline: baseline, target: target,
                distanceFromTarget: Double(baseline.pence - target.pence) / Double(max(target.pence, 1)),
                budget: Money(pence: budgets[index]),
                growth: baseline.pence > 0 ? Double(budgets[index]) / Double(baseline.pence) - 1 : 0)
        }
    }
}
