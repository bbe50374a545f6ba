/// A member of the partnership: a commissioner, trust, primary care provider, council or adviser.
public struct Organisation: Hashable, Sendable, Codable, Identifiable {
    /// A short stable code (an ODS code where the organisation has one, else a slug).
    public var code: String
    /// The organisation's name as the founding papers give it.
    public var name: String
    /// The part it plays.
    public var role: OrganisationRole
    /// Whether it signs the memorandum (and so holds a seat). Advisers are non-signatories.
    public var isSignatory: Bool
    /// How it relates to the agreement where the system distinguishes them ("parties" to an ACS
    /// agreement and "partners" to it); `nil` where the papers draw no distinction.
    public var membership: Membership?
    /// Where the facts come from, so a reader can check them.
    public var source: String?
    /// The places (area codes) the organisation is accountable for: its accounts may submit those places'
    /// assurance returns. Empty for an organisation accountable for no place (an adviser, say).
    public var places: [String]
    /// The organisation's ODS code (NHS Organisation Data Service: three characters for a trust, `RVV`), where
    /// it has one and the code is a slug: what published statistics such as NHS England's A&E attendances
    /// file it under. `nil` where none is given.
    public var odsCode: String?

    /// The organisation's code.
    public var id: String { code }

    /// The distinction between the parties to an ACS agreement (the CCGs and NHS trusts) and the partners
    /// to it (local authorities, ambulance and urgent care services), as the Leicester, Leicestershire &
    /// Rutland papers draw it (*Moving Towards an Accountable Care System*, 2017).
    public enum Membership: String, Hashable, Sendable, Codable, CaseIterable {
        /// A party to the agreement.
        case party
        /// A partner to the agreement: operational and service working, not governance or finance.
        case partner
    }

    /// Makes an organisation. `isSignatory` defaults to what the role implies.
    public init(
        code: String, name: String, role: OrganisationRole, isSignatory: Bool? = nil,
        membership: Membership? = nil, source: String? = nil, places: [String] = [],
        odsCode: String? = nil
    ) {
        self.code = code
        self.name = name
        self.role = role
        self.isSignatory = isSignatory ?? role.signsByDefault
        self.membership = membership
        self.source = source
        self.places = places
        self.odsCode = odsCode
    }

    private enum CodingKeys: String, CodingKey {
        case code, name, role, isSignatory, membership, source, places, odsCode
    }

    /// Reads an organisation; `places` may be left out (none), and `odsCode` (none).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        name = try container.decode(String.self, forKey: .name)
        role = try container.decode(OrganisationRole.self, forKey: .role)
        isSignatory = try container.decode(Bool.self, forKey: .isSignatory)
        membership = try container.decodeIfPresent(Membership.self, forKey: .membership)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        places = try container.decodeIfPresent([String].self, forKey: .places) ?? []
        odsCode = try container.decodeIfPresent(String.self, forKey: .odsCode)
    }
}
