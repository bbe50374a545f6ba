import ConcordatCore
import Finance

/// A pack's money particulars: the budget holders (`finance.json`), the risk-share agreement
/// (`agreement.json`) and the care networks (`care-networks.json`, optional).
public struct PackFinance: Sendable, Hashable, Codable {
    /// A budget holder the dataset's providers belong to.
    public struct Partner: Sendable, Hashable, Codable {
        /// Its code (an ODS code where it has one).
        public var code: String
        /// Its name.
        public var name: String

        /// Makes a partner.
        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    /// Which spend belongs to general practice rather than to its provider.
    public struct GeneralPractice: Sendable, Hashable, Codable {
        /// The partner that holds general practice's budget (`general-practice`).
        public var partner: String
        /// The care settings (event setting codes) that are general practice's, whoever provides them.
        public var settings: [String]

        /// Makes the rule.
        public init(partner: String, settings: [String]) {
            self.partner = partner
            self.settings = settings
        }
    }

    /// The budget holders, with their names.
    public var partners: [Partner]
    /// General practice's spend, if the system gathers it under one budget holder.
    public var generalPractice: GeneralPractice?
    /// The pool (code in `pools.json`) each partner's budget is drawn from, where it is not its own.
    public var poolOfPartner: [String: String]
    /// How the year-end variance is shared.
    public var agreement: RiskShareAgreement
    /// The care networks each pound of spend belongs to, if the system has a model of them
    /// (`care-networks.json` is optional: a system built from NHS England's file alone has none).
    public var careNetworks: CareNetworkModel?

    /// Makes the money particulars.
    public init(
        partners: [Partner], generalPractice: GeneralPractice?, poolOfPartner: [String: String],
        agreement: RiskShareAgreement, careNetworks: CareNetworkModel?
    ) {
        self.partners = partners
        self.generalPractice = generalPractice
        self.poolOfPartner = poolOfPartner
        self.agreement = agreement
        self.careNetworks = careNetworks
    }

    /// A partner's name, or its code if the pack does not name it.
    public func partnerName(_ code: String) -> String {
        partners.first { $0.code == code }?.name ?? code
    }

    /// The budget holder for a cell of spend: general practice's settings (and a practice providing its
    /// own care) belong to general practice; everything else to its provider.
    public func partner(of cell: SpendSummary.Cell) -> String {
        guard let generalPractice else { return cell.provider }
        return generalPractice.settings.contains(cell.setting) || cell.provider == cell.practice
            ? generalPractice.partner : cell.provider
    }

    /// The pool a partner's budget is drawn from, if any.
    public func pool(ofPartner partner: String) -> String? { poolOfPartner[partner] }
}
