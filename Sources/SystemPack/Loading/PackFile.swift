/// The files of a pack folder, by the names `docs/PACKS.md` gives them.
public enum PackFile {
    /// The manifest (required).
    public static let manifest = "pack.json"
    /// District → place mapping (published hierarchies).
    public static let places = "places.csv"
    /// Practice → place overrides (optional).
    public static let placeOverrides = "place-overrides.csv"
    /// Practice → primary care network (england hierarchies, optional).
    public static let pcnMap = "pcn-map.csv"
    /// The registered population by sex and age band that synthetic people are given (optional).
    public static let ageSex = "age-sex.csv"
    /// The areas themselves (given hierarchies).
    public static let areas = "areas.csv"
    /// The organisations (required).
    public static let organisations = "organisations.json"
    /// The memorandum of understanding (optional).
    public static let memorandum = "memorandum.json"
    /// The pools (optional).
    public static let pools = "pools.json"
    /// The budget holders (required).
    public static let finance = "finance.json"
    /// The risk-share agreement (required).
    public static let agreement = "agreement.json"
    /// The care networks (required).
    public static let careNetworks = "care-networks.json"
    /// The indicator catalogue (required).
    public static let indicators = "indicators.json"
    /// The work programme (optional).
    public static let programme = "programme.json"
    /// Who provides a synthetic dataset's activity, and its districts' mean deciles (optional).
    public static let synthetic = "synthetic.json"
    /// The demo seeds (optional).
    public static let demo = "demo.json"
}
