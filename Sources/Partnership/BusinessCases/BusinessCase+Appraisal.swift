import Appraisal
import ConcordatCore
import Governance
import Scenarios

extension EconomicAppraisal {
    /// The schedule a scenario's appraisal discounts at, in words.
    static let standardDiscounting =
        "HM Treasury Green Book social time preference rate: 3.5% a year for years 0–30, 3.0% for 31–75; "
        + "real terms at the base year's prices"

    /// The economic case of `report`, with `parameters` (the scenario's intervals) for the tornado's values.
    init(_ report: ScenarioAppraisalReport, parameters: [UncertainParameter]) {
        let central = Dictionary(parameters.map { ($0.name, $0.central) }, uniquingKeysWith: { a, _ in a })
        let bias = report.optimismBias
        self.init(
            discounting: Self.standardDiscounting, discountFactors: report.economicCase.discountFactors,
            businessAsUsual: report.economicCase.businessAsUsual,
            options: report.economicCase.options.map { option in
                Option(
                    name: option.name, additionalPresentCostPence: option.additionalPresentCost.pence,
                    additionalPresentBenefitPence: option.additionalPresentBenefit.pence,
                    presentOptimismBiasPence: option.presentOptimismBias.pence,
                    netPresentSocialValuePence: option.netPresentSocialValue.pence,
                    benefitCostRatio: option.benefitCostRatio.value)
            }, appraised: report.name,
            optimismBias: OptimismBiasApplied(
                projectType: bias.projectType.rawValue, capital: bias.capital, operating: bias.operating,
                reason: bias.reason),
            tornado: (report.tornado?.bars ?? []).map { bar in
                SensitivityBar(
                    parameter: bar.parameter, low: bar.low, central: central[bar.parameter] ?? (bar.low + bar.high) / 2,
                    high: bar.high, npsvAtLowPence: bar.atLow, npsvAtHighPence: bar.atHigh)
            },
            switchingValues: report.switchingValues.map {
                Switching(parameter: $0.parameter, central: $0.central, value: $0.value)
            })
    }
}

extension FinancialPosition {
    /// The financial case of `report`.
    init(_ report: ScenarioAppraisalReport) {
        self.init(
            partners: report.financialCase.map { position in
                Partner(
                    partner: position.partner,
                    years: position.years.map {
                        Year(year: $0.year, cashPence: $0.cash.pence, budgetPence: $0.budget.pence)
                    })
            },
            breaches: report.breaches.map { breach in
                Breach(
                    partner: breach.partner, runs: breach.probability.runs, breaches: breach.probability.breaches,
                    headroomPence: breach.probability.headroom.pence,
                    intervalLow: breach.probability.interval.lowerBound,
                    intervalHigh: breach.probability.interval.upperBound)
            }, riskShareAgreement: report.riskShare?.agreement, riskShare: Self.borne(report.riskShare),
            riskShareUnavailable: report.riskShare?.unavailable)
    }

    /// Each partner's year of `share`, the bands rounded to the penny; `nil` when there is no settlement.
    static func borne(_ share: ScenarioResults.RiskShare?) -> [Borne]? {
        guard let share, share.unavailable == nil else { return nil }
        func pence(_ value: Double) -> Int64 {
            value.isFinite && abs(value) < 9e18 ? Int64(value.rounded()) : 0
        }
        return share.partners.indices.flatMap { index in
            share.years.map { year in
                let band = year.bornePence[index]
                return Borne(
                    partner: share.partners[index], year: Int(year.year.prefix(4)) ?? 0,
                    withoutScenarioPence: share.baselineBornePence[index],
                    principalPence: year.principalBornePence[index], p10Pence: pence(band.p10),
                    p50Pence: pence(band.p50), p90Pence: pence(band.p90))
            }
        }
    }
}
