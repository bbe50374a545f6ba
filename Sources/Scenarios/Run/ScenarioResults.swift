/// What a scenario run shows: by projected year, the principal projection (every parameter at its central
/// value, activity not resampled), the 10th, 50th and 90th percentiles over the Monte Carlo runs, the
/// change-factor waterfall, the red lines' probabilities of breach, and the cost streams an appraisal
/// discounts. Money is in pence at base-year prices.
public struct ScenarioResults: Sendable, Hashable, Codable {
    /// The scenario's name.
    public var name: String
    /// The base year, `2026/27`.
    public var baseYear: String
    /// The projected years, first first.
    public var years: [String]
    /// Monte Carlo runs (the principal projection is extra).
    public var runs: Int
    /// The seed.
    public var seed: UInt64
    /// The period the baseline's activity is taken from (ISO dates).
    public var baselinePeriod: [String]
    /// Setting codes, the order of every by-setting list.
    public var settings: [String]
    /// Place codes, the order of every by-place list.
    public var places: [String]
    /// Partner codes, the order of every by-partner list.
    public var partners: [String]
    /// Pool codes, the order of every by-pool list.
    public var pools: [String]
    /// The baseline year.
    public var baseline: Figures
    /// The principal projection, one per projected year.
    public var principal: [Figures]
    /// The percentiles over the runs, one per projected year.
    public var percentiles: [YearBands]
    /// The change-factor waterfall of the principal projection's cost, one per projected year.
    public var waterfall: [Waterfall]
    /// The red lines.
    public var redLines: [RedLine]
    /// Each partner's cost with and without the changes, and its investments, by year (principal).
    public var streams: [AppraisalStream]
    /// Who bears what under the system's risk-share agreement; `nil` in results stored before it was
    /// computed.
    public var riskShare: RiskShare? = nil

    /// One year's figures.
    public struct Figures: Sendable, Hashable, Codable {
        /// Cost by setting, pence.
        public var costBySettingPence: [Int64]
        /// Activity (events) by setting.
        public var activityBySetting: [Double]
        /// Bed days by setting.
        public var bedDaysBySetting: [Double]
        /// Cost by place, pence.
        public var costByPlacePence: [Int64]
        /// Cost of activity by partner, pence.
        public var costByPartnerPence: [Int64]
        /// Cost by pool (the partners drawing on it), pence.
        public var costByPoolPence: [Int64]
        /// Capital invested by partner, pence.
        public var capitalByPartnerPence: [Int64]
        /// Revenue (running costs) invested by partner, pence.
        public var revenueByPartnerPence: [Int64]
        /// People.
        public var people: Double
        /// People aged 75 or over.
        public var peopleAged75Plus: Double
        /// Emergency admissions of people aged 75 or over.
        public var emergencyAdmissionsAged75Plus: Double
        /// Beds: admissions' bed days ÷ (365 × occupancy).
        public var beds: Double

        /// Total cost of activity, pence.
        public var costPence: Int64 { costBySettingPence.reduce(0, +) }
        /// Each partner's net cost: activity plus capital plus revenue invested, pence.
        public var netCostByPartnerPence: [Int64] {
            costByPartnerPence.indices.map {
                costByPartnerPence[$0] + capitalByPartnerPence[$0] + revenueByPartnerPence[$0]
            }
        }
        /// Emergency admissions per 1,000 people aged 75+.
        public var emergencyAdmissionsPer1000Aged75Plus: Double {
            peopleAged75Plus > 0 ? emergencyAdmissionsAged75Plus * 1000 / peopleAged75Plus : 0
        }
        /// Cost of activity per head, pence.
        public var costPerHeadPence: Double { people > 0 ? Double(costPence) / people : 0 }
        /// Total bed days.
        public var bedDays: Double { bedDaysBySetting.reduce(0, +) }

        /// Zeroed figures.
        public init(settings: Int, places: Int, partners: Int, pools: Int) {
            costBySettingPence = Array(repeating: 0, count: settings)
            activityBySetting = Array(repeating: 0, count: settings)
            bedDaysBySetting = Array(repeating: 0, count: settings)
            costByPlacePence = Array(repeating: 0, count: places)
            costByPartnerPence = Array(repeating: 0, count: partners)
            costByPoolPence = Array(repeating: 0, count: pools)
            capitalByPartnerPence = Array(repeating: 0, count: partners)
            revenueByPartnerPence = Array(repeating: 0, count: partners)
            people = 0
            peopleAged75Plus = 0
            emergencyAdmissionsAged75Plus = 0
            beds = 0
        }
    }

