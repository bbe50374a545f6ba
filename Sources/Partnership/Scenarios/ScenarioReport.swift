import Disclosure
import Foundation
import Scenarios

/// A scenario's results as they may leave the engine (issue 17): the ``Scenarios/ScenarioResults`` of its
/// run with every count of people, events or bed days passed through the disclosure-control gate
/// (``Disclosure/DisclosurePolicy``: 1 to the threshold suppressed, the rest rounded; `null` when hidden),
/// rates and money per head computed from the published counts, and money (cost, waterfall, streams) and
/// the red lines' probabilities as run. Also the Green Book tornado of the NPSV (``ScenarioAppraisal``'s
/// sensitivity, principal projection only), which is cheap beside the Monte Carlo runs.
///
/// Why counts are gated although they are system totals: a change aimed at a small cohort moves those
/// totals by the cohort's own activity, so a total less the baseline could otherwise count a handful of
/// people's admissions. Money is published as run, as the brief allows.
public struct ScenarioReport: Sendable, Hashable, Codable {
    /// The change-factor waterfall of a year (money, as run).
    public typealias Waterfall = ScenarioResults.Waterfall
    /// A red line and its probability of breach.
    public typealias RedLine = ScenarioResults.RedLine
    /// One partner's appraisal stream of a year.
    public typealias AppraisalStream = ScenarioResults.AppraisalStream
    /// The 10th, 50th and 90th percentiles of money or a rate.
    public typealias Band = ScenarioResults.Band

    /// The scenario's name.
    public var name: String
    /// The base year, `2026/27`.
    public var baseYear: String
    /// The projected years.
    public var years: [String]
    /// Monte Carlo runs.
    public var runs: Int
    /// The seed.
    public var seed: UInt64
    /// The period the baseline's activity is taken from (ISO dates).
    public var baselinePeriod: [String]
    /// Setting codes, the order of every by-setting list.
    public var settings: [String]
    /// Place codes.
    public var places: [String]
    /// Partner codes.
    public var partners: [String]
    /// Pool codes.
    public var pools: [String]
    /// The rule the counts were published under.
    public var disclosure: DisclosurePolicy
    /// The baseline year.
    public var baseline: Figures
    /// The principal projection, one per projected year.
    public var principal: [Figures]
    /// The percentiles over the runs, one per projected year.
    public var percentiles: [YearBands]
    /// The change-factor waterfall (money, as run).
    public var waterfall: [ScenarioResults.Waterfall]
    /// The red lines and their probabilities of breach (as run).
    public var redLines: [ScenarioResults.RedLine]
    /// The appraisal streams (money, as run).
    public var streams: [ScenarioResults.AppraisalStream]
    /// The NPSV's sensitivity to each interval parameter; `nil` when the scenario has none.
    public var tornado: TornadoChart?
    /// Who bears what under the risk-share agreement (money, as run); `nil` in results kept before it was
    /// computed.
    public var riskShare: ScenarioResults.RiskShare? = nil

    /// One year's figures, counts gated.
    public struct Figures: Sendable, Hashable, Codable {
        /// Cost by setting, pence.
        public var costBySettingPence: [Int64]
        /// Cost by place, pence.
        public var costByPlacePence: [Int64]
        /// Cost of activity by partner, pence.
        public var costByPartnerPence: [Int64]
        /// Net cost by partner: activity, capital and revenue, pence.
        public var netCostByPartnerPence: [Int64]
        /// Cost by pool, pence.
        public var costByPoolPence: [Int64]
        /// Capital invested by partner, pence.
        public var capitalByPartnerPence: [Int64]
        /// Revenue invested by partner, pence.
        public var revenueByPartnerPence: [Int64]
        /// Total cost of activity, pence.
        public var costPence: Int64
        /// Activity by setting (events), gated.
        public var activityBySetting: [Int?]
        /// Bed days by setting, gated.
        public var bedDaysBySetting: [Int?]
        /// Total bed days, gated.
        public var bedDays: Int?
        /// Beds (bed days ÷ (365 × occupancy)), gated.
        public var beds: Int?
        /// People, gated.
        public var people: Int?
        /// People aged 75 or over, gated.
        public var peopleAged75Plus: Int?
        /// Emergency admissions of people aged 75 or over, gated.
        public var emergencyAdmissionsAged75Plus: Int?
        /// Emergency admissions per 1,000 aged 75+, from the published counts.
        public var emergencyAdmissionsPer1000Aged75Plus: Double?
        /// Cost of activity per head, pence, over the published count of people.
        public var costPerHeadPence: Int64?

