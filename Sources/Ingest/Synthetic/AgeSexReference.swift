import ConcordatCore

/// The age/sex mix a synthetic population gives people whose sources say how many they are but not
/// their sex or age (a system built from NHS England's allocation file alone, ``PublishedICB``).
///
/// No national age/sex distribution ships with Concordat, so the mix is the registered population by sex
/// and five-year band of the published files it ships (NHS Digital, Patients Registered at a GP Practice:
/// Kent & Medway's 2,039,483 people in July 2026), an English ICB's real one. ``description`` says so, for
/// `concordat synth` to print.
public struct AgeSexReference: Sendable, Hashable {
    /// The reference counts.
    public var profile: PopulationProfile
    /// Where the mix comes from, in a sentence.
    public var description: String

    /// A reference of `profile`'s banded counts (its unbanded people are not part of the mix), described by
    /// `description`.
    public init(profile: PopulationProfile, description: String) {
        self.profile = PopulationProfile(cells: profile.cells)
        self.description = description
    }

    /// The registered population of the first folder of published files shipped with the project
    /// (``PublishedReferenceData/bundledDirectories``), named by its ICB.
    /// - Throws: ``IngestError`` if no such folder is shipped or its files are unreadable.
    public static func shipped() throws -> AgeSexReference {
        guard let folder = PublishedReferenceData.bundledDirectories.first else {
            throw IngestError.unreadable(
                file: PublishedReferenceData.FileName.registeredPatients,
                reason: "no published registered population is shipped with the project")
        }
        let data = try PublishedReferenceData(directory: folder)
        let (profiles, _, _) = try PublishedSystemAssembly.registeredPopulations(data.registeredPatients)
        let total = profiles.values.reduce(PopulationProfile(), +)
        let icbName = try data.practiceMap.column("ICB_NAME")
        let name = data.practiceMap.records.first.map { $0[icbName] } ?? "The shipped system"
        return AgeSexReference(
            profile: total,
            description:
                "\(name)'s registered population by sex and five-year age band (NHS Digital, Patients Registered at a GP Practice, July 2026; \(total.total.grouped) people)"
        )
    }

    /// `count` people spread over the reference's cells by the largest remainder method, so the
    /// result adds up to `count` exactly; ties go to the earlier cell (female bands, then male).
    public func spread(_ count: Int) -> PopulationProfile {
        var result = PopulationProfile()
        let cells = Sex.allCases.flatMap { sex in AgeBand.all.map { (sex, $0) } }
        let weights = cells.map { profile[$0.0, $0.1] }
        let total = weights.reduce(0, +)
        guard total > 0, count > 0 else { return result }
        var floors = weights.map { $0 * count / total }
        var left = count - floors.reduce(0, +)
        let order = weights.indices.sorted {
            let (a, b) = ((weights[$0] * count) % total, (weights[$1] * count) % total)
            return a != b ? a > b : $0 < $1
        }
        for index in order where left > 0 {
            floors[index] += 1
            left -= 1
        }
        for (cell, number) in zip(cells, floors) { result[cell.0, cell.1] = number }
        return result
    }
}
