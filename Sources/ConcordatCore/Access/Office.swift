/// A statutory office an account may hold for its organisation, beyond its role: what the office's
/// holder alone may do. The Section 151 officer is the local authority's chief finance officer, who must
/// make arrangements for the proper administration of its financial affairs (Local Government Act 1972,
/// s. 151) and reports when a budget cannot be balanced (Local Government Finance Act 1988, s. 114).
public enum Office: String, Sendable, Hashable, Codable, CaseIterable {
    /// The council's chief finance officer under s. 151 of the Local Government Act 1972: records the
    /// determination on a business case's financial case.
    case section151Officer = "section-151-officer"

    /// The office in words.
    public var label: String {
        switch self {
        case .section151Officer: "Section 151 officer"
        }
    }
}

/// An account holding an office for an organisation (for example `kcc-s151` as KCC's Section 151 officer).
public struct OfficeHolder: Sendable, Hashable, Codable {
    /// The account's username.
    public var username: String
    /// The office.
    public var office: Office
    /// The organisation the office is held for (the account's own organisation).
    public var organisation: String

    /// Makes an office holder.
    public init(username: String, office: Office, organisation: String) {
        self.username = username
        self.office = office
        self.organisation = organisation
    }
}
