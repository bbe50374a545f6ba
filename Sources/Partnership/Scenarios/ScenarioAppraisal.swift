import Appraisal
import ConcordatCore
import Foundation
import Scenarios

/// The Green Book economic and financial case of a scenario (issue 17): runs the scenario, takes its
/// appraisal streams (each partner's business-as-usual and scenario cost of activity, capital and revenue
/// invested, by year, pence at base-year prices) and appraises the scenario against business as usual.
///
/// What counts: the **benefit** is the cost of activity avoided (business as usual less the scenario, summed
/// over partners; negative where the scenario costs more), the **costs** are the capital and revenue
/// invested, raised by optimism bias. Business as usual has neither, so its NPSV is 0 and the scenario's NPSV
/// is PV(cost avoided) − PV(investment with optimism bias). Years are the scenario's projected years
/// 1…horizon after the base year (year 0, nothing in it). Method: HM Treasury, *The Green Book* (2022);
/// *Supplementary Green Book Guidance: Optimism Bias* (2003); see `docs/APPRAISAL.md`.
public struct ScenarioAppraisal: Sendable {
    /// The name of the counterfactual option.
    public static let businessAsUsual = "Business as usual"

    /// The model that is appraised.
    public var model: ScenarioModel
    /// The optimism bias applied to the scenario's investment.
    public var optimismBias: OptimismBias

    /// An appraisal of `model` with `optimismBias`.
    public init(model: ScenarioModel, optimismBias: OptimismBias) {
        self.model = model
        self.optimismBias = optimismBias
    }

    /// The optimism bias of `projectType`: the published upper bounds, or `percent` (applied to capital, and to
    /// operating expenditure where the type has an operating uplift) with the `reason` that justifies a lower
    /// value. Source: *Supplementary Green Book Guidance: Optimism Bias* (2003), Table 1.
    /// - Throws: ``Appraisal/AppraisalError`` `optimismBiasBelowDefault` for a lower value without a reason.
    public static func optimismBias(
        _ projectType: ProjectType, percent: Double? = nil, reason: String? = nil
    ) throws(AppraisalError) -> OptimismBias {
        guard let percent else {
            guard reason == nil else {
                throw AppraisalError(
                    .invalidOptimismBias, field: "optimismBias.reason",
                    reason: "a reason is only needed with a chosen optimism bias percentage")
            }
            return OptimismBias(upperBoundsFor: projectType)
        }
        let fraction = percent / 100
        return try OptimismBias(
            projectType: projectType, capital: projectType.capitalUpperBound > 0 ? fraction : 0,
            operating: projectType.operatingUpperBound > 0 ? fraction : 0, reason: reason)
    }

    /// The economic case of a run's streams: business as usual (no streams) and the scenario (capital,
    /// revenue, cost avoided), over year 0 (the base year) to the horizon.
    public func economicCase(of results: ScenarioResults) -> EconomicCase {
        var capital = [Money](repeating: .zero, count: results.years.count + 1)
        var revenue = capital
        var avoided = capital
        for (index, year) in results.years.enumerated() {
            for stream in results.streams where stream.year == year {
                capital[index + 1] = capital[index + 1] + Money(pence: stream.capitalPence)
                revenue[index + 1] = revenue[index + 1] + Money(pence: stream.revenuePence)
                avoided[index + 1] = avoided[index + 1] + Money(pence: stream.savingPence)
            }
        }
        let scenario = AppraisalOption(
            results.name,
            streams: [
                CashStream("Capital invested", kind: .capitalCost, amounts: capital),
                CashStream("Revenue invested", kind: .operatingCost, amounts: revenue),
                CashStream("Cost of activity avoided", kind: .benefit, amounts: avoided),
            ], optimismBias: optimismBias)
        return EconomicCase(
            options: [AppraisalOption(Self.businessAsUsual, streams: []), scenario],
            businessAsUsual: Self.businessAsUsual, years: results.years.count + 1)
    }

    /// The scenario's interval parameters (growth rates, price uplift, change fractions; not occupancy, which
    /// moves beds, not cost): low, central and high, each clipped to its valid range.
    public var parameters: [UncertainParameter] {
        get throws(AppraisalError) {
            var parameters: [UncertainParameter] = []
            for slot in Self.slots(of: model.scenario) where !slot.value.isPoint {
                let value = slot.value
                let low = min(max(value.low, slot.range.lowerBound), slot.range.upperBound)
                let high = max(min(value.high, slot.range.upperBound), low)
                let central = min(max(value.central(clippedTo: slot.range), low), high)
                parameters.append(try UncertainParameter(slot.name, low: low, central: central, high: high))
            }
            return parameters
        }
    }

