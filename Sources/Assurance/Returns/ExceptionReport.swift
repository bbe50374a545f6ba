import Foundation

/// Finds the exceptions in an area's indicators: for each indicator, its series charted the Making Data
/// Count way (with the target in force in the latest month) and, when the chart has its 13 points, an
/// escalation if the latest point shows special cause concern or the target will be consistently failed.
public enum ExceptionReport {
    /// The escalations `values` (any areas, indicators and months) call for in `area` as at `month`.
    public static func escalations(
        in values: [IndicatorValue], area: String, month: String, catalogue: [Indicator] = IndicatorCatalogue.standard,
        raisedAt: Date, returnID: Int64? = nil
    ) -> [Escalation] {
        var raised: [Escalation] = []
        for indicator in catalogue {
            let series = values.filter {
                $0.indicator == indicator.code && $0.subject == .area(area) && $0.month <= month
            }
            .sorted { $0.month < $1.month }
            guard series.last?.month == month,
                let chart = try? XmRChart(
                    values: series.map(\.value),
                    options: .init(improvement: indicator.improvement, target: indicator.target(in: month)?.value)),
                !chart.isProvisional
            else { continue }
            let latest = series.last!
            if chart.points.last?.type == .specialCauseConcern {
                raised.append(
                    Escalation(
                        indicator: indicator.code, area: area, month: month, reason: .specialCauseConcern,
                        detail:
                            "\(indicator.name) was \(indicator.format(latest.value)) in \(month): special cause concern "
                            + "(\(chart.points.last!.rule!.rawValue.replacingOccurrences(of: "_", with: " ")))",
                        returnID: returnID, raisedAt: raisedAt))
            }
            if chart.assuranceIcon == .consistentFail, let target = indicator.target(in: month) {
                raised.append(
                    Escalation(
                        indicator: indicator.code, area: area, month: month, reason: .consistentlyFailing,
                        detail:
                            "\(indicator.name) will consistently fail its target of \(indicator.format(target.value)) "
                            + "(\(target.label)): the target lies outside the process limits",
                        returnID: returnID, raisedAt: raisedAt))
            }
        }
        return raised
    }
}
