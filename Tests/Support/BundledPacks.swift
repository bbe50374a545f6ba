import ConcordatCore
import Ingest
import SystemPack

/// The system packs shipped with Concordat, loaded once for the tests: the source of every
/// system-particular value (organisations, place rules, programme, care networks) a test needs.
public enum BundledPacks {
    /// The Kent & Medway pack.
    public static let kent = Result<SystemPack, any Error> { try PackLoader.bundled("kent-medway") }
    /// The Leicester, Leicestershire & Rutland pack.
    public static let llr = Result<SystemPack, any Error> { try PackLoader.bundled("llr") }

    /// Kent & Medway's system as the pack builds it: the shipped published files, the pack's place
    /// rules and organisations.
    public static let kentSystem = Result<HealthSystem, any Error> { try kent.get().system() }
    /// LLR's system as the pack builds it: its given hierarchy and organisations.
    public static let llrSystem = Result<HealthSystem, any Error> { try llr.get().system() }

    /// Kent & Medway's place rules, from its pack.
    public static var kentPlaceRules: PlaceRules {
        get throws { try kent.get().placeRules }
    }
}

extension SyntheticPopulationSpec {
    /// A specification for Kent & Medway with its pack's providers and districts' deciles, as
    /// `concordat synth` makes it (the pack has a `synthetic.json`, so this cannot fail once the pack loads).
    public static func kentMedway(
        seed: UInt64, people: Int? = nil, ages: AgeSexReference? = nil, deprivation: DeprivationGeography? = nil
    ) -> SyntheticPopulationSpec {
        SyntheticPopulationSpec(
            seed: seed, people: people, ages: ages, deprivation: deprivation,
            particulars: (try? BundledPacks.kent.get().synthetic) ?? .neutral)
    }
}
