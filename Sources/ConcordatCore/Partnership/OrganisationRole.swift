/// The part an organisation plays in the partnership, in the words of the East Kent ACP memorandum
/// of understanding (2017), section 5: NHS commissioners, healthcare providers, providers of primary
/// care at scale services, local authorities and advisors (non-signatories).
public enum OrganisationRole: String, Hashable, Sendable, Codable, CaseIterable {
    /// An NHS commissioner (a CCG, an ICB, the strategic commissioner).
    case commissioner
    /// An NHS trust or foundation trust providing hospital, community or mental health care.
    case nhsTrust = "nhs_trust"
    /// A provider of primary care at scale (a GP federation, a multispecialty community provider).
    case primaryCareAtScale = "primary_care_at_scale"
    /// A local authority (county, unitary or district council).
    case localAuthority = "local_authority"
    /// Another provider that is not an NHS trust (an ambulance service, an urgent care social enterprise).
    case otherProvider = "other_provider"
    /// An adviser: takes part but does not sign and has no vote.
    case adviser

    /// A plain-English label.
    public var label: String {
        switch self {
        case .commissioner: "NHS commissioner"
        case .nhsTrust: "NHS trust"
        case .primaryCareAtScale: "Primary care at scale provider"
        case .localAuthority: "Local authority"
        case .otherProvider: "Other provider"
        case .adviser: "Adviser (non-signatory)"
        }
    }

    /// Whether organisations in this role normally sign the memorandum. Advisers do not.
    public var signsByDefault: Bool { self != .adviser }
}
