/// The financial case of a business case: each partner's cash by year against its budget, and the chance
/// over the scenario's runs that a partner's net cost exceeds its stated headroom (Wilson 95% interval).
/// Source: *The Green Book* (2022), chapter 2, the five case model (financial case).
public struct FinancialPosition: Sendable, Hashable, Codable {
    /// One partner's year.
    public struct Year: Sendable, Hashable, Codable {
        /// The financial year's first calendar year (2027 for 2027/28).
        public var year: Int
        /// Net cost (cash), pence.
        public var cashPence: Int64
        /// Budget, pence.
        public var budgetPence: Int64

        /// Makes a year.
        public init(year: Int, cashPence: Int64, budgetPence: Int64) {
            self.year = year
            self.cashPence = cashPence
            self.budgetPence = budgetPence
        }
    }

    /// One partner's cash against budget.
    public struct Partner: Sendable, Hashable, Codable {
        /// The partner's code.
        public var partner: String
        /// By year.
        public var years: [Year]

        /// Makes a partner's rows.
        public init(partner: String, years: [Year]) {
            self.partner = partner
            self.years = years
        }
    }

    /// One partner's probability of breaching its headroom.
    public struct Breach: Sendable, Hashable, Codable {
        /// The partner's code.
        public var partner: String
        /// Runs simulated.
        public var runs: Int
        /// Runs whose net cost was strictly above the headroom.
        public var breaches: Int
        /// The headroom, pence.
        public var headroomPence: Int64
        /// Wilson 95% interval of the probability.
        public var intervalLow: Double, intervalHigh: Double

        /// Makes a breach probability.
        public init(
            partner: String, runs: Int, breaches: Int, headroomPence: Int64, intervalLow: Double, intervalHigh: Double
        ) {
            self.partner = partner
            self.runs = runs
            self.breaches = breaches
            self.headroomPence = headroomPence
            self.intervalLow = intervalLow
            self.intervalHigh = intervalHigh
        }

        /// breaches ÷ runs (0 with no runs).
        public var probability: Double { runs > 0 ? Double(breaches) / Double(runs) : 0 }
    }

    /// What one partner bears in one year under the system's risk-share agreement, after the settlement of
    /// its variance (forecast outturn − budget), pence.
    public struct Borne: Sendable, Hashable, Codable {
        /// The partner's code.
        public var partner: String
        /// The financial year's first calendar year (2027 for 2027/28).
        public var year: Int
        /// What it bears without the scenario (the ledger's own settlement).
        public var withoutScenarioPence: Int64
        /// What it bears in the principal projection.
        public var principalPence: Int64
        /// The 10th, 50th and 90th percentiles over the runs.
        public var p10Pence: Int64, p50Pence: Int64, p90Pence: Int64

        /// Makes a partner's year.
        public init(
            partner: String, year: Int, withoutScenarioPence: Int64, principalPence: Int64, p10Pence: Int64,
            p50Pence: Int64, p90Pence: Int64
        ) {
            self.partner = partner
            self.year = year
            self.withoutScenarioPence = withoutScenarioPence
            self.principalPence = principalPence
            self.p10Pence = p10Pence
            self.p50Pence = p50Pence
            self.p90Pence = p90Pence
        }
    }

    /// Cash by year per partner.
    public var partners: [Partner]
    /// Breach probabilities per partner.
    public var breaches: [Breach]
    /// The risk-share agreement the partners' variances are settled by; `nil` when there is none (or in a
    /// case drafted before the settlement was recorded).
    public var riskShareAgreement: String? = nil
    /// Who bears what under it, by partner and year.
    public var riskShare: [Borne]? = nil
    /// Why there is no settlement, when there is none.
    public var riskShareUnavailable: String? = nil

    /// Makes a financial case.
    public init(
        partners: [Partner], breaches: [Breach], riskShareAgreement: String? = nil, riskShare: [Borne]? = nil,
        riskShareUnavailable: String? = nil
    ) {
        self.partners = partners
        self.breaches = breaches
        self.riskShareAgreement = riskShareAgreement
        self.riskShare = riskShare
        self.riskShareUnavailable = riskShareUnavailable
    }

    /// `partner`'s breach probability, if simulated.
    public func breach(of partner: String) -> Breach? { breaches.first { $0.partner == partner } }
}
