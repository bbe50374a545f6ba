import ConcordatCore

extension CapitationAllocation {
    /// The budgets of the areas at `level` split by service component: a cell of area × component, whose
    /// rows add up to the areas' budgets and whose columns reconcile to the control total (see
    /// ``BudgetMatrix``).
    ///
    /// - Parameters:
    ///   - components: the component keys, in column order.
    ///   - weights: the basis's weighted populations, with their components.
    ///   - spendShares: for a basis whose components are indices on separate scales (NHS England's
    ///     published G&A, CS, MH… weighted populations), each component's share of spend; an area's
    ///     weight for component c is then share_c × WP_c,area ÷ WP_c,system. `nil` for a basis whose
    ///     components are already in money (the person-based formula), used as they are.
    public func componentMatrix(
        level: String, system: HealthSystem, components: [String], weights: [String: WeightedPopulation],
        spendShares: [String: Double]? = nil
    ) throws(BudgetMatrix.Problem) -> BudgetMatrix {
        let areas = system.areas(atLevel: level)
        var byArea: [String: [Double]] = [:]
        var systemTotals = [Double](repeating: 0, count: components.count)
        let leaf = system.levels.last?.key ?? "practice"
        for practice in system.areas(atLevel: leaf) {
            guard let record = weights[practice.code] else { continue }
            let values = components.map { record.components[$0] ?? 0 }
            for (index, value) in values.enumerated() { systemTotals[index] += value }
            guard let area = system.lineage(of: practice.code).first(where: { $0.level == level }) else { continue }
            byArea[area.code, default: [Double](repeating: 0, count: components.count)] =
                zip(byArea[area.code] ?? [Double](repeating: 0, count: components.count), values).map { $0 + $1 }
        }
        let rows = areas.map { area in
            var row = byArea[area.code] ?? [Double](repeating: 0, count: components.count)
            if let spendShares {
                row = row.indices.map { index in
                    systemTotals[index] > 0
                        ? (spendShares[components[index]] ?? 0) * row[index] / systemTotals[index] : 0
                }
            }
            return (label: area.code, budget: Money(pence: line(area.code)?.budgetPence ?? 0), weights: row)
        }
        return try BudgetMatrix(rows: rows, columns: components)
    }

    /// The places' budgets (the areas directly under the system) split across care networks by each
    /// place's own spend mix: a cell of place × network, both margins reconciling to the control total.
    ///
    /// - Parameter spendByPlace: pence by place code and network index (``CareNetworkModel/spend(of:areaOfPractice:)``).
    ///   A place with no recorded spend is split by the system's mix.
    public func networkMatrix(
        system: HealthSystem, model: CareNetworkModel, spendByPlace: [String: [Int64]]
    ) throws(BudgetMatrix.Problem) -> BudgetMatrix {
        let places = system.children(of: system.root.code)
        var systemMix = [Double](repeating: 0, count: model.networks.count)
        for mix in spendByPlace.values { for (index, pence) in mix.enumerated() { systemMix[index] += Double(pence) } }
        if systemMix.allSatisfy({ $0 == 0 }) { systemMix = systemMix.map { _ in 1 } }
        let rows = places.map { place in
            let own = spendByPlace[place.code]?.map(Double.init) ?? []
            let weights = own.contains(where: { $0 > 0 }) ? own : systemMix
            return (label: place.code, budget: Money(pence: line(place.code)?.budgetPence ?? 0), weights: weights)
        }
        return try BudgetMatrix(rows: rows, columns: model.networks.map(\.code))
    }
}

extension CareNetworkModel {
    /// Spend in a ``SpendSummary`` by area and network, in pence: for each cell's practice, the area
    /// `areaOfPractice` gives (e.g. its place).
    public func spend(of summary: SpendSummary, areaOfPractice: (String) -> String?) -> [String: [Int64]] {
        var result: [String: [Int64]] = [:]
        var areaCache: [String: String?] = [:]
        for cell in summary.cells {
            let area: String?
            if let cached = areaCache[cell.practice] {
                area = cached
            } else {
                area = areaOfPractice(cell.practice)
                areaCache[cell.practice] = area
            }
            guard let area, let setting = CareSetting(code: cell.setting) else { continue }
            let network = self.network(for: setting, age: cell.child ? 0 : 18)
            result[area, default: [Int64](repeating: 0, count: networks.count)][network] += cell.pence
        }
        return result
    }
}
