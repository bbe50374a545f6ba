import ConcordatCore

extension OptionAppraisal: Encodable {
    private enum CodingKeys: String, CodingKey {
        case name, isBusinessAsUsual, optimismBias
        case presentCapitalCost, presentOperatingCost, presentCost, presentOptimismBias
        case presentMonetisedBenefit, presentHealthBenefit, presentBenefit, netPresentValue
        case additionalPresentCost, additionalPresentBenefit, netPresentSocialValue, benefitCostRatio
        case undiscountedCost, undiscountedBenefit, years
    }

    /// Every figure, the totals included, as `Money`; the year-by-year table last.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(isBusinessAsUsual, forKey: .isBusinessAsUsual)
        try container.encodeIfPresent(optimismBias, forKey: .optimismBias)
        let amounts: [(CodingKeys, Money)] = [
            (.presentCapitalCost, presentCapitalCost), (.presentOperatingCost, presentOperatingCost),
            (.presentCost, presentCost), (.presentOptimismBias, presentOptimismBias),
            (.presentMonetisedBenefit, presentMonetisedBenefit), (.presentHealthBenefit, presentHealthBenefit),
            (.presentBenefit, presentBenefit), (.netPresentValue, netPresentValue),
            (.additionalPresentCost, additionalPresentCost), (.additionalPresentBenefit, additionalPresentBenefit),
            (.netPresentSocialValue, netPresentSocialValue), (.undiscountedCost, undiscountedCost),
            (.undiscountedBenefit, undiscountedBenefit),
        ]
        for (key, amount) in amounts { try container.encode(amount, forKey: key) }
        try container.encode(benefitCostRatio, forKey: .benefitCostRatio)
        try container.encode(years, forKey: .years)
    }
}
