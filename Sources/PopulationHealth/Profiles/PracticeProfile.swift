import ConcordatCore

/// The needs of one practice's population in aggregate: additive counts and sums only (no person), so
/// a PCN's, a place's or the system's profile is the sum of its practices'.
public struct PracticeProfile: Sendable, Codable, Hashable {
    /// People.
    public var people = 0
    /// People in Core20: national IMD quintile 1 (deciles 1–2); NHS England's Core20PLUS5 definition.
    public var core20 = 0
    /// People aged 75 and over.
    public var aged75Plus = 0
    /// People by Bridges to Health segment (``BridgesToHealthSegment`` raw value order).
    public var segments = [Int](repeating: 0, count: BridgesToHealthSegment.allCases.count)
    /// Sum of Charlson scores (Quan 2011 weights), for the mean.
    public var charlsonTotal = 0
    /// People by Charlson score: 0, 1, 2, 3, 4 and 5 or more (optional so that profiles stored before it
    /// was added still read).
    public var charlsonDistribution: [Int]? = [Int](repeating: 0, count: 6)
    /// People with each Charlson category (R `comorbidity` order).
    public var charlsonCategories = [Int](repeating: 0, count: 17)
    /// People with each Elixhauser category (R `comorbidity` order).
    public var elixhauserCategories = [Int](repeating: 0, count: 31)
    /// People by Hospital Frailty Risk band: low, intermediate, high.
    public var frailtyBands = [0, 0, 0]
    /// People by electronic Frailty Index category (fit, mild, moderate, severe), when eFI deficit code
    /// lists are configured; `nil` otherwise.
    public var efiCategories: [Int]?
    /// Cost in pence by care setting (``CareSetting`` raw value order).
    public var costBySetting = [Int64](repeating: 0, count: CareSetting.allCases.count)
    /// Cost in pence by segment.
    public var costBySegment = [Int64](repeating: 0, count: BridgesToHealthSegment.allCases.count)
    /// People with at least one emergency admission in the year.
    public var peopleWithEmergencyAdmission = 0
    /// Emergency admissions of people aged 75 and over.
    public var emergencyAdmissions75Plus = 0
    /// People who died in the analysis period: not in ``people`` (the population at the period's end),
    /// but their activity and cost are in the activity and cost figures ("of whom died in the period").
    /// `nil` in profiles made without a period.
    public var diedInPeriod: Int?
    /// The cost in pence of the people who died in the period (part of ``costBySetting``).
    public var costOfDiedInPeriod: Int64?
    /// People by national IMD decile 1…10, then (the 11th cell) people whose decile is unknown or outside
    /// 1–10 (optional so that profiles stored before it was added still read): ``PracticeProfile/count(decile:emergencyAdmissions:)``.
    public var imdDeciles: [Int]? = [Int](repeating: 0, count: Self.decileCells)
    /// Emergency admissions (each admission, not each person) by the same 11 cells.
    public var emergencyAdmissionsByDecile: [Int]? = [Int](repeating: 0, count: Self.decileCells)

    /// An empty profile.
    public init() {}

    /// Adds another profile, field by field.
    public static func += (lhs: inout PracticeProfile, rhs: PracticeProfile) {
        lhs.people += rhs.people
        lhs.core20 += rhs.core20
        lhs.aged75Plus += rhs.aged75Plus
        for index in lhs.segments.indices { lhs.segments[index] += rhs.segments[index] }
        lhs.charlsonTotal += rhs.charlsonTotal
        if let right = rhs.charlsonDistribution {
            var left = lhs.charlsonDistribution ?? [Int](repeating: 0, count: right.count)
            for index in left.indices where index < right.count { left[index] += right[index] }
            lhs.charlsonDistribution = left
        }
        for index in lhs.charlsonCategories.indices { lhs.charlsonCategories[index] += rhs.charlsonCategories[index] }
        for index in lhs.elixhauserCategories.indices {
            lhs.elixhauserCategories[index] += rhs.elixhauserCategories[index]
        }
        for index in lhs.frailtyBands.indices { lhs.frailtyBands[index] += rhs.frailtyBands[index] }
        if let right = rhs.efiCategories {
            var left = lhs.efiCategories ?? [Int](repeating: 0, count: right.count)
            for index in left.indices where index < right.count { left[index] += right[index] }
            lhs.efiCategories = left
        }
        for index in lhs.costBySetting.indices { lhs.costBySetting[index] += rhs.costBySetting[index] }
        for index in lhs.costBySegment.indices { lhs.costBySegment[index] += rhs.costBySegment[index] }
        lhs.peopleWithEmergencyAdmission += rhs.peopleWithEmergencyAdmission
        lhs.emergencyAdmissions75Plus += rhs.emergencyAdmissions75Plus
        if let died = rhs.diedInPeriod { lhs.diedInPeriod = (lhs.diedInPeriod ?? 0) + died }
        if let cost = rhs.costOfDiedInPeriod { lhs.costOfDiedInPeriod = (lhs.costOfDiedInPeriod ?? 0) + cost }
        lhs.addDeprivation(of: rhs)
    }

    /// Total cost in pence.
    public var totalCost: Int64 { costBySetting.reduce(0, +) }
}
