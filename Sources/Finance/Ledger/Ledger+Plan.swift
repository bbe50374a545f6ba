import ConcordatCore

extension Ledger {
    /// Sets up a year's ledger from the capitated place budgets and a year of spend: each place's budget
    /// is shared across the partners that served its people in proportion to what each was paid there
    /// (contracts roll forward; the place's total follows need), and the actuals are that spend month by
    /// month for the months elapsed.
    ///
    /// - Parameters:
    ///   - allocation: the capitated budgets; its places are the areas directly under the system.
    ///   - spend: a year of spend, in aggregate.
    ///   - partnerOf: the partner (budget holder) a cell of spend belongs to.
    ///   - poolOf: the pool a partner's budget is drawn from, if any.
    ///   - monthsElapsed: how many months of actuals are known (0–12).
    public static func plan(
        allocation: CapitationAllocation, system: HealthSystem, spend: SpendSummary,
        partnerOf: (SpendSummary.Cell) -> String, poolOf: (String) -> String? = { _ in nil }, monthsElapsed: Int,
        profile: SeasonalProfile = .flat
    ) throws(Invalid) -> Ledger {
        guard (0...12).contains(monthsElapsed) else { throw Invalid(description: "months elapsed must be 0–12") }
        guard spend.months.count == 12 else { throw Invalid(description: "a year of spend has 12 months") }
        let places = system.children(of: system.root.code)
        let placeOfPractice = system.placeOfLeaf
        struct Key: Hashable {
            var partner: String
            var place: String
        }
        var annual: [Key: Int64] = [:]
        var monthly: [Key: [Int64]] = [:]
        let monthIndex = Dictionary(uniqueKeysWithValues: spend.months.enumerated().map { ($1, $0) })
        for cell in spend.cells {
            guard let place = placeOfPractice[cell.practice], let month = monthIndex[cell.month] else { continue }
            let key = Key(partner: partnerOf(cell), place: place)
            annual[key, default: 0] += cell.pence
            monthly[key, default: [Int64](repeating: 0, count: 12)][month] += cell.pence
        }
        var lines: [Line] = []
        for place in places {
            let keys = annual.keys.filter { $0.place == place.code }.sorted { $0.partner < $1.partner }
            let budget = Money(pence: allocation.line(place.code)?.budgetPence ?? 0)
            guard !keys.isEmpty else {
                if budget.pence > 0 {
                    lines.append(Line(partner: "unassigned", place: place.code, annualBudget: budget, actual: []))
                }
                continue
            }
            let parts = budget.split(by: keys.map { Double(annual[$0]!) }) ?? keys.map { _ in .zero }
            for (key, part) in zip(keys, parts) {
                lines.append(
                    Line(
                        partner: key.partner, place: key.place, pool: poolOf(key.partner), annualBudget: part,
                        actual: monthly[key]!.prefix(monthsElapsed).map(Money.init(pence:))))
            }
        }
        // A line with no actuals (an unassigned place) must still carry the months elapsed.
        lines = lines.map { line in
            var line = line
            if line.actualPence.count < monthsElapsed {
                line.actualPence += [Int64](repeating: 0, count: monthsElapsed - line.actualPence.count)
            }
            return line
        }
        return try Ledger(months: spend.months, controlTotal: allocation.controlTotal, lines: lines, profile: profile)
    }

    /// Each partner's year for a risk-share settlement: its budget and its outturn (actual to date plus
    /// the forecast for the rest of the year, by `method`).
    public func positions(method: ForecastMethod, metQualityGate: (String) -> Bool = { _ in true })
        -> [RiskShareAgreement.Position]
    {
        statements { $0.partner }.sorted { $0.key < $1.key }.map { partner, statement in
            RiskShareAgreement.Position(
                partner: partner, budget: statement.annualBudget, actual: statement.outturn(method),
                metQualityGate: metQualityGate(partner))
        }
    }
}
