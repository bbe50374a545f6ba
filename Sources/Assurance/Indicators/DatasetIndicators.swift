import ConcordatCore

/// The indicators Concordat computes from the integrated dataset, month by month for every place and
/// the system: emergency admissions of people aged 75+ and A&E attendances per 1,000 registered people,
/// and cost of care per head — each annualised (a month's count × 12) so months compare with years.
/// Denominators are the people in the dataset (so a sample gives true rates), or, for a summary that
/// does not carry them, the registered populations the system carries (NHS Digital, by age band).
public enum DatasetIndicators {
    /// The values, for the areas directly under the system (places) and the system itself.
    public static func values(spend: SpendSummary, system: HealthSystem) -> [IndicatorValue] {
        let placeOf = system.placeOfLeaf
        let root = system.root.code
        let areas = [root] + system.children(of: root).map(\.code)
        struct Totals {
            var emergency75 = 0.0
            var attendances = 0.0
            var pence = 0.0
        }
        var totals: [String: [String: Totals]] = [:]  // area → month → totals
        for cell in spend.cells {
            guard let place = placeOf[cell.practice] else { continue }
            for area in [root, place] {
                var entry = totals[area, default: [:]][cell.month, default: Totals()]
                let events = Double(cell.events ?? 0)
                if cell.setting == CareSetting.inpatientNonElective.code, cell.aged75Plus {
                    entry.emergency75 += events
                }
                if cell.setting == CareSetting.ae.code { entry.attendances += events }
                entry.pence += Double(cell.pence)
                totals[area, default: [:]][cell.month] = entry
            }
        }
        var datasetPeople: [String: SpendSummary.PracticePeople] = [:]
        for (practice, count) in spend.people ?? [:] {
            guard let place = placeOf[practice] else { continue }
            for area in [root, place] {
                datasetPeople[area, default: .init(all: 0, aged75Plus: 0)].all += count.all
                datasetPeople[area, default: .init(all: 0, aged75Plus: 0)].aged75Plus += count.aged75Plus
            }
        }
        var values: [IndicatorValue] = []
        for area in areas {
            let profile = system.population(of: area)
            let people = Double(datasetPeople[area]?.all ?? profile.total)
            let older = Double(
                datasetPeople[area]?.aged75Plus
                    ?? AgeBand.all.filter { $0.lowerAge >= 75 }.reduce(0) { $0 + profile.total(in: $1) })
            for month in spend.months {
                let entry = totals[area]?[month] ?? Totals()
                if older > 0 {
                    values.append(
                        IndicatorValue(
                            indicator: "emergency-admissions-75", area: area, month: month,
                            value: entry.emergency75 * 12 / older * 1000, numerator: entry.emergency75,
                            denominator: older))
                }
                if people > 0 {
                    values.append(
                        IndicatorValue(
                            indicator: "ae-attendances", area: area, month: month,
                            value: entry.attendances * 12 / people * 1000, numerator: entry.attendances,
                            denominator: people))
                    values.append(
                        IndicatorValue(
                            indicator: "cost-per-head", area: area, month: month,
                            value: entry.pence * 12 / 100 / people,
                            numerator: entry.pence / 100, denominator: people))
                }
            }
        }
        return values
    }
}
