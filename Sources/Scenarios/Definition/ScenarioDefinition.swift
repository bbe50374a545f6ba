/// A what-if scenario as an analyst writes it (JSON, `"format": 1`, documented in `docs/SCENARIOS.md`):
/// the base year and horizon, how many Monte Carlo runs and their seed, demographic and non-demographic
/// growth, a real-terms price uplift, the changes aimed at groups of people, the investments and running
/// costs by partner, and any budget envelopes.
///
/// It is the text as written; ``validated(in:)`` checks it against the system and returns the typed
/// ``Scenario`` the model runs, or refuses it with the JSON path and the reason.
public struct ScenarioDefinition: Sendable, Hashable, Codable {
    /// The format version this code reads.
    public static let currentFormat = 1
    /// Runs when the definition does not say.
    public static let defaultRuns = 1_000

    /// The format version (1).
    public var format: Int
    /// A short name.
    public var name: String
    /// What it is for, in words.
    public var description: String?
    /// The base (baseline) financial year, `2026/27`.
    public var baseYear: String
    /// The projected years after the base year, 1–10.
    public var horizon: Int
    /// Monte Carlo runs, 1–100,000 (default 1,000).
    public var runs: Int?
    /// The seed of the random draws (default 1).
    public var seed: UInt64?
    /// Whether each run resamples activity (Poisson counts, thinning for avoidance and shift); default true.
    public var resample: Bool?
    /// Annual demographic growth by age band; later rules override earlier ones for the bands they name;
    /// bands no rule names do not grow.
    public var demographicGrowth: [GrowthRule]?
    /// Annual non-demographic growth by setting (all settings when a rule names none).
    public var nonDemographicGrowth: [GrowthRule]?
    /// Annual real-terms price uplift (cost per unit over and above inflation; default 0).
    public var priceUplift: UncertainValue?
    /// Bed occupancy for turning bed days into beds, above 0 and at most 1 (default 0.85).
    public var occupancy: UncertainValue?
    /// The changes, applied in order (at most 64).
    public var changes: [Change]?
    /// Investments and running costs by partner and year.
    public var investments: [Investment]?
    /// Each partner's budget envelope for its net cost, per year at base-year prices (a partner not listed
    /// has its baseline cost as its envelope).
    public var envelopes: [Envelope]?

    /// Makes a definition.
    public init(
        format: Int = Self.currentFormat, name: String, description: String? = nil, baseYear: String,
        horizon: Int, runs: Int? = nil, seed: UInt64? = nil, resample: Bool? = nil,
        demographicGrowth: [GrowthRule]? = nil, nonDemographicGrowth: [GrowthRule]? = nil,
        priceUplift: UncertainValue? = nil, occupancy: UncertainValue? = nil, changes: [Change]? = nil,
        investments: [Investment]? = nil, envelopes: [Envelope]? = nil
    ) {
        self.format = format
        self.name = name
        self.description = description
        self.baseYear = baseYear
        self.horizon = horizon
        self.runs = runs
        self.seed = seed
        self.resample = resample
        self.demographicGrowth = demographicGrowth
        self.nonDemographicGrowth = nonDemographicGrowth
        self.priceUplift = priceUplift
        self.occupancy = occupancy
        self.changes = changes
        self.investments = investments
        self.envelopes = envelopes
    }

    /// Annual growth for some age bands (demographic) or settings (non-demographic).
    public struct GrowthRule: Sendable, Hashable, Codable {
        /// Age bands it applies to, as publication codes (`75_79`, `95+`).
        public var ageBands: [String]?
        /// Or: every band from this age up (a multiple of 5).
        public var agedAtLeast: Int?
        /// Settings it applies to (event setting codes, `inpatient_nonelective`).
        public var settings: [String]?
        /// The annual growth rate, as a fraction (0.02 is 2% a year), above −1 and at most 1.
        public var annual: UncertainValue

        /// Makes a rule.
        public init(
            ageBands: [String]? = nil, agedAtLeast: Int? = nil, settings: [String]? = nil, annual: UncertainValue
        ) {
            self.ageBands = ageBands
            self.agedAtLeast = agedAtLeast
            self.settings = settings
            self.annual = annual
        }
    }

    /// Who a change is aimed at: people matching every criterion given (each a list matches any of its
    /// values).
    public struct People: Sendable, Hashable, Codable {
        /// Place codes (areas directly under the system).
        public var places: [String]?
        /// Neighbourhood (PCN) codes.
        public var neighbourhoods: [String]?
        /// Bridges to Health segments by name (`longDeclineFrailtyDementia`).
        public var segments: [String]?
        /// Age bands (`75_79`, `95+`).
        public var ageBands: [String]?
        /// Or: aged this or more (a multiple of 5).
        public var agedAtLeast: Int?
        /// `female`, `male`.
        public var sexes: [String]?
        /// National IMD deciles, 1 (most deprived) to 10.
        public var imdDeciles: [Int]?
        /// Charlson conditions (R `comorbidity` names: `dementia`, `chf`, `copd`, …), any of them.
        public var conditions: [String]?

        /// Everyone.
        public init(
            places: [String]? = nil, neighbourhoods: [String]? = nil, segments: [String]? = nil,
            ageBands: [String]? = nil, agedAtLeast: Int? = nil, sexes: [String]? = nil, imdDeciles: [Int]? = nil,
            conditions: [String]? = nil
        ) {
            self.places = places
            self.neighbourhoods = neighbourhoods
            self.segments = segments
            self.ageBands = ageBands
            self.agedAtLeast = agedAtLeast
            self.sexes = sexes
            self.imdDeciles = imdDeciles
            self.conditions = conditions
        }
    }

