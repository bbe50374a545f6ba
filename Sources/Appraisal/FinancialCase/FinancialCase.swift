import ConcordatCore
import Foundation

/// The financial case: affordability, each partner's cash by year against its budget (HM Treasury,
/// *The Green Book*, 2022, chapter 2, "The five case model" — the financial case — and the Better Business Cases
/// guidance). Cash is not discounted and is in each year's own prices, as budgets are.
public struct FinancialCase: Sendable, Hashable {
    /// The most years a financial case may cover.
    public static let maximumYears = 100

    /// The partners' cash flows.
    public var partners: [PartnerCashFlow]

    /// Makes a case.
    public init(partners: [PartnerCashFlow]) { self.partners = partners }

    /// Each partner's position, in the order given.
    /// - Throws: ``AppraisalError`` naming `partners[i]...` for: no partners; a blank or repeated partner;
    ///   cash and budget of different lengths or more than ``maximumYears``; a negative budget; an amount
    ///   beyond ± ``ConcordatCore/Money/inputLimit``; a year out of range.
    public func positions() throws(AppraisalError) -> [PartnerPosition] {
        guard !partners.isEmpty else {
            throw AppraisalError(.empty, field: "partners", reason: "a financial case needs at least one partner")
        }
        var seen: Set<String> = []
        var positions: [PartnerPosition] = []
        for (p, flow) in partners.enumerated() {
            let field = "partners[\(p)]"
            let name = flow.partner.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else {
                throw AppraisalError(.blankName, field: "\(field).partner", reason: "a partner needs a name")
            }
            guard seen.insert(name).inserted else {
                throw AppraisalError(
                    .duplicateName, field: "\(field).partner", reason: "\"\(name)\" appears more than once")
            }
            guard flow.cash.count == flow.budget.count else {
                throw AppraisalError(
                    .invalidHeadroom, field: "\(field).budget",
                    reason: "\(flow.budget.count) years of budget for \(flow.cash.count) years of cash")
            }
            guard flow.cash.count <= Self.maximumYears else {
                throw AppraisalError(
                    .horizonTooLong, field: "\(field).cash", reason: "more than \(Self.maximumYears) years")
            }
            guard flow.firstYear.magnitude < 100_000 else {
                throw AppraisalError(.yearOutOfRange, field: "\(field).firstYear", reason: "the year is out of range")
            }
            var years: [PartnerYear] = []
            var cumulativeCash = Money.zero
            var cumulativeBudget = Money.zero
            for year in flow.cash.indices {
                let cash = flow.cash[year]
                let budget = flow.budget[year]
                for (label, amount) in [("cash", cash), ("budget", budget)]
                where amount.pence.magnitude > Money.inputLimit.pence.magnitude {
                    throw AppraisalError(
                        .amountOutOfRange, field: "\(field).\(label)[\(year)]",
                        reason: "\(amount) is beyond ±\(Money.inputLimit), the largest amount Concordat accepts")
                }
                guard budget.pence >= 0 else {
                    throw AppraisalError(
                        .invalidHeadroom, field: "\(field).budget[\(year)]", reason: "a budget cannot be negative")
                }
                // Bounded inputs (≤ 10^14 pence) over ≤ 100 years keep every sum far inside Int64.
                cumulativeCash = cumulativeCash + cash
                cumulativeBudget = cumulativeBudget + budget
                years.append(
                    PartnerYear(
                        year: flow.firstYear + year, cash: cash, budget: budget, headroom: budget - cash,
                        cumulativeCash: cumulativeCash, cumulativeBudget: cumulativeBudget))
            }
            positions.append(PartnerPosition(partner: flow.partner, years: years))
        }
        return positions
    }
}
