import ConcordatCore
import Foundation

/// The economic case of a business case: shortlisted options and business as usual, their costs and
/// benefits by year, appraised as the Green Book asks — real terms at base-year prices, optimism bias on
/// costs, discounting at the social time preference rate (health effects at the health rate), and each
/// option's net present social value and benefit–cost ratio against business as usual
/// (HM Treasury, *The Green Book*, 2022, updated February 2026, chapter 5 and Annex A6; optimism bias from its supplementary guidance).
public struct EconomicCase: Sendable, Hashable {
    /// The most years an appraisal may run over (year 0 to year 999): far beyond any Green Book horizon,
    /// but a bound so that a mistyped horizon is refused rather than computed.
    public static let maximumYears = 1_000
    /// The largest present value, in pence, that an appraisal reports (£10 quadrillion): a bound that keeps
    /// every total and difference of results inside `Int64`.
    public static let resultLimit: Int64 = 1_000_000_000_000_000_000

    /// The options, including business as usual.
    public var options: [AppraisalOption]
    /// The name of the business-as-usual option, the counterfactual every option is compared against.
    public var businessAsUsual: String
    /// The schedule for costs and monetised benefits (default: the Green Book STPR).
    public var schedule: DiscountSchedule
    /// The schedule for health benefits (default: the Green Book health rate).
    public var healthSchedule: DiscountSchedule
    /// The prices the streams are entered in.
    public var priceBasis: PriceBasis
    /// The appraisal period in years (year 0 to `years − 1`), the same for every option; a stream longer
    /// than it is refused and a shorter one counts as zero after its end. Nil: the longest stream's length.
    public var years: Int?

    /// Makes a case.
    public init(
        options: [AppraisalOption], businessAsUsual: String, schedule: DiscountSchedule = .standard,
        healthSchedule: DiscountSchedule = .health, priceBasis: PriceBasis = .real, years: Int? = nil
    ) {
        self.years = years
        self.options = options
        self.businessAsUsual = businessAsUsual
        self.schedule = schedule
        self.healthSchedule = healthSchedule
        self.priceBasis = priceBasis
    }

    /// Appraises every option, in the order given, business as usual included.
    /// - Throws: ``AppraisalError`` naming the field, for: no options; a blank or repeated option name;
    ///   business as usual missing; an amount beyond ± ``ConcordatCore/Money/inputLimit``; a negative cost;
    ///   more than ``maximumYears`` years; a price index without a needed year; a result beyond
    ///   ``resultLimit``.
    public func appraise() throws(AppraisalError) -> EconomicCaseResult {
        guard !options.isEmpty else {
            throw AppraisalError(.empty, field: "options", reason: "an economic case needs at least one option")
        }
        var seen: Set<String> = []
        for (index, option) in options.enumerated() {
            let name = option.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else {
                throw AppraisalError(.blankName, field: "options[\(index)].name", reason: "an option needs a name")
            }
            guard seen.insert(name).inserted else {
                throw AppraisalError(
                    .duplicateName, field: "options[\(index)].name", reason: "another option is also named \"\(name)\"")
            }
        }
        let bauName = businessAsUsual.trimmingCharacters(in: .whitespacesAndNewlines)
        guard
            let bauIndex = options.firstIndex(where: {
                $0.name.trimmingCharacters(in: .whitespacesAndNewlines) == bauName
            })
        else {
            throw AppraisalError(
                .businessAsUsualMissing, field: "businessAsUsual",
                reason: "no option is named \"\(businessAsUsual)\"; business as usual must be one of the options")
        }
        let horizon = try checkedHorizon()
        let factors = try schedule.factors(through: max(horizon - 1, 0))
        let healthFactors = try healthSchedule.factors(through: max(horizon - 1, 0))
        let realFactors = try realTermsFactors(horizon: horizon)
        var sums: [OptionSums] = []
        for (index, option) in options.enumerated() {
            sums.append(
                try OptionSums(
                    option, field: "options[\(index)]", horizon: horizon, factors: factors,
                    healthFactors: healthFactors, realFactors: realFactors))
        }
        let bau = sums[bauIndex]
        let results = options.enumerated().map { index, option in
            let own = sums[index]
            let additionalCost = own.presentCost - bau.presentCost
            let additionalBenefit = own.presentBenefit - bau.presentBenefit
            let ratio: BenefitCostRatio =
                additionalCost.pence > 0
                ? .ratio(Double(additionalBenefit.pence) / Double(additionalCost.pence))
                : additionalCost.pence == 0 ? .noAdditionalCost : .costSaving
            return OptionAppraisal(
                name: option.name, isBusinessAsUsual: index == bauIndex, optimismBias: option.optimismBias,
                presentCapitalCost: own.capital, presentOperatingCost: own.operating,
                presentOptimismBias: own.optimismBias, presentMonetisedBenefit: own.benefit,
                presentHealthBenefit: own.healthBenefit, additionalPresentCost: additionalCost,
                additionalPresentBenefit: additionalBenefit, benefitCostRatio: ratio,
                undiscountedCost: own.undiscountedCost, undiscountedBenefit: own.undiscountedBenefit, years: own.years,
                exactNetPresentValue: own.exactNetPresentValue)
        }
        return EconomicCaseResult(
            options: results, businessAsUsual: options[bauIndex].name, horizonYears: horizon,
            discountFactors: factors.prefix(horizon).map { $0 },
            healthDiscountFactors: healthFactors.prefix(horizon).map { $0 })
    }

