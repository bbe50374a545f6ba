/// A person's sex as recorded on the GP registration list.
///
/// NHS Digital's "Patients Registered at a GP Practice" publication reports `FEMALE` and `MALE`
/// (plus `ALL` totals, which are not a sex and are handled by the reader).
public enum Sex: String, Codable, Sendable, CaseIterable, Hashable {
    /// Recorded as female.
    case female
    /// Recorded as male.
    case male

    /// Reads the code used in NHS Digital publications (`FEMALE`, `MALE`), case-insensitively.
    public init?(publicationCode: String) {
        switch publicationCode.uppercased() {
        case "FEMALE", "F": self = .female
        case "MALE", "M": self = .male
        default: return nil
        }
    }

    /// A plain-English label for pages and charts.
    public var label: String {
        switch self {
        case .female: "Female"
        case .male: "Male"
        }
    }
}
