import Assurance
import ConcordatCore

extension PackDemo {
    /// Synthetic monthly series of the pack's reported indicators for the demo only (the real values
    /// come from NHS England's monthly publications by `concordat indicators import`): `months` months
    /// ending at `lastMonth` (`YYYY-MM`) for every place under the system, and the system as the
    /// population-weighted mean of its places. Each series wanders around its shape's level with a winter
    /// effect, and the first place's A&E performance (`ae-4-hour`) slips over its last seven months so the
    /// dashboard has an exception to show. Seeded: the same every run.
    public func indicatorValues(
        system: HealthSystem, indicators: [Indicator], lastMonth: String, months: Int = 24, seed: UInt64 = 62
    ) -> [IndicatorValue] {
        guard let last = Month.components(lastMonth) else { return [] }
        let labels = (0..<months).reversed().map { Month.label(year: last.year, month: last.month, offset: -$0) }
        var random = SeededRandom(seed: seed)
        let places = system.children(of: system.root.code)
        let weights = places.map { Double(system.population(of: $0.code).total) }
        let total = max(weights.reduce(0, +), 1)
        var values: [IndicatorValue] = []
        for indicator in indicators where !indicator.computedFromDataset {
            guard let shape = indicatorSeries[indicator.code] else { continue }
            var byMonth = [Double](repeating: 0, count: months)
            for (placeIndex, place) in places.enumerated() {
                let offset = (random.unit() - 0.5) * shape.noise * 3
                for (monthIndex, label) in labels.enumerated() {
                    let month = Int(label.suffix(2))!
                    var value = shape.level + offset + random.normal() * shape.noise
                    if [12, 1, 2].contains(month) { value += shape.winter }
                    if placeIndex == 0, indicator.code == "ae-4-hour", monthIndex >= months - 7 {
                        value -= Double(monthIndex - (months - 8)) * 0.9
                    }
                    value = min(100, max(0, value))
                    byMonth[monthIndex] += value * weights[placeIndex] / total
                    values.append(
                        IndicatorValue(indicator: indicator.code, area: place.code, month: label, value: value))
                }
            }
            for (monthIndex, label) in labels.enumerated() {
                values.append(
                    IndicatorValue(
                        indicator: indicator.code, area: system.root.code, month: label, value: byMonth[monthIndex]))
            }
        }
        return values
    }
}

extension SystemPack {
    /// The demo's synthetic indicator series for `system`, or none when the pack seeds none.
    public func demoIndicatorValues(system: HealthSystem, lastMonth: String) -> [IndicatorValue] {
        demo?.indicatorValues(system: system, indicators: indicators, lastMonth: lastMonth) ?? []
    }
}