    /// The net present social value of one option against business as usual, in pence and unrounded
    /// (for sensitivity tests and switching values, where rounding to the penny would make the search step).
    /// - Throws: as ``appraise()``, and `businessAsUsualMissing` when no option is named `option`.
    public func exactNetPresentSocialValue(of option: String) throws(AppraisalError) -> Double {
        let result = try appraise()
        guard let target = result.options.first(where: { $0.name == option }),
            let bau = result.options.first(where: \.isBusinessAsUsual)
        else {
            throw AppraisalError(.businessAsUsualMissing, field: "option", reason: "no option is named \"\(option)\"")
        }
        return target.exactNetPresentValue - bau.exactNetPresentValue
    }

    /// The number of years: ``years`` when given, else the longest stream; checked against ``maximumYears``.
    private func checkedHorizon() throws(AppraisalError) -> Int {
        if let years {
            guard (1...Self.maximumYears).contains(years) else {
                throw AppraisalError(
                    .horizonTooLong, field: "years",
                    reason: "an appraisal period must be from 1 to \(Self.maximumYears) years (got \(years))")
            }
        }
        let limit = years ?? Self.maximumYears
        var horizon = years ?? 0
        for (o, option) in options.enumerated() {
            for (s, stream) in option.streams.enumerated() {
                guard stream.amounts.count <= limit else {
                    throw AppraisalError(
                        .horizonTooLong, field: "options[\(o)].streams[\(s)].amounts",
                        reason: "\(stream.amounts.count) years is longer than the \(limit)-year appraisal period")
                }
                horizon = max(horizon, stream.amounts.count)
            }
        }
        return horizon
    }

    /// The factor turning each year's amounts into base-year prices (all 1 when already real).
    private func realTermsFactors(horizon: Int) throws(AppraisalError) -> [Double] {
        switch priceBasis {
        case .real:
            return Array(repeating: 1, count: horizon)
        case .nominal(let index, let firstYear):
            var factors: [Double] = []
            for year in 0..<horizon {
                let (calendarYear, overflow) = firstYear.addingReportingOverflow(year)
                guard !overflow else {
                    throw AppraisalError(
                        .priceIndexMissingYear, field: "priceBasis.firstYear", reason: "the first year is out of range")
                }
                factors.append(try index.realTermsFactor(year: calendarYear))
            }
            return factors
        }
    }
}

/// Rounds a sum of pence to a whole penny, ties to even, refusing anything beyond ``EconomicCase/resultLimit``.
func roundedPence(_ value: Double, field: String) throws(AppraisalError) -> Money {
    guard value.isFinite else {
        throw AppraisalError(.notFinite, field: field, reason: "the result is not a number")
    }
    let rounded = value.rounded(.toNearestOrEven)
    guard rounded.magnitude <= Double(EconomicCase.resultLimit) else {
        throw AppraisalError(
            .amountOutOfRange, field: field,
            reason: "the result is beyond £10 quadrillion, the largest present value an appraisal reports")
    }
    return Money(pence: Int64(rounded))
}
