/// Where a unit of activity happened, as the integrated dataset's `events.csv` records it.
public enum CareSetting: UInt8, CaseIterable, Hashable, Sendable, Codable {
    /// A general practice appointment.
    case gp
    /// An accident and emergency attendance.
    case ae
    /// A planned (elective) hospital admission.
    case inpatientElective
    /// An emergency (non-elective) hospital admission.
    case inpatientNonElective
    /// A hospital outpatient appointment.
    case outpatient
    /// A community health service contact.
    case community
    /// A mental health service contact.
    case mentalHealth
    /// An adult social care service (a package of care for a period).
    case adultSocialCare
    /// Prescribing (items dispensed in a period).
    case prescribing
    /// Hospice care.
    case hospice

    /// The code used in `events.csv`.
    public var code: String {
        switch self {
        case .gp: "gp"
        case .ae: "ae"
        case .inpatientElective: "inpatient_elective"
        case .inpatientNonElective: "inpatient_nonelective"
        case .outpatient: "outpatient"
        case .community: "community"
        case .mentalHealth: "mental_health"
        case .adultSocialCare: "adult_social_care"
        case .prescribing: "prescribing"
        case .hospice: "hospice"
        }
    }

    /// Reads a code used in `events.csv`.
    public init?(code: some StringProtocol) {
        guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }

    /// A plain-English label.
    public var label: String {
        switch self {
        case .gp: "General practice"
        case .ae: "A&E"
        case .inpatientElective: "Elective admissions"
        case .inpatientNonElective: "Emergency admissions"
        case .outpatient: "Outpatients"
        case .community: "Community health"
        case .mentalHealth: "Mental health"
        case .adultSocialCare: "Adult social care"
        case .prescribing: "Prescribing"
        case .hospice: "Hospice"
        }
    }
}

/// The coding scheme of a diagnosis.
public enum CodeSystem: UInt8, CaseIterable, Hashable, Sendable, Codable {
    /// ICD-10 (WHO / NHS 5th edition), as in hospital records.
    case icd10
    /// SNOMED CT concept identifiers, as in GP records.
    case snomed

    /// The code used in `diagnoses.csv`.
    public var code: String { self == .icd10 ? "icd10" : "snomed" }

    /// Reads `icd10` or `snomed`.
    public init?(code: some StringProtocol) {
        switch code {
        case "icd10": self = .icd10
        case "snomed": self = .snomed
        default: return nil
        }
    }
}
