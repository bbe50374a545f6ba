/// Why an appraisal could not be made: what was wrong, where (a path such as `options[2].streams[0].amounts[5]`)
/// and why, so that the analyst can put it right. Nothing is appraised when any input is refused.
public struct AppraisalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of fault, stable for callers to match on.
    public enum Code: String, Sendable, Hashable {
        /// No options were given, or a list that must not be empty was empty.
        case empty
        /// The business-as-usual option named as the counterfactual is not among the options.
        case businessAsUsualMissing
        /// Two options, streams, parameters or partners share a name.
        case duplicateName
        /// A name was empty or only spaces.
        case blankName
        /// A number was NaN or infinite.
        case notFinite
        /// A year before the base year (year 0), or a calendar year too far off to be real.
        case yearOutOfRange
        /// More years than ``EconomicCase/maximumYears``.
        case horizonTooLong
        /// An amount beyond ± ``ConcordatCore/Money/inputLimit``, or a total or result beyond `Int64` pence.
        case amountOutOfRange
        /// A discount rate at or below -100%, or a schedule whose bands do not start at year 0 in order.
        case invalidRate
        /// An optimism bias below the published upper bound with no recorded reason, or a negative one.
        case optimismBiasBelowDefault
        /// An optimism bias or share outside its valid range.
        case invalidOptimismBias
        /// A price index without the base year or a year the streams need, or a non-positive index value.
        case priceIndexMissingYear
        /// An uncertain parameter whose low, central and high are out of order, or an unknown parameter.
        case invalidInterval
        /// A negative headroom or budget where one is not allowed.
        case invalidHeadroom
        /// The model given to a sensitivity test failed for a parameter value.
        case modelFailed
    }

    /// What was wrong.
    public var code: Code
    /// Where: the path of the field in the input, for example `options[2].streams[0].amounts[5]`.
    public var field: String
    /// Why, in words.
    public var reason: String

    /// Makes an error.
    public init(_ code: Code, field: String, reason: String) {
        self.code = code
        self.field = field
        self.reason = reason
    }

    /// "`field`: reason".
    public var description: String { "\(field): \(reason)" }
}
