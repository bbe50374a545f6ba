import ConcordatCore
import Foundation
import Ingest
import SystemPack

/// How `concordat synth` and `concordat demo` make a system's synthetic extract: one specification, from
/// the system and its pack, and the sentences that say how its ages, homes and providers were chosen.
public struct SyntheticExtract: Sendable {
    /// What to generate.
    public var spec: SyntheticPopulationSpec
    /// What the commands print before generating: the age/sex mix (when sources give no bands), where
    /// people live, and who provides their care.
    public var notes: [String]

    /// The specification for `system`, loaded from `pack`:
    /// - ages: ``SyntheticAges/reference(for:pack:)``;
    /// - homes: the real 2021 LSOAs of the pack's own published files where they include an LSOA file,
    ///   with those shipped with Concordat (``DeprivationGeography/shipped()``), for the districts they cover;
    /// - providers and districts' mean deciles: the pack's `synthetic.json`; for a pack stored before the file
    ///   existed, that of the shipped pack with the same manifest; else placeholders.
    /// - Throws: ``IngestError`` when a shipped or pack file cannot be read.
    public init(system: HealthSystem, pack: SystemPack?, seed: UInt64, people: Int?) throws {
        var spec = SyntheticPopulationSpec(seed: seed, people: people)
        var notes: [String] = []
        if let ages = try SyntheticAges.reference(for: system, pack: pack) {
            spec.ages = ages
            notes.append(SyntheticAges.sentence(for: system, reference: ages))
        }
        // The pack's own published files first (when they hold an LSOA file), then those shipped.
        let folders = (pack?.publishedDataDirectory.map { [$0] } ?? []) + PublishedReferenceData.bundledDirectories
        let deprivation = try DeprivationGeography.reading(folders: folders)
        spec.deprivation = deprivation
        let covered = Set(
            system.areas(atLevel: system.levels.last!.key).compactMap { practice in
                practice.district.flatMap { (deprivation?.lsoas(inDistrict: $0) ?? []).isEmpty ? nil : $0 }
            })
        notes.append(
            covered.isEmpty
                ? "Deprivation: no LSOA file covers \(system.name)'s districts, so people get synthetic LSOAs (E0199xxxx) and deciles."
                : "Deprivation: people live in real 2021 LSOAs of their practice's district (\(covered.count) districts), "
                    + "chosen uniformly, with their IMD 2025 deciles (\(DeprivationGeography.publication)); "
                    + "practices elsewhere get synthetic LSOAs.")
        let (particulars, note) = Self.particulars(for: pack)
        spec.particulars = particulars
        notes.append(note)
        self.spec = spec
        self.notes = notes
    }

    /// Who provides the activity of a system loaded from `pack`, and the sentence saying where that comes
    /// from: the pack's `synthetic.json`; for a pack stored before the file existed, that of the shipped pack
    /// with the same manifest; else placeholders. Cheap enough to ask on every start (``spec`` reads files).
    public static func particulars(for pack: SystemPack?) -> (particulars: SyntheticParticulars, note: String) {
        if let own = pack?.synthetic {
            return (
                own,
                "Providers: as the pack's \(PackFile.synthetic) names them (\(own.providerCodes.joined(separator: ", ")))."
            )
        }
        if let pack,
            let shipped = PackLoader.bundledNames.lazy.compactMap({ try? PackLoader.bundled($0) })
                .first(where: { $0.manifest == pack.manifest })?.synthetic
        {
            // A pack stored before synthetic.json existed: the shipped pack it was loaded from has them.
            return (
                shipped,
                "Providers: as the shipped \(pack.manifest.name) pack's \(PackFile.synthetic) names them "
                    + "(\(shipped.providerCodes.joined(separator: ", "))); the stored pack predates the file."
            )
        }
        return (
            .neutral,
            "Providers: the pack has no \(PackFile.synthetic), so activity is given placeholder providers "
                + "(\(SyntheticParticulars.neutral.providerCodes.joined(separator: ", "))) rather than any real trust or council."
        )
    }
}
