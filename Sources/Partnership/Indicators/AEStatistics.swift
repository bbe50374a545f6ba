import Assurance
import ConcordatCore
import Ingest

/// NHS England's published A&E statistics as a system's indicator values: the 4-hour performance of each
/// of the system's trusts that has an ODS code in the file (the pack's `odsCode`), for all types and for
/// type 1, and the trusts' total as the system's value (Σ within 4 hours ÷ Σ attendances over the trusts
/// with a row that month, never a mean of their percentages). Values are percentages, with the counts as
/// numerator and denominator. A month a trust has no row for is a gap, not a zero.
///
/// Source: NHS England, *A&E Attendances and Emergency Admissions* (monthly statistics), OGL v3.
public enum AEStatistics {
    /// The indicator a scope's values belong to: `ae-4-hour` (all types) or `ae-4-hour-type-1`.
    public static func indicatorCode(_ scope: AEAttendances.Scope) -> String {
        switch scope {
        case .allTypes: "ae-4-hour"
        case .type1: "ae-4-hour-type-1"
        }
    }

    /// The indicators these statistics give values of.
    public static var indicatorCodes: Set<String> { Set(AEAttendances.Scope.allCases.map(indicatorCode)) }

    /// The organisations whose ODS code has rows in `file`, in the organisations' order.
    public static func trusts(_ organisations: [Organisation], in file: AEAttendances) -> [Organisation] {
        let providers = Set(file.providers)
        return organisations.filter { $0.odsCode.map(providers.contains) ?? false }
    }

    /// The trusts' values and their total's, the total as the value of the area `systemCode`.
    public static func indicatorValues(_ file: AEAttendances, trusts: [Organisation], systemCode: String)
        -> [IndicatorValue]
    {
        let codes = trusts.compactMap(\.odsCode)
        var values: [IndicatorValue] = []
        for scope in AEAttendances.Scope.allCases {
            let indicator = indicatorCode(scope)
            for month in file.months {
                for trust in trusts {
                    guard let ods = trust.odsCode,
                        let value = value(
                            indicator, .organisation(trust.code), month,
                            file.counts(provider: ods, month: month, scope: scope))
                    else { continue }
                    values.append(value)
                }
                if !codes.isEmpty,
                    let total = value(
                        indicator, .area(systemCode), month,
                        file.pooledCounts(providers: codes, month: month, scope: scope))
                {
                    values.append(total)
                }
            }
        }
        return values
    }

    private static func value(
        _ indicator: String, _ subject: IndicatorSubject, _ month: String, _ counts: AEAttendances.Counts?
    ) -> IndicatorValue? {
        guard let counts, let performance = counts.performance else { return nil }
        return IndicatorValue(
            indicator: indicator, subject: subject, month: month, value: performance * 100,
            numerator: Double(counts.withinFourHours), denominator: Double(counts.attendances))
    }
}

extension AEStatistics {
    /// The demo's indicator values: `synthetic` with its A&E 4-hour series replaced by the published ones of
    /// `organisations`' trusts and their total (kept when none of them has an ODS code in the file).
    public static func replacingSynthetic(
        _ synthetic: [IndicatorValue], organisations: [Organisation], systemCode: String, file: AEAttendances
    ) -> [IndicatorValue] {
        let real = indicatorValues(file, trusts: trusts(organisations, in: file), systemCode: systemCode)
        guard !real.isEmpty else { return synthetic }
        return synthetic.filter { !indicatorCodes.contains($0.indicator) } + real
    }
}