        /// `figures` published under `policy`.
        public init(_ figures: ScenarioResults.Figures, policy: DisclosurePolicy) {
            func gate(_ value: Double) -> DisclosedCount { policy.count(ScenarioReport.whole(value)) }
            costBySettingPence = figures.costBySettingPence
            costByPlacePence = figures.costByPlacePence
            costByPartnerPence = figures.costByPartnerPence
            netCostByPartnerPence = figures.netCostByPartnerPence
            costByPoolPence = figures.costByPoolPence
            capitalByPartnerPence = figures.capitalByPartnerPence
            revenueByPartnerPence = figures.revenueByPartnerPence
            costPence = figures.costPence
            activityBySetting = figures.activityBySetting.map { gate($0).value }
            bedDaysBySetting = figures.bedDaysBySetting.map { gate($0).value }
            bedDays = gate(figures.bedDays).value
            beds = gate(figures.beds).value
            let people = gate(figures.people)
            let aged = gate(figures.peopleAged75Plus)
            let admissions = gate(figures.emergencyAdmissionsAged75Plus)
            self.people = people.value
            peopleAged75Plus = aged.value
            emergencyAdmissionsAged75Plus = admissions.value
            emergencyAdmissionsPer1000Aged75Plus = policy.ratio(admissions, aged).map { $0 * 1000 }
            costPerHeadPence = policy.perHead(figures.costPence, over: people)
        }
    }

    /// The 10th, 50th and 90th percentiles of a count, each gated.
    public struct CountBand: Sendable, Hashable, Codable {
        /// 10th percentile.
        public var p10: Int?
        /// Median.
        public var p50: Int?
        /// 90th percentile.
        public var p90: Int?

        /// `band` published under `policy`.
        public init(_ band: ScenarioResults.Band, policy: DisclosurePolicy) {
            p10 = policy.count(ScenarioReport.whole(band.p10)).value
            p50 = policy.count(ScenarioReport.whole(band.p50)).value
            p90 = policy.count(ScenarioReport.whole(band.p90)).value
        }
    }

    /// One projected year's percentiles: money as run, counts gated.
    public struct YearBands: Sendable, Hashable, Codable {
        /// The year.
        public var year: String
        /// Total cost of activity, pence.
        public var costPence: ScenarioResults.Band
        /// Cost by setting.
        public var costBySettingPence: [ScenarioResults.Band]
        /// Cost by place.
        public var costByPlacePence: [ScenarioResults.Band]
        /// Cost of activity by partner.
        public var costByPartnerPence: [ScenarioResults.Band]
        /// Net cost by partner.
        public var netCostByPartnerPence: [ScenarioResults.Band]
        /// Cost by pool.
        public var costByPoolPence: [ScenarioResults.Band]
        /// Activity by setting, gated.
        public var activityBySetting: [CountBand]
        /// Bed days, gated.
        public var bedDays: CountBand
        /// Beds, gated.
        public var beds: CountBand
        /// Emergency admissions per 1,000 aged 75+; `nil` where the principal projection's counts are hidden.
        public var emergencyAdmissionsPer1000Aged75Plus: ScenarioResults.Band?
        /// Cost per head, pence; `nil` where the principal projection's count of people is hidden.
        public var costPerHeadPence: ScenarioResults.Band?
    }

    /// The NPSV at each interval parameter's low and high, the others central (pence).
    public struct TornadoChart: Sendable, Hashable, Codable {
        /// One parameter's bar.
        public struct Bar: Sendable, Hashable, Codable {
            /// The parameter, as the definition's reader knows it.
            public var parameter: String
            /// Its low value.
            public var low: Double
            /// Its high value.
            public var high: Double
            /// NPSV with the parameter at its low, pence.
            public var atLowPence: Double
            /// NPSV with the parameter at its high, pence.
            public var atHighPence: Double
        }

        /// NPSV with every parameter central, pence.
        public var centralPence: Double
        /// The bars, widest swing first.
        public var bars: [Bar]
    }

    /// `results` published under `policy`, with `tornado`.
    public init(_ results: ScenarioResults, policy: DisclosurePolicy, tornado: TornadoChart? = nil) {
        name = results.name
        baseYear = results.baseYear
        years = results.years
        runs = results.runs
        seed = results.seed
        baselinePeriod = results.baselinePeriod
        settings = results.settings
        places = results.places
        partners = results.partners
        pools = results.pools
        disclosure = policy
        baseline = Figures(results.baseline, policy: policy)
        principal = results.principal.map { Figures($0, policy: policy) }
        percentiles = zip(results.percentiles, principal).map { bands, central in
            YearBands(
                year: bands.year, costPence: bands.costPence, costBySettingPence: bands.costBySettingPence,
                costByPlacePence: bands.costByPlacePence, costByPartnerPence: bands.costByPartnerPence,
                netCostByPartnerPence: bands.netCostByPartnerPence, costByPoolPence: bands.costByPoolPence,
                activityBySetting: bands.activityBySetting.map { CountBand($0, policy: policy) },
                bedDays: CountBand(bands.bedDays, policy: policy), beds: CountBand(bands.beds, policy: policy),
                emergencyAdmissionsPer1000Aged75Plus: central.emergencyAdmissionsPer1000Aged75Plus == nil
                    ? nil : bands.emergencyAdmissionsPer1000Aged75Plus,
                costPerHeadPence: central.costPerHeadPence == nil ? nil : bands.costPerHeadPence)
        }
        waterfall = results.waterfall
        redLines = results.redLines
        streams = results.streams
        self.tornado = tornado
        riskShare = results.riskShare
    }

    /// A projected count as a whole number (never negative; NaN and infinities are 0).
    static func whole(_ value: Double) -> Int {
        guard value.isFinite, value > 0 else { return 0 }
        return value >= Double(Int32.max) ? Int(Int32.max) : Int(value.rounded())
    }
}
