import ConcordatCore

/// The US Medicare Shared Savings Program's year-end reconciliation of an accountable care organisation
/// (ACO) against its benchmark, as a preset so Concordat's risk-share arithmetic can be checked against
/// published ACO results.
///
/// Source: 42 CFR §425.604(b) (minimum savings rate by assigned population), §425.605 (BASIC track,
/// levels A–E) and §425.610 (ENHANCED track), as in CMS's *Shared Savings and Losses and Assignment
/// Methodology Specifications* (version 9, 2021):
/// - Savings (losses) = updated benchmark − performance-year expenditure, on the whole amount ("first
///   dollar") once the savings (loss) rate reaches the minimum savings (loss) rate.
/// - One-sided levels (BASIC A and B) use the MSR by assigned population, falling linearly within each
///   band from its low-end to its high-end rate (5,000: 3.9% … 60,000+: 2.0%). Two-sided levels use the
///   symmetric MSR/MLR the ACO chose (0%, 0.5%, 1%, 1.5% or 2%), or the population-based MSR.
/// - Final sharing rate = the maximum rate (BASIC A–B 40%, C–E 50%, ENHANCED 75%) × the quality factor.
/// - Shared savings are capped at 10% (BASIC) or 20% (ENHANCED) of the updated benchmark.
/// - Shared losses: BASIC 30% of losses, capped at a share of ACO participants' Medicare revenue, itself
///   capped at a share of the benchmark (C: 2% / 1%, D: 4% / 2%, E: 8% / 4%); ENHANCED 1 − final sharing
///   rate (between 40% and 75%) of losses, capped at 15% of the benchmark.
/// - ACOs with fewer than 5,000 assigned beneficiaries (possible after the first agreement year, §425.110)
///   keep a variable MSR — and two-sided ACOs a variable MSR/MLR of the same size, whatever they elected —
///   continuing the table downwards, linear within bands: 500–999: 12.2% → 8.7%; 1,000–2,999: 8.7% → 5.0%;
///   3,000–4,999: 5.0% → 3.9% (§425.604(b), §425.605(b), §425.610(b)).
/// - From PY2024, an eligible low-revenue BASIC ACO whose savings are above zero but below its MSR shares
///   at half its final sharing rate (§425.605(d), as amended by the CY 2024 Physician Fee Schedule final
///   rule, 88 FR 78818); eligibility is CMS's determination, given as input.
/// - Shared savings are not shared when a benchmark guardrail applies (input, as CMS determines it).
/// - Shared-savings payments are reduced by 2% for sequestration (Budget Control Act 2011, as CMS applies
///   it to every shared-savings payment after the performance payment limit); shared losses are not.
/// - Shared losses are reduced by the extreme and uncontrollable circumstances adjustment (§425.605(f),
///   §425.610(i)), applied after the loss cap: input as the amount of the reduction.
public struct SharedSavingsProgram: Sendable, Hashable, Codable {
    /// The track and level.
    public enum Track: String, Sendable, Hashable, Codable, CaseIterable {
        /// BASIC level A (one-sided).
        case basicA = "basic-a"
        /// BASIC level B (one-sided).
        case basicB = "basic-b"
        /// BASIC level C (two-sided).
        case basicC = "basic-c"
        /// BASIC level D (two-sided).
        case basicD = "basic-d"
        /// BASIC level E (two-sided).
        case basicE = "basic-e"
        /// ENHANCED (two-sided).
        case enhanced

        /// Whether the ACO shares losses.
        public var isTwoSided: Bool { self != .basicA && self != .basicB }
        /// Whether it is a level of the BASIC track.
        public var isBasic: Bool { self != .enhanced }
        /// The maximum sharing rate for savings.
        public var maximumSharingRate: Double {
            switch self {
            case .basicA, .basicB: 0.40
            case .basicC, .basicD, .basicE: 0.50
            case .enhanced: 0.75
            }
        }
        /// The performance payment limit, as a share of the updated benchmark.
        public var savingsCap: Double { self == .enhanced ? 0.20 : 0.10 }
    }

