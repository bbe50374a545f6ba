import Assurance
import ConcordatCore
import Finance

/// `organisations.json`: `{"organisations": [...]}`.
struct OrganisationsDocument: Codable {
    var organisations: [PackOrganisation]
}

/// An organisation as a pack writes it: `isSignatory` may be left out (the role decides).
struct PackOrganisation: Codable {
    var code: String
    var name: String
    var role: OrganisationRole
    var isSignatory: Bool?
    var membership: Organisation.Membership?
    var source: String?
    var places: [String]?
    var odsCode: String?

    init(_ organisation: Organisation) {
        code = organisation.code
        name = organisation.name
        role = organisation.role
        isSignatory = organisation.isSignatory
        membership = organisation.membership
        source = organisation.source
        places = organisation.places.isEmpty ? nil : organisation.places
        odsCode = organisation.odsCode
    }

    var organisation: Organisation {
        Organisation(
            code: code, name: name, role: role, isSignatory: isSignatory, membership: membership, source: source,
            places: places ?? [], odsCode: odsCode)
    }
}

/// `finance.json`.
struct FinanceDocument: Codable {
    var partners: [PackFinance.Partner]
    var generalPractice: PackFinance.GeneralPractice?
    var poolOfPartner: [String: String]
}

/// `pools.json`: `{"pools": [...]}`.
struct PoolsDocument: Codable {
    var pools: [PoolTemplate]
}

/// `care-networks.json`: `{"networks": [...]}`.
struct NetworksDocument: Codable {
    var networks: [CareNetwork]
}

/// `indicators.json`: `{"indicators": [...]}`.
struct IndicatorsDocument: Codable {
    var indicators: [Indicator]
}
