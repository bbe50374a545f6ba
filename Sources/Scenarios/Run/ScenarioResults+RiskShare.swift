extension ScenarioResults {
    /// Where a partner's budget envelope comes from.
    public enum EnvelopeBasis: String, Sendable, Hashable, Codable, CaseIterable {
        /// Stated in the scenario's definition (`envelopes`): compared with the partner's net cost as it is.
        case stated
        /// From the system's ledger: the partner's baseline cost plus its headroom (ledger budget − forecast
        /// outturn), so that the modelled net cost is within it exactly when the modelled cost plus the rest
        /// of the partner's ledger is within its ledger budget.
        case ledgerBudget = "ledger-budget"
        /// The partner's baseline cost: it has no ledger line (and none is stated).
        case baselineCost = "baseline-cost"

        /// The basis in words.
        public var label: String {
            switch self {
            case .stated: "stated in the scenario"
            case .ledgerBudget: "ledger budget (baseline cost + headroom)"
            case .baselineCost: "baseline cost (no ledger line)"
            }
        }
    }

    /// Who bears what under the system's risk-share agreement (``Finance/RiskShareAgreement``), in every
    /// run and year: each partner in the ledger is settled with its ledger budget and a forecast outturn of
    /// its ledger outturn plus the scenario's change in its net cost (net cost in the year − baseline cost);
    /// a partner the scenario moves money to that has no ledger line is outside the agreement and bears its
    /// own change. Pence at base-year prices.
    public struct RiskShare: Sendable, Hashable, Codable {
        /// The agreement's name; `nil` when the system has none.
        public var agreement: String?
        /// Why there is no settlement, in words (no agreement, no ledger, or the agreement could not settle).
        public var unavailable: String?
        /// Where the ledger lines come from, in words.
        public var ledgerSource: String?
        /// The partners settled, in the order of every list below: the ledger's partners.
        public var partners: [String]
        /// Each settled partner's ledger budget, pence.
        public var budgetPence: [Int64]
        /// Each settled partner's ledger forecast outturn without the scenario, pence.
        public var outturnPence: [Int64]
        /// What each bears with no change from the scenario (the ledger's own settlement, as
        /// `concordat settle` gives it), pence.
        public var baselineBornePence: [Int64]
        /// Partners whose net cost the scenario changes that have no ledger line: outside the agreement.
        public var outsideAgreement: [String]
        /// Each projected year's settlement.
        public var years: [Year]
        /// The Monte Carlo runs settled (every run, every year).
        public var runsSettled: Int
        /// The runs in which, in every year, the amounts borne add up to the system variance to the penny
        /// (always ``runsSettled``; shown so a reader can see it checked).
        public var runsAddingUp: Int

        /// One projected year's settlement.
        public struct Year: Sendable, Hashable, Codable {
            /// The year.
            public var year: String
            /// Each partner's variance (forecast outturn − budget) over the runs, pence.
            public var variancePence: [Band]
            /// What each partner bears after the settlement over the runs, pence.
            public var bornePence: [Band]
            /// What each bears beyond what it bears without the scenario (borne − ``baselineBornePence``)
            /// over the runs, pence.
            public var beyondBaselinePence: [Band]
            /// The principal projection's variance, pence.
            public var principalVariancePence: [Int64]
            /// What each bears in the principal projection, pence.
            public var principalBornePence: [Int64]
            /// The principal projection's system variance (Σ variance = Σ borne), pence.
            public var principalSystemVariancePence: Int64
        }

        /// A settlement that cannot be made, saying why.
        public static func unavailable(_ reason: String, agreement: String? = nil, ledgerSource: String? = nil)
            -> RiskShare
        {
            RiskShare(
                agreement: agreement, unavailable: reason, ledgerSource: ledgerSource, partners: [], budgetPence: [],
                outturnPence: [], baselineBornePence: [], outsideAgreement: [], years: [], runsSettled: 0,
                runsAddingUp: 0)
        }
    }
}
