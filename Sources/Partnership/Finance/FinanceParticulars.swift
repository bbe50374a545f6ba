import ConcordatCore
import Finance
import Ingest

/// What a system's money picture needs beyond its geography and dataset: its risk/gain share agreement,
/// its care-network model, who its partners and pools are. Read in one place (``of(_:)``), so a system
/// pack can supply them by replacing one function.
public struct FinanceParticulars: Sendable {
    /// The agreement the year's variance is settled under.
    public var agreement: RiskShareAgreement
    /// The care networks place budgets are split across.
    public var careNetworks: CareNetworkModel
    /// The partner paid for a cell of spend.
    public var partnerOf: @Sendable (SpendSummary.Cell) -> String
    /// The pool a partner's budget is held in, if any.
    public var poolOf: @Sendable (String) -> String?
    /// A partner's name when the system's organisations do not have it.
    public var partnerName: @Sendable (String) -> String

    /// Makes particulars from their parts.
    public init(
        agreement: RiskShareAgreement, careNetworks: CareNetworkModel,
        partnerOf: @escaping @Sendable (SpendSummary.Cell) -> String, poolOf: @escaping @Sendable (String) -> String?,
        partnerName: @escaping @Sendable (String) -> String
    ) {
        self.agreement = agreement
        self.careNetworks = careNetworks
        self.partnerOf = partnerOf
        self.poolOf = poolOf
        self.partnerName = partnerName
    }

    /// The agreement positions are settled under when no system is read: tiered corridors by budget.
    public static let standardAgreement = KentMedwayFinance.agreement

    /// The particulars of `system`: Kent & Medway's agreement, providers and councils' pools (pools only
    /// for Kent & Medway itself), and LLR's care-network model.
    public static func of(_ system: HealthSystem) -> FinanceParticulars {
        let isKentMedway = system.code == "QKS"
        return FinanceParticulars(
            agreement: standardAgreement, careNetworks: .leicesterLeicestershireRutland,
            partnerOf: { KentMedwayFinance.partner(of: $0) },
            poolOf: { isKentMedway ? KentMedwayFinance.pool(ofPartner: $0) : nil },
            partnerName: { KentMedwayFinance.partnerName($0) })
    }
}
