import ConcordatCore

/// The economic appraisal of one option: its present values, and its net present social value and
/// benefit–cost ratio against business as usual.
///
/// Each present value of a kind of stream (capital, operating, benefits, health benefits) is worked in
/// `Double` pence and rounded once, to the nearest penny with ties to even; every total and difference
/// shown is the exact sum of those rounded values, so the table adds up to the penny.
public struct OptionAppraisal: Sendable, Hashable {
    /// The option's name.
    public var name: String
    /// Whether this is the business-as-usual counterfactual.
    public var isBusinessAsUsual: Bool
    /// The optimism bias applied to the option's costs (nil: none).
    public var optimismBias: OptimismBias?
    /// Present value of capital costs, including optimism bias.
    public var presentCapitalCost: Money
    /// Present value of operating costs, including optimism bias.
    public var presentOperatingCost: Money
    /// Present value of costs: capital plus operating.
    public var presentCost: Money { presentCapitalCost + presentOperatingCost }
    /// The part of ``presentCost`` that is optimism bias (present value of the uplift).
    public var presentOptimismBias: Money
    /// Present value of monetised benefits.
    public var presentMonetisedBenefit: Money
    /// Present value of health benefits, discounted at the health rate.
    public var presentHealthBenefit: Money
    /// Present value of benefits: monetised plus health.
    public var presentBenefit: Money { presentMonetisedBenefit + presentHealthBenefit }
    /// The option's own net present value (present benefits − present costs), not against business as usual.
    public var netPresentValue: Money { presentBenefit - presentCost }
    /// Present value of costs above business as usual's (negative when the option costs less).
    public var additionalPresentCost: Money
    /// Present value of benefits above business as usual's.
    public var additionalPresentBenefit: Money
    /// Net present social value against business as usual: additional present benefits − additional
    /// present costs (0 for business as usual itself).
    public var netPresentSocialValue: Money { additionalPresentBenefit - additionalPresentCost }
    /// Benefit–cost ratio against business as usual.
    public var benefitCostRatio: BenefitCostRatio
    /// Undiscounted real costs including optimism bias, summed over the years and rounded once.
    public var undiscountedCost: Money
    /// Undiscounted real benefits, summed over the years and rounded once.
    public var undiscountedBenefit: Money
    /// The year-by-year table.
    public var years: [AppraisalYear]
    /// The option's own net present value before rounding, in pence (for sensitivity tests).
    public var exactNetPresentValue: Double

    /// Makes a result (as ``EconomicCase/appraise()`` does).
    public init(
        name: String, isBusinessAsUsual: Bool, optimismBias: OptimismBias?, presentCapitalCost: Money,
        presentOperatingCost: Money, presentOptimismBias: Money, presentMonetisedBenefit: Money,
        presentHealthBenefit: Money, additionalPresentCost: Money, additionalPresentBenefit: Money,
        benefitCostRatio: BenefitCostRatio, undiscountedCost: Money, undiscountedBenefit: Money, years: [AppraisalYear],
        exactNetPresentValue: Double
    ) {
        self.name = name
        self.isBusinessAsUsual = isBusinessAsUsual
        self.optimismBias = optimismBias
        self.presentCapitalCost = presentCapitalCost
        self.presentOperatingCost = presentOperatingCost
        self.presentOptimismBias = presentOptimismBias
        self.presentMonetisedBenefit = presentMonetisedBenefit
        self.presentHealthBenefit = presentHealthBenefit
        self.additionalPresentCost = additionalPresentCost
        self.additionalPresentBenefit = additionalPresentBenefit
        self.benefitCostRatio = benefitCostRatio
        self.undiscountedCost = undiscountedCost
        self.undiscountedBenefit = undiscountedBenefit
        self.years = years
        self.exactNetPresentValue = exactNetPresentValue
    }
}
