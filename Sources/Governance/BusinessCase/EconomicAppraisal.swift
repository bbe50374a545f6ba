/// The economic case of a business case as Governance judges it: what the appraisal (module `Appraisal`,
/// `docs/APPRAISAL.md`) found, kept as plain values so the red lines can be computed without redoing it.
/// Method: HM Treasury, *The Green Book* (2022), chapters 5–6 and Annex A6; *Supplementary Green Book
/// Guidance: Optimism Bias* (2003).
public struct EconomicAppraisal: Sendable, Hashable, Codable {
    /// One option's present values against business as usual.
    public struct Option: Sendable, Hashable, Codable {
        /// Its name.
        public var name: String
        /// Additional PV of costs over business as usual (pence), optimism bias included.
        public var additionalPresentCostPence: Int64
        /// Additional PV of benefits over business as usual (pence).
        public var additionalPresentBenefitPence: Int64
        /// The optimism-bias part of its PV of costs (pence).
        public var presentOptimismBiasPence: Int64
        /// Net present social value against business as usual (pence).
        public var netPresentSocialValuePence: Int64
        /// Benefit–cost ratio, absent where the additional cost is nil or negative.
        public var benefitCostRatio: Double?

        /// Makes an option's row.
        public init(
            name: String, additionalPresentCostPence: Int64, additionalPresentBenefitPence: Int64,
            presentOptimismBiasPence: Int64, netPresentSocialValuePence: Int64, benefitCostRatio: Double?
        ) {
            self.name = name
            self.additionalPresentCostPence = additionalPresentCostPence
            self.additionalPresentBenefitPence = additionalPresentBenefitPence
            self.presentOptimismBiasPence = presentOptimismBiasPence
            self.netPresentSocialValuePence = netPresentSocialValuePence
            self.benefitCostRatio = benefitCostRatio
        }
    }

    /// The optimism bias applied to costs.
    public struct OptimismBiasApplied: Sendable, Hashable, Codable {
        /// The project type (`outsourcing`, `standard-buildings`, …).
        public var projectType: String
        /// Capital uplift, as a fraction.
        public var capital: Double
        /// Operating uplift, as a fraction.
        public var operating: Double
        /// The recorded reason for a value below the published upper bound.
        public var reason: String?

        /// Makes the record of an optimism bias.
        public init(projectType: String, capital: Double, operating: Double, reason: String?) {
            self.projectType = projectType
            self.capital = capital
            self.operating = operating
            self.reason = reason
        }
    }

    /// One bar of the tornado: NPSV with the parameter at its low and high, the others central.
    public struct SensitivityBar: Sendable, Hashable, Codable {
        /// The parameter.
        public var parameter: String
        /// Its low, central and high values.
        public var low: Double, central: Double, high: Double
        /// NPSV (pence) at its low and at its high.
        public var npsvAtLowPence: Double, npsvAtHighPence: Double

        /// Makes a bar.
        public init(
            parameter: String, low: Double, central: Double, high: Double, npsvAtLowPence: Double,
            npsvAtHighPence: Double
        ) {
            self.parameter = parameter
            self.low = low
            self.central = central
            self.high = high
            self.npsvAtLowPence = npsvAtLowPence
            self.npsvAtHighPence = npsvAtHighPence
        }

        /// |NPSV(high) − NPSV(low)|.
        public var swingPence: Double { abs(npsvAtHighPence - npsvAtLowPence) }
    }

    /// A switching value: where NPSV reaches zero, others central.
    public struct Switching: Sendable, Hashable, Codable {
        /// The parameter.
        public var parameter: String
        /// Its central value.
        public var central: Double
        /// The value at which NPSV is zero, absent when NPSV keeps one sign over the range searched.
        public var value: Double?

        /// Makes a switching value.
        public init(parameter: String, central: Double, value: Double?) {
            self.parameter = parameter
            self.central = central
            self.value = value
        }
    }

    /// The discount schedule used, in words (e.g. "HM Treasury STPR: 3.5% years 0–30, 3.0% 31–75"); `nil`
    /// when the streams were not discounted.
    public var discounting: String?
    /// The discount factor of each appraisal year (year 0 first).
    public var discountFactors: [Double]
    /// The counterfactual's name.
    public var businessAsUsual: String
    /// Every option, business as usual among them.
    public var options: [Option]
    /// The option appraised (the scenario).
    public var appraised: String
    /// The optimism bias applied, `nil` when none was.
    public var optimismBias: OptimismBiasApplied?
    /// The tornado, widest first; empty when no parameter was varied.
    public var tornado: [SensitivityBar]
    /// Switching values of the parameters whose interval takes NPSV across zero.
    public var switchingValues: [Switching]

    /// Makes an economic case.
    public init(
        discounting: String?, discountFactors: [Double], businessAsUsual: String, options: [Option],
        appraised: String, optimismBias: OptimismBiasApplied?, tornado: [SensitivityBar], switchingValues: [Switching]
    ) {
        self.discounting = discounting
        self.discountFactors = discountFactors
        self.businessAsUsual = businessAsUsual
        self.options = options
        self.appraised = appraised
        self.optimismBias = optimismBias
        self.tornado = tornado
        self.switchingValues = switchingValues
    }

    /// The appraised option's row.
    public var appraisedOption: Option? { options.first { $0.name == appraised } }

    /// What the Green Book standard asks that this case lacks: discounting, optimism bias, sensitivity.
    /// Empty when it has all three.
    public var missingForGreenBook: [String] {
        var missing: [String] = []
        if discounting == nil || discountFactors.count < 2 || discountFactors.dropFirst().allSatisfy({ $0 == 1 }) {
            missing.append("no discounting at the social time preference rate")
        }
        if optimismBias == nil || (optimismBias!.capital <= 0 && optimismBias!.operating <= 0) {
            missing.append("no optimism bias applied to costs")
        }
        if tornado.isEmpty { missing.append("no sensitivity analysis (no parameter varied across its interval)") }
        return missing
    }
}