    /// The 10th, 50th and 90th percentiles of a quantity over the runs.
    public struct Band: Sendable, Hashable, Codable {
        /// 10th percentile.
        public var p10: Double
        /// Median.
        public var p50: Double
        /// 90th percentile.
        public var p90: Double

        /// The percentiles of `values` (linear interpolation between order statistics, R's type 7).
        public init(_ values: [Double]) {
            let sorted = values.sorted()
            func quantile(_ q: Double) -> Double {
                guard !sorted.isEmpty else { return 0 }
                let position = q * Double(sorted.count - 1)
                let below = Int(position.rounded(.down))
                let above = min(below + 1, sorted.count - 1)
                return sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
            }
            p10 = quantile(0.1)
            p50 = quantile(0.5)
            p90 = quantile(0.9)
        }
    }

    /// One projected year's percentiles.
    public struct YearBands: Sendable, Hashable, Codable {
        /// The year.
        public var year: String
        /// Total cost of activity, pence.
        public var costPence: Band
        /// Cost by setting.
        public var costBySettingPence: [Band]
        /// Cost by place.
        public var costByPlacePence: [Band]
        /// Cost of activity by partner.
        public var costByPartnerPence: [Band]
        /// Net cost by partner (activity and investments).
        public var netCostByPartnerPence: [Band]
        /// Cost by pool.
        public var costByPoolPence: [Band]
        /// Activity by setting.
        public var activityBySetting: [Band]
        /// Bed days.
        public var bedDays: Band
        /// Beds.
        public var beds: Band
        /// Emergency admissions per 1,000 aged 75+.
        public var emergencyAdmissionsPer1000Aged75Plus: Band
        /// Cost per head, pence.
        public var costPerHeadPence: Band
    }

    /// The change-factor waterfall of one year's cost: each factor's effect applied alone to the baseline,
    /// and the interaction — what applying them together adds beyond their sum — so that the steps add up
    /// to the result to the penny.
    public struct Waterfall: Sendable, Hashable, Codable {
        /// The year.
        public var year: String
        /// The baseline cost, pence.
        public var baselinePence: Int64
        /// Demographic growth alone.
        public var demographicPence: Int64
        /// Non-demographic growth alone.
        public var nonDemographicPence: Int64
        /// The price uplift alone.
        public var priceUpliftPence: Int64
        /// The avoidance changes alone (negative: cost no longer incurred).
        public var avoidancePence: Int64
        /// The shifts alone: the cost where activity goes less the cost where it came from.
        public var shiftPence: Int64
        /// The efficiencies alone.
        public var efficiencyPence: Int64
        /// The interaction: result − baseline − the steps above.
        public var interactionPence: Int64
        /// The result, pence.
        public var resultPence: Int64
    }

    /// A red line and how often the runs break it.
    public struct RedLine: Sendable, Hashable, Codable {
        /// What kind of red line.
        public enum Kind: String, Sendable, Hashable, Codable {
            /// A pool's ring-fence: its money only on what, and where, the rule allows.
            case ringFence = "ring-fence"
            /// A partner's net cost within its budget envelope.
            case envelope
        }

        /// The kind.
        public var kind: Kind
        /// The pool or partner code.
        public var subject: String
        /// The rule, in words.
        public var rule: String
        /// The share of runs that break it in any year.
        public var probability: Double
        /// The share of runs that break it, by projected year.
        public var probabilityByYear: [Double]
        /// Whether the principal projection breaks it.
        public var principalBreaks: Bool
        /// For an envelope: pence a year.
        public var envelopePence: Int64?
        /// For an envelope: where it comes from; `nil` in results stored before it was recorded (then it was
        /// stated, or the baseline cost).
        public var envelopeBasis: EnvelopeBasis? = nil
        /// For an envelope from the ledger: the partner's ledger budget, pence a year.
        public var ledgerBudgetPence: Int64? = nil
        /// For an envelope from the ledger: its headroom, ledger budget − forecast outturn, pence a year.
        public var headroomPence: Int64? = nil
    }

    /// One partner's year, as an appraisal needs it (principal projection, pence at base-year prices).
    public struct AppraisalStream: Sendable, Hashable, Codable {
        /// The year.
        public var year: String
        /// The partner.
        public var partner: String
        /// Cost of activity with growth but none of the changes (business as usual).
        public var businessAsUsualPence: Int64
        /// Cost of activity with the changes.
        public var scenarioPence: Int64
        /// Capital invested.
        public var capitalPence: Int64
        /// Revenue invested.
        public var revenuePence: Int64
        /// The cash-releasing benefit: business as usual less the scenario.
        public var savingPence: Int64 { businessAsUsualPence - scenarioPence }
    }
}