    /// The minimum savings rate by assigned population for one-sided models: the band's lowest
    /// population, its rate at the low end and its rate at the high end (42 CFR §425.604(b)).
    public static let minimumSavingsRateBands: [(from: Int, to: Int, low: Double, high: Double)] = [
        (500, 999, 0.122, 0.087), (1_000, 2_999, 0.087, 0.050), (3_000, 4_999, 0.050, 0.039),
        (5_000, 5_999, 0.039, 0.036), (6_000, 6_999, 0.036, 0.034), (7_000, 7_999, 0.034, 0.032),
        (8_000, 8_999, 0.032, 0.031), (9_000, 9_999, 0.031, 0.030), (10_000, 14_999, 0.030, 0.027),
        (15_000, 19_999, 0.027, 0.025), (20_000, 49_999, 0.025, 0.022), (50_000, 59_999, 0.022, 0.020),
    ]

    /// The minimum savings rate for `assigned` beneficiaries; `nil` below 500 (no rate is set there).
    public static func minimumSavingsRate(assigned: Int) -> Double? {
        guard assigned >= 500 else { return nil }
        guard let band = minimumSavingsRateBands.first(where: { ($0.from...$0.to).contains(assigned) }) else {
            return 0.020
        }
        let position = Double(assigned - band.from) / Double(band.to - band.from)
        return band.low + (band.high - band.low) * position
    }

    /// The track and level.
    public var track: Track
    /// The ACO's assigned beneficiaries.
    public var assignedBeneficiaries: Int
    /// For two-sided levels, the symmetric MSR/MLR chosen (0, 0.005, 0.01, 0.015, 0.02); `nil` for the
    /// population-based rate.
    public var chosenMinimumRate: Double?
    /// The quality factor applied to the sharing rate: 1 if the quality performance standard is met,
    /// 0 if not (or a scaled value where the rules allow).
    public var qualityFactor: Double
    /// ACO participants' total Medicare Parts A and B revenue, for BASIC loss limits (pence).
    public var participantRevenuePence: Int64?
    /// Whether CMS has determined the ACO an eligible low-revenue BASIC ACO that shares savings below its
    /// MSR at half its final sharing rate (PY2024 on).
    public var reducedRate: Bool
    /// The extreme and uncontrollable circumstances reduction of shared losses, in cents (0 for none).
    public var disasterAdjustment: Int64
    /// Whether a benchmark guardrail applies, under which savings are not shared.
    public var guardrail: Bool

    /// The share of every shared-savings payment withheld for sequestration.
    public static let sequestration = 0.02

    /// Makes a reconciliation's terms.
    public init(
        track: Track, assignedBeneficiaries: Int, chosenMinimumRate: Double? = nil, qualityFactor: Double = 1,
        participantRevenue: Money? = nil, reducedRate: Bool = false, disasterAdjustment: Int64 = 0,
        guardrail: Bool = false
    ) {
        self.reducedRate = reducedRate
        self.disasterAdjustment = disasterAdjustment
        self.guardrail = guardrail
        self.track = track
        self.assignedBeneficiaries = assignedBeneficiaries
        self.chosenMinimumRate = chosenMinimumRate
        self.qualityFactor = qualityFactor
        self.participantRevenuePence = participantRevenue?.pence
    }

    /// Why a reconciliation cannot be made.
    public struct Invalid: Error, Hashable, Sendable, CustomStringConvertible {
        /// The reason in words.
        public var description: String
    }

    /// The year's reconciliation.
    public struct Result: Sendable, Hashable, Codable {
        /// Benchmark − expenditure (positive: savings), in cents or pence.
        public var grossSavings: Int64
        /// (benchmark − expenditure) ÷ benchmark.
        public var savingsRate: Double
        /// The minimum savings (loss) rate applied.
        public var minimumRate: Double
        /// The sharing rate after quality (savings) or the loss sharing rate (losses).
        public var sharingRate: Double
        /// Whether the MSR (MLR) was reached.
        public var metMinimumRate: Bool
        /// The cap applied, in cents or pence.
        public var limit: Int64
        /// Earned shared savings (positive) or owed shared losses (negative), after caps.
        public var sharedAmount: Int64
        /// Whether the cap limited it.
        public var capped: Bool
        /// What changes hands, in cents: positive = the shared-savings payment after sequestration; negative =
        /// the shared losses owed after the loss cap and the disaster adjustment.
        public var earnedAmount: Int64
        /// The amount withheld from a shared-savings payment for sequestration.
        public var sequestration: Int64
        /// Whether savings below the MSR were shared at half the rate (an eligible low-revenue ACO).
        public var reducedRateApplied: Bool
        /// Whether a benchmark guardrail stopped savings being shared.
        public var guardrailApplied: Bool
        /// The disaster adjustment taken off the shared losses.
        public var disasterAdjustment: Int64
    }