    /// Where shifted activity goes.
    public struct Destination: Sendable, Hashable, Codable {
        /// The setting it moves to (event setting code).
        public var setting: String
        /// Its cost per unit in pence (default: that setting's mean cost per unit in the baseline).
        public var unitCostPence: Int64?
        /// The partner that provides it (default: the setting's largest provider in the person's place).
        public var partner: String?

        /// Makes a destination.
        public init(setting: String, unitCostPence: Int64? = nil, partner: String? = nil) {
            self.setting = setting
            self.unitCostPence = unitCostPence
            self.partner = partner
        }

        private enum CodingKeys: String, CodingKey {
            case setting, unitCostPence, partner
        }

        /// Reads a destination, refusing a unit cost that is not whole pence.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                setting: try container.decode(String.self, forKey: .setting),
                unitCostPence: try container.decodePenceIfPresent(forKey: .unitCostPence),
                partner: try container.decodeIfPresent(String.self, forKey: .partner))
        }
    }

    /// One change to the care people receive.
    public struct Change: Sendable, Hashable, Codable {
        /// What kind of change.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            /// A fraction of the setting's activity no longer happens.
            case avoid
            /// A fraction moves to another setting.
            case shift
            /// The cost per unit, or the length of stay, falls by a fraction.
            case efficiency
        }

        /// What an efficiency reduces.
        public enum Measure: String, Sendable, Hashable, Codable, CaseIterable {
            /// The cost of each unit of activity.
            case costPerUnit = "cost-per-unit"
            /// The length of stay (bed days per admission); the cost is unchanged.
            case lengthOfStay = "length-of-stay"
        }

        /// A short name.
        public var name: String
        /// What kind.
        public var kind: Kind
        /// Who it is aimed at (everyone if absent).
        public var people: People?
        /// The setting whose activity it changes (event setting code).
        public var setting: String
        /// The fraction avoided, shifted or saved, in [0, 1], at full effect.
        public var fraction: UncertainValue
        /// For an efficiency: what it reduces (default cost per unit).
        public var measure: Measure?
        /// For a shift: where the activity goes.
        public var to: Destination?
        /// The first financial year it acts in (default the first projected year).
        public var start: String?
        /// Years to reach full effect, linearly (default 1: full effect from the start).
        public var rampYears: Int?

        /// Makes a change.
        public init(
            name: String, kind: Kind, people: People? = nil, setting: String, fraction: UncertainValue,
            measure: Measure? = nil, to: Destination? = nil, start: String? = nil, rampYears: Int? = nil
        ) {
            self.name = name
            self.kind = kind
            self.people = people
            self.setting = setting
            self.fraction = fraction
            self.measure = measure
            self.to = to
            self.start = start
            self.rampYears = rampYears
        }
    }

    /// Money a partner spends to make the changes: capital (one-off) or revenue (running costs).
    public struct Investment: Sendable, Hashable, Codable {
        /// Capital or revenue.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            /// One-off spending on assets.
            case capital
            /// Running costs.
            case revenue
        }

        /// A short name.
        public var name: String?
        /// The partner that spends it.
        public var partner: String
        /// Capital or revenue.
        public var kind: Kind
        /// Pence in each year it runs, at base-year prices.
        public var pencePerYear: Int64
        /// The first year (default the first projected year).
        public var from: String?
        /// The last year (default the horizon's last).
        public var to: String?
        /// The setting it is spent on, if one (for ring-fences).
        public var setting: String?
        /// The place it is spent in, if one (for ring-fences; absent means the whole system).
        public var place: String?

        /// Makes an investment.
        public init(
            name: String? = nil, partner: String, kind: Kind, pencePerYear: Int64, from: String? = nil,
            to: String? = nil, setting: String? = nil, place: String? = nil
        ) {
            self.name = name
            self.partner = partner
            self.kind = kind
            self.pencePerYear = pencePerYear
            self.from = from
            self.to = to
            self.setting = setting
            self.place = place
        }

        private enum CodingKeys: String, CodingKey {
            case name, partner, kind, pencePerYear, from, to, setting, place
        }

        /// Reads an investment, refusing an amount that is not whole pence.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                name: try container.decodeIfPresent(String.self, forKey: .name),
                partner: try container.decode(String.self, forKey: .partner),
                kind: try container.decode(Kind.self, forKey: .kind),
                pencePerYear: try container.decodePence(forKey: .pencePerYear),
                from: try container.decodeIfPresent(String.self, forKey: .from),
                to: try container.decodeIfPresent(String.self, forKey: .to),
                setting: try container.decodeIfPresent(String.self, forKey: .setting),
                place: try container.decodeIfPresent(String.self, forKey: .place))
        }
    }

    /// A partner's budget envelope for its net cost.
    public struct Envelope: Sendable, Hashable, Codable {
        /// The partner.
        public var partner: String
        /// Pence a year, at base-year prices.
        public var pencePerYear: Int64

        /// Makes an envelope.
        public init(partner: String, pencePerYear: Int64) {
            self.partner = partner
            self.pencePerYear = pencePerYear
        }

        private enum CodingKeys: String, CodingKey {
            case partner, pencePerYear
        }

        /// Reads an envelope, refusing an amount that is not whole pence.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                partner: try container.decode(String.self, forKey: .partner),
                pencePerYear: try container.decodePence(forKey: .pencePerYear))
        }
    }
}
