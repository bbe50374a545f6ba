import Assurance
import ConcordatCore
import Finance
import Governance
import Ingest

/// Everything particular to one integrated care system, read from a pack folder (see `docs/PACKS.md`):
/// how its hierarchy is built, its organisations, memorandum, pools, money, indicators, work programme
/// and demo seeds. Concordat's code names no system; a pack does.
///
/// Its own `Codable` form is how a loaded pack is stored with its system; a pack folder is read by
/// ``PackLoader`` and written by ``write(to:)``.
public struct SystemPack: Sendable, Hashable, Codable {
    /// `pack.json`.
    public var manifest: PackManifest
    /// `places.csv`: the places, each with its districts and postcode districts (published hierarchies).
    public var places: [PlaceDefinition]
    /// `place-overrides.csv`: practice code → place code.
    public var placeOverrides: [String: String]
    /// `areas.csv`: the areas, root first (given hierarchies).
    public var areas: [Area]
    /// `pcn-map.csv`: practice → primary care network (england hierarchies), if the pack has a PCN level.
    public var pcnMap: PackPCNMap?
    /// `age-sex.csv`: the registered population by sex and age band given to synthetic people whose list
    /// sizes have no bands, if the pack has one.
    public var ageSex: PackAgeSex?
    /// `organisations.json`.
    public var organisations: [Organisation]
    /// `memorandum.json`, if the system has one.
    public var memorandum: PackMemorandum?
    /// `pools.json`.
    public var pools: [PoolTemplate]
    /// `finance.json`, `agreement.json` and `care-networks.json`.
    public var finance: PackFinance
    /// `indicators.json`: the indicators watched, with their targets, in dashboard order.
    public var indicators: [Indicator]
    /// `programme.json`, if the system has a work programme.
    public var programme: WorkProgramme?
    /// `demo.json`, if the demo seeds more for this system.
    public var demo: PackDemo?
    /// `synthetic.json`: who provides a synthetic dataset's activity, if the pack says
    /// (Partnership's `SyntheticExtract.particulars(for:)` chooses when it does not).
    public var synthetic: SyntheticParticulars?

    /// Makes a pack from its parts.
    public init(
        manifest: PackManifest, places: [PlaceDefinition] = [], placeOverrides: [String: String] = [:],
        areas: [Area] = [], pcnMap: PackPCNMap? = nil, ageSex: PackAgeSex? = nil, organisations: [Organisation],
        memorandum: PackMemorandum? = nil, pools: [PoolTemplate] = [], finance: PackFinance, indicators: [Indicator],
        programme: WorkProgramme? = nil, demo: PackDemo? = nil, synthetic: SyntheticParticulars? = nil
    ) {
        self.manifest = manifest
        self.places = places
        self.placeOverrides = placeOverrides
        self.areas = areas
        self.pcnMap = pcnMap
        self.ageSex = ageSex
        self.organisations = organisations
        self.memorandum = memorandum
        self.pools = pools
        self.finance = finance
        self.indicators = indicators
        self.programme = programme
        self.demo = demo
        self.synthetic = synthetic
    }

    /// The system code the pack is for: its ICB code, or the root area's code.
    public var systemCode: String { manifest.systemCode }

    /// The place rules of a published hierarchy.
    public var placeRules: PlaceRules { PlaceRules(places: places, overrides: placeOverrides) }

    /// The pools sized from a year's spend.
    public func pools(spend: SpendSummary?) -> [Pool] { pools.map { $0.pool(spend: spend) } }
}
