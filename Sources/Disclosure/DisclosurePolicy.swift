/// The statistical disclosure control rule every figure derived from person-level data passes before it
/// leaves the engine: OpenSAFELY's published rule ("Applying statistical disclosure control",
/// https://docs.opensafely.org/outputs/sdc/): any count of 7 or fewer is redacted, every other count is
/// rounded to the nearest 5, and rates, percentages and means are computed from the rounded counts and
/// withheld where the count they rest on is redacted.
///
/// Decisions the published rule leaves open, made here:
/// - **Zero** is shown as 0: rounding to 5 keeps 0 at 0, and a cell with no one in it discloses no one.
///   So a suppressed cell holds 1 to ``threshold`` people.
/// - **Midpoint**: the rounding is half up (12.5 is never a count; with an even base, 10 rounds 5 up to
///   10), so a published count `r` (above zero) means a true count in `r − base/2 … r + (base − 1)/2`,
///   i.e. `r − 2 … r + 2` for the base 5.
/// - **Money and means** over a count (cost per head, mean score) divide by the *rounded* count and are
///   withheld when that count is suppressed.
///
/// Rounding and suppression of single cells cannot by themselves stop differencing: when every rounding
/// error in a parent and its children points the same way, the parent minus its published children can
/// pin a suppressed cell to 7 (or 1). ``CountRelease`` therefore audits every published relation and
/// withholds more where that would happen (see `docs/METHODS.md`, "Disclosure control").
public struct DisclosurePolicy: Sendable, Hashable, Codable {
    /// Counts from 1 up to and including this are suppressed.
    public var threshold: Int
    /// Every other count is rounded to the nearest multiple of this.
    public var roundingBase: Int

    /// OpenSAFELY's rule: suppress 1–7, round the rest to the nearest 5.
    public static let openSAFELY = DisclosurePolicy(uncheckedThreshold: 7, roundingBase: 5)

    /// The rule used when none is configured: ``openSAFELY``.
    public static let standard = openSAFELY

    /// Why a policy is not usable.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// The threshold is negative.
        case negativeThreshold(Int)
        /// The rounding base is below 1.
        case roundingBaseBelowOne(Int)

        /// The reason in words.
        public var description: String {
            switch self {
            case .negativeThreshold(let value): "the suppression threshold \(value) is negative"
            case .roundingBaseBelowOne(let value): "the rounding base \(value) is below 1"
            }
        }
    }

    /// Makes a policy.
    /// - Throws: ``Problem`` when the threshold is negative or the base below 1.
    public init(threshold: Int, roundingBase: Int) throws(Problem) {
        guard threshold >= 0 else { throw .negativeThreshold(threshold) }
        guard roundingBase >= 1 else { throw .roundingBaseBelowOne(roundingBase) }
        self.init(uncheckedThreshold: threshold, roundingBase: roundingBase)
    }

    private init(uncheckedThreshold: Int, roundingBase: Int) {
        threshold = uncheckedThreshold
        self.roundingBase = roundingBase
    }

    /// Whether a true count must be suppressed.
    public func suppresses(_ count: Int) -> Bool { count > 0 && count <= threshold }

    /// A true count (never negative) rounded half up to the base.
    public func rounded(_ count: Int) -> Int {
        let base = roundingBase
        let (quotient, remainder) = count.quotientAndRemainder(dividingBy: base)
        return (remainder >= base - base / 2 ? quotient + 1 : quotient) * base
    }

    /// A single count as published: suppressed, or rounded.
    public func count(_ count: Int) -> DisclosedCount {
        suppresses(count) ? .suppressed : .shown(rounded(max(0, count)))
    }

    /// The true counts a published cell may stand for (what anyone reading it can know).
    public func possibleCounts(of published: DisclosedCount) -> ClosedRange<Int> {
        switch published {
        case .suppressed: return 1...max(1, threshold)
        case .withheld: return 0...Int(Int32.max)
        case .shown(0): return 0...0
        case .shown(let value):
            return max(threshold + 1, value - roundingBase / 2)...(value + (roundingBase - 1) - roundingBase / 2)
        }
    }

    /// A percentage from published counts: `nil` when either is not shown or the denominator is 0.
    public func percent(_ numerator: DisclosedCount, of denominator: DisclosedCount) -> Double? {
        ratio(numerator, denominator).map { $0 * 100 }
    }

    /// A proportion (0–1) from published counts: `nil` when either is not shown or the denominator is 0.
    public func ratio(_ numerator: DisclosedCount, _ denominator: DisclosedCount) -> Double? {
        guard let top = numerator.value, let bottom = denominator.value, bottom > 0 else { return nil }
        return Double(top) / Double(bottom)
    }

    /// A mean of a total over people (a mean score) from the published count of people: `nil` when the
    /// count is not shown or is 0.
    ///
    /// The mean is rounded to one decimal place: unrounded, mean × published count would give back the exact
    /// total of the people's values, which differencing across areas could narrow to a small group.
    public func mean(_ total: Double, over people: DisclosedCount) -> Double? {
        guard let count = people.value, count > 0 else { return nil }
        return ((total / Double(count)) * 10).rounded() / 10
    }

    /// Money per head (pence, rounded down) from the published count of people: `nil` when the count is
    /// not shown or is 0.
    public func perHead(_ pence: Int64, over people: DisclosedCount) -> Int64? {
        guard let count = people.value, count > 0 else { return nil }
        return pence / Int64(count)
    }
}
