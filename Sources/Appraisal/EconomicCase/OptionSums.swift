import ConcordatCore

/// One option's streams checked, put in real terms, uplifted by optimism bias, discounted and summed; each
/// present value rounded once.
struct OptionSums {
    var capital: Money
    var operating: Money
    var optimismBias: Money
    var benefit: Money
    var healthBenefit: Money
    var undiscountedCost: Money
    var undiscountedBenefit: Money
    var exactNetPresentValue: Double
    var years: [AppraisalYear]

    var presentCost: Money { capital + operating }
    var presentBenefit: Money { benefit + healthBenefit }

    init(
        _ option: AppraisalOption, field: String, horizon: Int, factors: [Double], healthFactors: [Double],
        realFactors: [Double]
    ) throws(AppraisalError) {
        let capitalUplift = option.optimismBias?.capital ?? 0
        let operatingUplift = option.optimismBias?.operating ?? 0
        var real = Array(repeating: [0.0, 0.0, 0.0, 0.0], count: horizon)  // capital, operating, benefit, health
        for (s, stream) in option.streams.enumerated() {
            let kind = StreamKind.allCases.firstIndex(of: stream.kind)!
            for (year, amount) in stream.amounts.enumerated() {
                let place = "\(field).streams[\(s)].amounts[\(year)]"
                guard amount.pence.magnitude <= Money.inputLimit.pence.magnitude else {
                    throw AppraisalError(
                        .amountOutOfRange, field: place,
                        reason: "\(amount) is beyond ±\(Money.inputLimit), the largest amount Concordat accepts")
                }
                guard !stream.kind.isCost || amount.pence >= 0 else {
                    throw AppraisalError(
                        .amountOutOfRange, field: place,
                        reason: "a cost cannot be negative (\(amount)); enter a saving as a benefit, or as a cost of "
                            + "business as usual")
                }
                real[year][kind] += Double(amount.pence) * realFactors[year]
            }
        }
        var pv = [0.0, 0.0, 0.0, 0.0]
        var pvUplift = 0.0
        var undiscountedCost = 0.0
        var undiscountedBenefit = 0.0
        var years: [AppraisalYear] = []
        years.reserveCapacity(horizon)
        for year in 0..<horizon {
            let capital = real[year][0] * (1 + capitalUplift)
            let operating = real[year][1] * (1 + operatingUplift)
            let uplift = real[year][0] * capitalUplift + real[year][1] * operatingUplift
            pv[0] += capital * factors[year]
            pv[1] += operating * factors[year]
            pv[2] += real[year][2] * factors[year]
            pv[3] += real[year][3] * healthFactors[year]
            pvUplift += uplift * factors[year]
            undiscountedCost += capital + operating
            undiscountedBenefit += real[year][2] + real[year][3]
            years.append(
                AppraisalYear(
                    year: year, discountFactor: factors[year], healthDiscountFactor: healthFactors[year],
                    capitalCost: capital, operatingCost: operating, benefit: real[year][2],
                    healthBenefit: real[year][3]))
        }
        self.capital = try roundedPence(pv[0], field: "\(field).presentCapitalCost")
        self.operating = try roundedPence(pv[1], field: "\(field).presentOperatingCost")
        self.benefit = try roundedPence(pv[2], field: "\(field).presentMonetisedBenefit")
        self.healthBenefit = try roundedPence(pv[3], field: "\(field).presentHealthBenefit")
        self.optimismBias = try roundedPence(pvUplift, field: "\(field).presentOptimismBias")
        self.undiscountedCost = try roundedPence(undiscountedCost, field: "\(field).undiscountedCost")
        self.undiscountedBenefit = try roundedPence(undiscountedBenefit, field: "\(field).undiscountedBenefit")
        self.exactNetPresentValue = pv[2] + pv[3] - pv[0] - pv[1]
        self.years = years
    }
}
