import ConcordatCore
import Ingest

/// A pack's `age-sex.csv`: the system's registered population by sex and five-year age band
/// (`sex,age_band,people`), the mix `concordat synth` and `concordat demo` give people whose sources say how
/// many they are but not their sex or age (a hierarchy built from NHS England's file, whose list sizes have
/// no bands). Without one, they use Concordat's shipped reference and say which (``AgeSexReference``).
public struct PackAgeSex: Sendable, Hashable, Codable {
    /// The cells, in file order: each sex and band once.
    public var cells: [PopulationCell]

    /// Makes a reference of `cells`.
    public init(cells: [PopulationCell]) { self.cells = cells }

    /// The reference as a profile.
    public var profile: PopulationProfile { PopulationProfile(cells: cells) }

    /// The reference `synth` uses, described as the pack's own.
    public func reference(systemName: String) -> AgeSexReference {
        let profile = profile
        return AgeSexReference(
            profile: profile,
            description:
                "\(systemName)'s own age/sex reference from its system pack (\(PackFile.ageSex); \(profile.total.grouped) people)"
        )
    }
}
