/// An option's benefit–cost ratio against business as usual: the present value of its additional benefits
/// over the present value of its additional costs (HM Treasury, *The Green Book*, 2022, chapter 5, benefit–cost ratios).
///
/// The ratio is only meaningful when the option costs more than business as usual; when it costs the same
/// or less, no ratio is given and the option is judged on its net present social value alone.
public enum BenefitCostRatio: Sendable, Hashable {
    /// ΔPV benefits ÷ ΔPV costs, with ΔPV costs above zero.
    case ratio(Double)
    /// The option's present value of costs equals business as usual's (ΔPV costs = 0): the ratio would be a
    /// division by zero, so none is given. Business as usual itself is reported so.
    case noAdditionalCost
    /// The option costs less than business as usual (ΔPV costs < 0): a ratio would have the wrong sign
    /// and meaning, so none is given; the saving is in its net present social value.
    case costSaving

    /// The ratio, when there is one.
    public var value: Double? {
        if case .ratio(let value) = self { return value }
        return nil
    }
}
