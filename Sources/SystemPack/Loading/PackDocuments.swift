import Assurance
import ConcordatCore
import Finance
import Ingest

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

/// `synthetic.json`: the particulars a synthetic dataset of the system needs; the maps may be left out.
struct SyntheticDocument: Codable {
    var acute: String
    var acuteByPlace: [String: String]?
    var community: String
    var mentalHealth: String
    var hospice: String
    var council: String
    var councilByDistrict: [String: String]?
    var districtDeciles: [String: Double]?
    var meanDecile: Double?

    init(_ particulars: SyntheticParticulars) {
        acute = particulars.acute
        acuteByPlace = particulars.acuteByPlace.isEmpty ? nil : particulars.acuteByPlace
        community = particulars.community
        mentalHealth = particulars.mentalHealth
        hospice = particulars.hospice
        council = particulars.council
        councilByDistrict = particulars.councilByDistrict.isEmpty ? nil : particulars.councilByDistrict
        districtDeciles = particulars.districtDeciles.isEmpty ? nil : particulars.districtDeciles
        meanDecile = particulars.meanDecile
    }

    var particulars: SyntheticParticulars {
        SyntheticParticulars(
            acuteByPlace: acuteByPlace ?? [:], acute: acute, community: community, mentalHealth: mentalHealth,
            hospice: hospice, councilByDistrict: councilByDistrict ?? [:], council: council,
            districtDeciles: districtDeciles ?? [:], meanDecile: meanDecile ?? SyntheticParticulars.neutral.meanDecile)
    }
}
