import Appraisal
import ConcordatCore
import Scenarios

/// What `concordat scenario appraise` shows: the economic case of a scenario against business as usual (NPSV,
/// BCR, optimism bias, tornado, switching values) and its financial case (each partner's cash against its
/// envelope by year, and the probability over the runs that its net cost exceeds its budget). Money in pence
/// at base-year prices. See `docs/SCENARIOS.md`, "Appraising a scenario".
public struct ScenarioAppraisalReport: Sendable, Encodable {
    /// One partner's chance of breaking its budget.
    public struct PartnerBreach: Sendable, Hashable, Encodable {
        /// The partner.
        public var partner: String
        /// The share of runs whose net cost over the horizon is above the envelope over the horizon, with its
        /// Wilson 95% interval.
        public var probability: BreachProbability
    }

    /// The scenario's name (also the appraised option's).
    public var name: String
    /// The base year, `2026/27`.
    public var baseYear: String
    /// The projected years (appraisal years 1…horizon).
    public var years: [String]
    /// Monte Carlo runs.
    public var runs: Int
    /// What counts as a benefit.
    public var benefit: String
    /// What counts as a cost.
    public var costs: String
    /// The optimism bias applied.
    public var optimismBias: OptimismBias
    /// The scenario's net present social value against business as usual, pence.
    public var netPresentSocialValuePence: Int64
    /// Its benefit–cost ratio, absent where the additional cost is nil or negative.
    public var benefitCostRatio: Double?
    /// The full economic case (both options, present values, discount factors).
    public var economicCase: EconomicCaseResult
    /// NPSV with each interval parameter at its low and high, the others central; absent with none.
    public var tornado: Tornado?
    /// Switching values of the parameters whose interval takes NPSV across zero.
    public var switchingValues: [SwitchingValue]
    /// Each partner's cash (net cost, principal projection) against its envelope by year.
    public var financialCase: [PartnerPosition]
    /// Each partner's probability of exceeding its budget over the horizon.
    public var breaches: [PartnerBreach]
    /// Who bears what under the system's risk-share agreement, each partner and year (the scenario's run).
    public var riskShare: ScenarioResults.RiskShare?
}
