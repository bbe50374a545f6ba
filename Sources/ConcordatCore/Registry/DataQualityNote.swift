/// Something a user should know about how the system was assembled from its sources: a practice found
/// in one file and not another, a practice whose place differs from its PCN's, a practice in no PCN.
///
/// Concordat never drops such rows silently; it keeps them and lists these notes on the system page
/// and in `GET /api/v1/system`.
public struct DataQualityNote: Hashable, Sendable, Codable {
    /// What kind of finding this is.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The subject appears in one source file and not in another.
        case missingFromSource = "missing_from_source"
        /// A practice's place (from its district) differs from the place its PCN was assigned to.
        case placeConflict = "place_conflict"
        /// A practice belongs to no PCN (the publication's "Unallocated").
        case noNeighbourhood = "no_neighbourhood"
        /// A practice's place was set by an override rather than derived from its district.
        case placeOverridden = "place_overridden"
        /// A practice's district is not one the place rules know.
        case unknownDistrict = "unknown_district"
    }

    /// What kind of finding this is.
    public var kind: Kind
    /// The code of the practice or area concerned.
    public var subject: String
    /// A plain-English sentence saying what was found and what Concordat did about it.
    public var message: String

    /// Makes a note.
    public init(kind: Kind, subject: String, message: String) {
        self.kind = kind
        self.subject = subject
        self.message = message
    }
}