    /// Reconciles the ACO's `expenditure` against its updated `benchmark` (both totals in the same minor
    /// unit, cents or pence).
    public func reconcile(benchmark: Int64, expenditure: Int64) throws(Invalid) -> Result {
        guard benchmark > 0, expenditure >= 0 else {
            throw Invalid(description: "the benchmark must be positive and the expenditure non-negative")
        }
        guard (0...1).contains(qualityFactor) else {
            throw Invalid(description: "the quality factor must be between 0 and 1")
        }
        guard disasterAdjustment >= 0 else {
            throw Invalid(description: "the disaster adjustment is a reduction of losses: 0 or more")
        }
        guard !reducedRate || track.isBasic else {
            throw Invalid(description: "the reduced sharing rate is for low-revenue BASIC ACOs only")
        }
        let rate: Double
        // Below 5,000 assigned beneficiaries the variable rate applies whatever a two-sided ACO elected.
        if track.isTwoSided, let chosen = chosenMinimumRate, assignedBeneficiaries >= 5_000 {
            guard [0, 0.005, 0.01, 0.015, 0.02].contains(where: { abs($0 - chosen) < 1e-12 }) else {
                throw Invalid(description: "a chosen MSR/MLR must be 0%, 0.5%, 1%, 1.5% or 2%")
            }
            rate = chosen
        } else {
            guard let byPopulation = Self.minimumSavingsRate(assigned: assignedBeneficiaries) else {
                throw Invalid(description: "no minimum savings rate is set below 500 assigned beneficiaries")
            }
            rate = byPopulation
        }
        let gross = benchmark - expenditure
        let savingsRate = Double(gross) / Double(benchmark)
        let rounded = (savingsRate * 1e10).rounded() / 1e10  // compare rates free of floating-point dust
        if gross >= 0 {
            let met = gross > 0 && rounded >= rate
            let reduced = !met && gross > 0 && reducedRate
            let sharing = track.maximumSharingRate * qualityFactor * (reduced ? 0.5 : 1)
            let limit = Int64((Double(benchmark) * track.savingsCap).rounded(.down))
            let earned = guardrail ? 0 : met || reduced ? Int64((Double(gross) * sharing).rounded()) : 0
            let shared = min(earned, limit)
            let withheld = Int64((Double(shared) * Self.sequestration).rounded())
            return Result(
                grossSavings: gross, savingsRate: savingsRate, minimumRate: rate, sharingRate: sharing,
                metMinimumRate: met,
                limit: limit, sharedAmount: shared, capped: earned > limit, earnedAmount: shared - withheld,
                sequestration: withheld, reducedRateApplied: reduced && !guardrail,
                guardrailApplied: guardrail && earned == 0 && (met || reduced),
                disasterAdjustment: 0)
        }
        guard track.isTwoSided else {
            return Result(
                grossSavings: gross, savingsRate: savingsRate, minimumRate: rate, sharingRate: 0, metMinimumRate: false,
                limit: 0, sharedAmount: 0, capped: false, earnedAmount: 0, sequestration: 0, reducedRateApplied: false,
                guardrailApplied: false, disasterAdjustment: 0)
        }
        let lossRate = -rounded
        let met = lossRate >= rate
        let lossSharing: Double
        let limit: Int64
        switch track {
        case .enhanced:
            lossSharing = min(0.75, max(0.40, 1 - track.maximumSharingRate * qualityFactor))
            limit = Int64((Double(benchmark) * 0.15).rounded(.down))
        default:
            lossSharing = 0.30
            let (revenueShare, benchmarkShare) =
                track == .basicC ? (0.02, 0.01) : track == .basicD ? (0.04, 0.02) : (0.08, 0.04)
            let benchmarkLimit = Int64((Double(benchmark) * benchmarkShare).rounded(.down))
            if let revenue = participantRevenuePence {
                limit = min(Int64((Double(revenue) * revenueShare).rounded(.down)), benchmarkLimit)
            } else {
                limit = benchmarkLimit
            }
        }
        let owed = met ? Int64((Double(-gross) * lossSharing).rounded()) : 0
        let capped = min(owed, limit)
        let adjustment = min(disasterAdjustment, capped)
        return Result(
            grossSavings: gross, savingsRate: savingsRate, minimumRate: rate, sharingRate: lossSharing,
            metMinimumRate: met,
            limit: limit, sharedAmount: -capped, capped: owed > limit, earnedAmount: -(capped - adjustment),
            sequestration: 0, reducedRateApplied: false, guardrailApplied: false, disasterAdjustment: adjustment)
    }
}
