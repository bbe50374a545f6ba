import Finance

/// The money rules a scenario's red lines are judged by: which pool each partner's budget is drawn from and
/// the conditions on spending each pool (Finance's ``RingFence``: settings, districts), as the system pack
/// gives them; each partner's line of the system's ledger (its budget envelope, ``LedgerBudget``); and the
/// risk-share agreement that settles the partners' variances (``RiskShareAgreement``).
public struct ScenarioFinance: Sendable, Hashable {
    /// The pool code each partner's budget is drawn from, where it is not its own.
    public var poolOfPartner: [String: String]
    /// Each pool's ring-fences, by pool code.
    public var ringFences: [String: [RingFence]]
    /// Each pool's name, by code.
    public var poolNames: [String: String]
    /// Each partner's budget and forecast outturn in the system's ledger, by partner code; empty when the
    /// system has no ledger (no dataset of spend).
    public var ledger: [String: LedgerBudget]
    /// Where the ledger lines come from, in words (control total, months of actuals, forecast method).
    public var ledgerSource: String?
    /// The system's risk-share agreement (its pack's `agreement.json`); `nil` when it has none.
    public var agreement: RiskShareAgreement?

    /// Makes the rules.
    public init(
        poolOfPartner: [String: String] = [:], ringFences: [String: [RingFence]] = [:],
        poolNames: [String: String] = [:], ledger: [String: LedgerBudget] = [:], ledgerSource: String? = nil,
        agreement: RiskShareAgreement? = nil
    ) {
        self.poolOfPartner = poolOfPartner
        self.ringFences = ringFences
        self.poolNames = poolNames
        self.ledger = ledger
        self.ledgerSource = ledgerSource
        self.agreement = agreement
    }
}
