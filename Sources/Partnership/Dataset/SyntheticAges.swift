import ConcordatCore
import Ingest
import SystemPack

/// Which age/sex mix `concordat synth` and `concordat demo` give the people of a system whose sources say
/// how many they are but not their sex or age (a hierarchy built from NHS England's allocation file, whose
/// list sizes have no bands): the pack's own `age-sex.csv` where it has one, else the registered population
/// shipped with Concordat (``AgeSexReference/shipped()``), and a sentence saying which.
public enum SyntheticAges {
    /// The mix for `system`, loaded from `pack`: `nil` when every person already has a sex and band.
    /// - Throws: ``IngestError`` when the shipped reference cannot be read.
    public static func reference(for system: HealthSystem, pack: SystemPack?) throws -> AgeSexReference? {
        guard system.population(of: system.root.code).unbanded > 0 else { return nil }
        if let own = pack?.ageSex { return own.reference(systemName: system.name) }
        let shipped = try AgeSexReference.shipped()
        return AgeSexReference(
            profile: shipped.profile,
            description: shipped.description + ", as its pack has no age/sex reference of its own (\(PackFile.ageSex))")
    }

    /// What the commands print: how many people have no band, and whose mix they are given.
    public static func sentence(for system: HealthSystem, reference: AgeSexReference) -> String {
        "Ages: \(system.name)'s sources give \(system.population(of: system.root.code).unbanded.grouped) people "
            + "no sex or age band (list sizes only), so each practice's people are given the age/sex mix of "
            + "\(reference.description), by largest remainder."
    }
}
