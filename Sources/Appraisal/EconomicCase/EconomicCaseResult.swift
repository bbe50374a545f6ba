/// The appraisal of every option of an economic case against business as usual.
public struct EconomicCaseResult: Sendable, Hashable, Encodable {
    /// The options in the order given, business as usual included.
    public var options: [OptionAppraisal]
    /// The name of the business-as-usual option.
    public var businessAsUsual: String
    /// The number of years appraised (year 0 to `horizonYears − 1`).
    public var horizonYears: Int
    /// The discount factor for each year, for costs and monetised benefits.
    public var discountFactors: [Double]
    /// The discount factor for each year, for health benefits.
    public var healthDiscountFactors: [Double]

    /// Makes a result.
    public init(
        options: [OptionAppraisal], businessAsUsual: String, horizonYears: Int, discountFactors: [Double],
        healthDiscountFactors: [Double]
    ) {
        self.options = options
        self.businessAsUsual = businessAsUsual
        self.horizonYears = horizonYears
        self.discountFactors = discountFactors
        self.healthDiscountFactors = healthDiscountFactors
    }

    /// The option with the highest net present social value (the first on a tie), business as usual
    /// included (its NPSV is 0, so it is preferred when every option has a negative NPSV).
    public var preferred: OptionAppraisal? {
        options.enumerated().max(by: { lhs, rhs in
            lhs.element.netPresentSocialValue != rhs.element.netPresentSocialValue
                ? lhs.element.netPresentSocialValue < rhs.element.netPresentSocialValue : lhs.offset > rhs.offset
        })?.element
    }

    /// The appraisal of the option named `name`, if there is one.
    public func option(named name: String) -> OptionAppraisal? { options.first { $0.name == name } }
}
