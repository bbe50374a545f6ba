import Assurance
import ConcordatCore

/// Synthetic monthly series of the business-as-usual indicators for the Kent & Medway places, for the
/// demo only: the real values come from NHS England's monthly publications by `concordat indicators
/// import`. Each series wanders around a level typical of the indicator with a winter dip, and one place
/// deteriorates over its last months so the dashboard has an exception to show. Seeded: the same every run.
public enum DemoIndicatorSeries {
    /// Typical level, monthly noise and winter effect (added in December–February) for each indicator.
    static let levels: [String: (level: Double, noise: Double, winter: Double)] = [
        "ae-4-hour": (75, 1.2, -3.5), "cancer-62-day": (71, 2.0, -1.5), "cancer-28-day-fds": (77, 1.5, -1.0),
        "rtt-18-week": (58, 0.8, -0.5), "diagnostics-6-week": (19, 1.5, 2.0), "ambulance-conveyance": (52, 1.0, 1.5),
        "no-criteria-to-reside": (13, 0.9, 1.5), "bed-occupancy": (93.5, 0.8, 2.0), "cost-improvement": (86, 4.0, 0),
    ]

    /// `months` months of values ending at `lastMonth` (`YYYY-MM`) for every place under the system, and
    /// the system as the population-weighted mean of its places.
    public static func values(system: HealthSystem, lastMonth: String, months: Int = 24, seed: UInt64 = 62)
        -> [IndicatorValue]
    {
        guard let last = Month.components(lastMonth) else { return [] }
        let labels = (0..<months).reversed().map { Month.label(year: last.year, month: last.month, offset: -$0) }
        var random = SeededRandom(seed: seed)
        let places = system.children(of: system.root.code)
        let weights = places.map { Double(system.population(of: $0.code).total) }
        let total = max(weights.reduce(0, +), 1)
        var values: [IndicatorValue] = []
        for indicator in IndicatorCatalogue.standard where !indicator.computedFromDataset {
            guard let shape = levels[indicator.code] else { continue }
            var byMonth = [Double](repeating: 0, count: months)
            for (placeIndex, place) in places.enumerated() {
                let offset = (random.unit() - 0.5) * shape.noise * 3
                for (monthIndex, label) in labels.enumerated() {
                    let month = Int(label.suffix(2))!
                    var value = shape.level + offset + random.normal() * shape.noise
                    if [12, 1, 2].contains(month) { value += shape.winter }
                    // The first place's A&E performance slips over its last seven months.
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
