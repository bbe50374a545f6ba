/// Making Data Count's special-cause rules, applied to any chart's points and bands (see ``XmRChart`` for the
/// rules and their precedence): a point beyond a process limit; a trend of 7 rising or falling; two of three
/// beyond a near limit on one side; a shift of 7 on one side of the centre. Runs never cross a segment.
enum SpecialCauseRules {
    /// Each point's rule, the direction it points (+1 high, −1 low, 0 none) and its type.
    struct Classified {
        var rules: [XmRChart.Rule?]
        var directions: [Int]
        var types: [XmRChart.PointType]
    }

    static func classify(
        values: [Double], bands: [ControlBand], segments segmentOf: [Int], improvement: ImprovementDirection,
        twoInThreeCountsBeyondLimits: Bool
    ) -> Classified {
        // Side of the centre: +1 above, −1 below, 0 on it.
        let side = values.indices.map { index -> Int in
            values[index] > bands[index].centre ? 1 : values[index] < bands[index].centre ? -1 : 0
        }
        var rule = [XmRChart.Rule?](repeating: nil, count: values.count)
        var direction = [Int](repeating: 0, count: values.count)
        // Rules are applied lowest precedence first, so a higher rule overwrites a lower one.
        // Shift: 7 or more consecutive points on one side, within a segment.
        var runStart = 0
        for index in values.indices {
            let continues =
                index > runStart && side[index] != 0 && side[index] == side[index - 1]
                && segmentOf[index] == segmentOf[index - 1]
            if !continues { runStart = index }
            if side[index] != 0, index - runStart + 1 >= 7 {
                for member in runStart...index {
                    rule[member] = .shift
                    direction[member] = side[member]
                }
            }
        }
        // Two in three: a window of 3 with all on one side and 2 or more beyond the near limit on it.
        let beyondNear = values.indices.map { index -> Bool in
            let band = bands[index]
            if band.isBeyond(values[index]), !twoInThreeCountsBeyondLimits { return false }
            return values[index] > band.nearUpperLimit || values[index] < band.nearLowerLimit
        }
        if values.count >= 3 {
            for start in 0...(values.count - 3) {
                let window = start..<(start + 3)
                guard segmentOf[start] == segmentOf[start + 2], side[start] != 0,
                    window.allSatisfy({ side[$0] == side[start] }),
                    window.filter({ beyondNear[$0] }).count >= 2
                else { continue }
                for member in window where beyondNear[member] {
                    rule[member] = .twoInThree
                    direction[member] = side[member]
                }
            }
        }
        // Trend: 7 or more points each strictly above (below) the one before, within a segment.
        var trendStart = 0
        var trendDirection = 0
        for index in values.indices {
            guard index > 0, segmentOf[index] == segmentOf[index - 1] else {
                trendStart = index
                trendDirection = 0
                continue
            }
            let step = values[index] > values[index - 1] ? 1 : values[index] < values[index - 1] ? -1 : 0
            if step == 0 || step != trendDirection {
                trendStart = step == 0 ? index : index - 1
                trendDirection = step
            }
            if trendDirection != 0, index - trendStart + 1 >= 7 {
                for member in trendStart...index {
                    rule[member] = .trend
                    direction[member] = trendDirection
                }
            }
        }
        // Limit: beyond a process limit.
        for index in values.indices where bands[index].isBeyond(values[index]) {
            rule[index] = .limit
            direction[index] = values[index] > bands[index].upperLimit ? 1 : -1
        }
        let better = improvement == .increase ? 1 : improvement == .decrease ? -1 : 0
        let types = values.indices.map { index -> XmRChart.PointType in
            if rule[index] == nil { return .commonCause }
            if better == 0 { return .specialCauseNeutral }
            return direction[index] == better ? .specialCauseImprovement : .specialCauseConcern
        }
        return Classified(rules: rule, directions: direction, types: types)
    }

    /// The variation icon of a chart's latest point.
    static func variationIcon(type: XmRChart.PointType?, direction: Int?) -> XmRChart.VariationIcon {
        guard let type, let direction, type != .commonCause else { return .commonCause }
        let high = direction > 0
        switch type {
        case .specialCauseImprovement: return high ? .improvementHigh : .improvementLow
        case .specialCauseConcern: return high ? .concernHigh : .concernLow
        default: return high ? .neutralHigh : .neutralLow
        }
    }

    /// The assurance icon of a target against the latest band; `nil` without a target or a direction.
    static func assuranceIcon(target: Double?, improvement: ImprovementDirection, band: ControlBand?)
        -> XmRChart.AssuranceIcon?
    {
        guard let target, improvement != .neutral, let band else { return nil }
        let higherIsBetter = improvement == .increase
        if target < band.lowerLimit { return higherIsBetter ? .consistentPass : .consistentFail }
        if target > band.upperLimit { return higherIsBetter ? .consistentFail : .consistentPass }
        return .hitAndMiss
    }
}
