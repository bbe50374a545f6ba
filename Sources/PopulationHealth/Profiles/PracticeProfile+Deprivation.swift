extension PracticeProfile {
    /// The cells of ``imdDeciles`` and ``emergencyAdmissionsByDecile``: deciles 1…10, then unknown.
    public static let decileCells = 11

    /// Counts one person of national IMD `decile` (1 = most deprived) with `emergencyAdmissions` in the
    /// year; a decile outside 1–10 (unknown, or not a decile) is counted in the 11th cell, never dropped.
    public mutating func count(decile: Int, emergencyAdmissions: Int) {
        let cell = (1...10).contains(decile) ? decile - 1 : Self.decileCells - 1
        if imdDeciles == nil { imdDeciles = [Int](repeating: 0, count: Self.decileCells) }
        if emergencyAdmissionsByDecile == nil {
            emergencyAdmissionsByDecile = [Int](repeating: 0, count: Self.decileCells)
        }
        imdDeciles![cell] += 1
        emergencyAdmissionsByDecile![cell] += max(0, emergencyAdmissions)
    }

    /// Adds `other`'s deprivation cells to this profile's (a profile stored before they existed adds
    /// nothing).
    mutating func addDeprivation(of other: PracticeProfile) {
        func add(_ left: [Int]?, _ right: [Int]?) -> [Int]? {
            guard let right else { return left }
            var sum = left ?? [Int](repeating: 0, count: right.count)
            for index in sum.indices where index < right.count { sum[index] += right[index] }
            return sum
        }
        imdDeciles = add(imdDeciles, other.imdDeciles)
        emergencyAdmissionsByDecile = add(emergencyAdmissionsByDecile, other.emergencyAdmissionsByDecile)
    }
}
