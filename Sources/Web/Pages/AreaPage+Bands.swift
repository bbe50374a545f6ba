import ConcordatCore
import Ingest

extension AreaPage {
    /// What the page says instead of a population pyramid when some of an area's people have no sex or
    /// age band: which published file is absent and what it would give.
    static func bandsAbsent(_ profile: PopulationProfile) -> String {
        let who =
            profile.isFullyBanded || profile.bandedTotal == 0
            ? "The sex and age of the \(profile.total.grouped) people registered here are not known"
            : "\(profile.unbanded.grouped) of the \(profile.total.grouped) people registered here have no sex or age band"
        let absent =
            PublishedReferenceData.publications[PublishedReferenceData.FileName.registeredPatients]
            ?? "registered patients by age and sex"
        return who
            + ": the system was built from a file of list sizes only (NHS England's practice-level weighted populations). "
            + "No population pyramid is shown. The absent file is \(absent); it would give the pyramid, "
            + "the female and male split and the number aged 65 and over."
    }
}
