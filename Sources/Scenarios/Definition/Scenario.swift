import ConcordatCore

/// A validated scenario, as the model runs it: every code resolved, every number in range. Made only by
/// ``ScenarioDefinition/validated(in:)``.
public struct Scenario: Sendable, Hashable {
    /// The definition it was made from.
    public var definition: ScenarioDefinition
    /// The base financial year's first calendar year (2026 for 2026/27).
    public var baseYear: Int
    /// Projected years, 1–10.
    public var horizon: Int
    /// Monte Carlo runs.
    public var runs: Int
    /// The seed.
    public var seed: UInt64
    /// Whether runs resample activity.
    public var resample: Bool
    /// Demographic growth: for each age band index, the rule (index into ``growthValues``) that sets it.
    public var demographicRuleOfBand: [Int?]
    /// Non-demographic growth: for each setting, the rule that sets it.
    public var nonDemographicRuleOfSetting: [Int?]
    /// The growth rules' values: demographic first, then non-demographic.
    public var growthValues: [UncertainValue]
    /// The price uplift.
    public var priceUplift: UncertainValue
    /// Bed occupancy.
    public var occupancy: UncertainValue
    /// The changes.
    public var changes: [Change]
    /// The investments.
    public var investments: [Investment]
    /// Budget envelopes by partner.
    public var envelopes: [String: Int64]

    /// The valid range of an annual growth rate or price uplift.
    public static let growthRange: ClosedRange<Double> = -0.5...1
    /// The valid range of a fraction.
    public static let fractionRange: ClosedRange<Double> = 0...1
    /// The valid range of an occupancy.
    public static let occupancyRange: ClosedRange<Double> = 0.01...1

    /// The label of projected year `offset` (1 is the first after the base year): `2027/28`.
    public func yearLabel(_ offset: Int) -> String { ScenarioYear.label(baseYear + offset) }

    /// A validated change.
    public struct Change: Sendable, Hashable {
        /// Its name.
        public var name: String
        /// Its kind.
        public var kind: ScenarioDefinition.Change.Kind
        /// Who it is aimed at.
        public var people: PeopleFilter
        /// The setting it changes.
        public var setting: CareSetting
        /// Its fraction at full effect.
        public var fraction: UncertainValue
        /// For an efficiency, what it reduces.
        public var measure: ScenarioDefinition.Change.Measure
        /// For a shift, where to.
        public var destination: Destination?
        /// The first projected year it acts in (1 is the first after the base year).
        public var startOffset: Int
        /// Years to full effect.
        public var rampYears: Int

        /// The share of its full effect in projected year `offset`: 0 before the start, then rising by
        /// 1/ramp a year to 1.
        public func phase(inYear offset: Int) -> Double {
            guard offset >= startOffset else { return 0 }
            return min(1, Double(offset - startOffset + 1) / Double(rampYears))
        }
    }

    /// Where a shift sends activity.
    public struct Destination: Sendable, Hashable {
        /// The setting.
        public var setting: CareSetting
        /// The cost per unit, if given.
        public var unitCostPence: Int64?
        /// The providing partner, if given.
        public var partner: String?
    }

    /// A validated investment.
    public struct Investment: Sendable, Hashable {
        /// Its name.
        public var name: String
        /// The partner.
        public var partner: String
        /// Capital or revenue.
        public var kind: ScenarioDefinition.Investment.Kind
        /// Pence a year.
        public var pencePerYear: Int64
        /// First and last projected year (1-based offsets).
        public var years: ClosedRange<Int>
        /// The setting, if one.
        public var setting: CareSetting?
        /// The place, if one.
        public var place: String?
    }
}