    /// The scenario's exact NPSV (pence, unrounded) with every interval parameter at the point given in
    /// `values` (central where not given): the principal projection only.
    public func netPresentSocialValue(at values: [String: Double]) throws -> Double {
        var scenario = model.scenario
        scenario.runs = 1
        for slot in Self.slots(of: scenario) where !slot.value.isPoint {
            slot.set(&scenario, UncertainValue(point: values[slot.name] ?? slot.value.central(clippedTo: slot.range)))
        }
        let results = try ScenarioModel(scenario: scenario, baseline: model.baseline, finance: model.finance)
            .results()
        return try economicCase(of: results).exactNetPresentSocialValue(of: results.name)
    }

    /// Runs the scenario and appraises it: the economic case, the tornado and switching values over its
    /// interval parameters, and the financial case with each partner's probability of exceeding its budget.
    /// - Throws: ``Appraisal/AppraisalError`` or the scenario model's refusal.
    public func appraise(progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws -> ScenarioAppraisalReport
    {
        let results = model.results(progress: progress)
        let economic = try economicCase(of: results).appraise()
        let option = try economic.option(named: results.name).unwrap("the scenario option")
        let parameters = try self.parameters
        var tornado: Tornado?
        var switching: [SwitchingValue] = []
        if !parameters.isEmpty {
            let appraisal = self
            let sensitivity = try SensitivityModel(parameters: parameters) { values in
                try appraisal.netPresentSocialValue(at: values.values)
            }
            let bars = try Tornado(sensitivity)
            tornado = bars
            // A switching value exists within an interval only where NPSV changes sign across it.
            for bar in bars.bars where (bar.atLow < 0) != (bar.atHigh < 0) {
                switching.append(try SwitchingValue(of: bar.parameter, in: sensitivity))
            }
        }
        // Financial case: each partner's net cost (activity plus investment) against its envelope by year.
        let runs = Array(model.everyRun().dropFirst())
        var flows: [PartnerCashFlow] = []
        var breaches: [ScenarioAppraisalReport.PartnerBreach] = []
        for (index, partner) in results.partners.enumerated() {
            guard
                let envelope = results.redLines.first(where: { $0.kind == .envelope && $0.subject == partner })?
                    .envelopePence
            else { continue }
            let cash = results.principal.map { Money(pence: $0.netCostByPartnerPence[index]) }
            let budget = [Money](repeating: Money(pence: envelope), count: cash.count)
            flows.append(
                PartnerCashFlow(partner: partner, firstYear: model.scenario.baseYear + 1, cash: cash, budget: budget))
            let headroom = Money(pence: envelope * Int64(cash.count))
            let totals = runs.map { run in Money(pence: run.reduce(0) { $0 + $1.netCostByPartnerPence[index] }) }
            if !totals.isEmpty {
                breaches.append(
                    .init(
                        partner: partner,
                        probability: try BreachProbability(netCosts: totals, headroom: headroom)))
            }
        }
        return ScenarioAppraisalReport(
            name: results.name, baseYear: results.baseYear, years: results.years, runs: results.runs,
            benefit: "cost of activity avoided: business as usual less the scenario, all partners",
            costs: "capital and revenue invested, with optimism bias",
            optimismBias: optimismBias, netPresentSocialValuePence: option.netPresentSocialValue.pence,
            benefitCostRatio: option.benefitCostRatio.value, economicCase: economic, tornado: tornado,
            switchingValues: switching, financialCase: try FinancialCase(partners: flows).positions(),
            breaches: breaches, riskShare: results.riskShare)
    }

    /// One interval parameter of a scenario: its name, value, valid range and where it goes.
    struct Slot {
        var name: String
        var value: UncertainValue
        var range: ClosedRange<Double>
        var set: (inout Scenario, UncertainValue) -> Void
    }

    /// The scenario's uncertain values, named as the definition's reader would know them.
    static func slots(of scenario: Scenario) -> [Slot] {
        var slots: [Slot] = []
        let demographicRules = Set(scenario.demographicRuleOfBand.compactMap { $0 })
        for (index, value) in scenario.growthValues.enumerated() {
            let name =
                demographicRules.contains(index)
                ? "demographic growth rule \(index + 1)" : "growth rule \(index + 1) (non-demographic)"
            slots.append(
                Slot(name: name, value: value, range: Scenario.growthRange) { $0.growthValues[index] = $1 })
        }
        slots.append(
            Slot(name: "price uplift", value: scenario.priceUplift, range: Scenario.growthRange) { $0.priceUplift = $1 }
        )
        for (index, change) in scenario.changes.enumerated() {
            slots.append(
                Slot(name: "fraction: \(change.name)", value: change.fraction, range: Scenario.fractionRange) {
                    $0.changes[index].fraction = $1
                })
        }
        return slots
    }
}

extension Optional {
    fileprivate func unwrap(_ what: String) throws(AppraisalError) -> Wrapped {
        guard let self else {
            throw AppraisalError(.businessAsUsualMissing, field: "options", reason: "\(what) is missing")
        }
        return self
    }
}
