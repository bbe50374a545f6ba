/// The indicators the partnership watches: the seeds' business-as-usual priorities (urgent care and
/// winter, cancer waits, delayed transfers of care, ambulance conveyances, cost improvement), the
/// constitutional standards with their dated interim ambitions, and measures Concordat computes from the
/// integrated dataset.
///
/// Standards and ambitions: NHS Constitution handbook (A&E 4 hours 95%, cancer 62 days 85%, RTT 18 weeks
/// 92%, diagnostics 6 weeks 1%); NHS England planning guidance 2023/24 (A&E 76% by March 2024), 2024/25
/// (78% by March 2025), 2025/26 (A&E 78% by March 2026; cancer 62 days 75% and faster diagnosis 80% by
/// March 2026; RTT 65% within 18 weeks by March 2026; diagnostics 5% waiting over 6 weeks); the cancer
/// faster diagnosis standard (75%, October 2021).
public enum IndicatorCatalogue {
    /// Every indicator, in the order the dashboard shows them.
    public static let standard: [Indicator] = [
        Indicator(
            code: "ae-4-hour", name: "A&E: seen within 4 hours (all types)",
            numerator: "attendances admitted, transferred or discharged within 4 hours",
            denominator: "A&E attendances", unit: .percent, improvement: .increase,
            source: "NHS England A&E attendances and emergency admissions (monthly)",
            targets: [
                .init(from: "2004-01", value: 95, label: "constitutional standard"),
                .init(from: "2023-04", value: 76, label: "2023/24 planning guidance: 76% by March 2024"),
                .init(from: "2024-04", value: 78, label: "2024/25 and 2025/26 planning guidance: 78%"),
            ]),
        Indicator(
            code: "ae-4-hour-type-1", name: "A&E: seen within 4 hours (type 1)",
            numerator: "type 1 attendances admitted, transferred or discharged within 4 hours",
            denominator: "type 1 (major emergency department) attendances", unit: .percent, improvement: .increase,
            source: "NHS England A&E attendances and emergency admissions (monthly)",
            targets: [
                .init(from: "2004-01", value: 95, label: "constitutional standard"),
                .init(from: "2023-04", value: 76, label: "2023/24 planning guidance: 76% by March 2024"),
                .init(from: "2024-04", value: 78, label: "2024/25 and 2025/26 planning guidance: 78%"),
            ]),
        Indicator(
            code: "cancer-62-day", name: "Cancer: treated within 62 days",
            numerator: "first treatments within 62 days of referral",
            denominator: "first treatments", unit: .percent, improvement: .increase,
            source: "NHS England cancer waiting times (monthly)",
            targets: [
                .init(from: "2009-12", value: 85, label: "constitutional standard"),
                .init(from: "2025-04", value: 75, label: "2025/26 planning guidance: 75% by March 2026"),
            ]),
        Indicator(
            code: "cancer-28-day-fds", name: "Cancer: diagnosed or ruled out within 28 days",
            numerator: "people told their diagnosis within 28 days", denominator: "urgent referrals", unit: .percent,
            improvement: .increase, source: "NHS England cancer waiting times (monthly)",
            targets: [
                .init(from: "2021-10", value: 75, label: "faster diagnosis standard"),
                .init(from: "2025-04", value: 80, label: "2025/26 planning guidance: 80% by March 2026"),
            ]),
        Indicator(
            code: "rtt-18-week", name: "Planned care: waiting under 18 weeks",
            numerator: "incomplete pathways under 18 weeks",
            denominator: "incomplete pathways", unit: .percent, improvement: .increase,
            source: "NHS England referral to treatment waiting times (monthly)",
            targets: [
                .init(from: "2012-04", value: 92, label: "constitutional standard"),
                .init(from: "2025-04", value: 65, label: "2025/26 planning guidance: 65% by March 2026"),
            ]),
        Indicator(
            code: "diagnostics-6-week", name: "Diagnostics: waiting over 6 weeks",
            numerator: "people waiting over 6 weeks",
            denominator: "people waiting", unit: .percent, improvement: .decrease,
            source: "NHS England diagnostic waiting times (DM01, monthly)",
            targets: [
                .init(from: "2009-04", value: 1, label: "constitutional standard"),
                .init(from: "2024-04", value: 5, label: "planning guidance: 5% by March 2025"),
            ]),
        Indicator(
            code: "ambulance-conveyance", name: "Ambulance: incidents conveyed to A&E",
            numerator: "incidents conveyed to an emergency department",
            denominator: "incidents", unit: .percent, improvement: .decrease,
            source: "NHS England ambulance quality indicators (monthly)"),
        Indicator(
            code: "no-criteria-to-reside", name: "Delayed discharges: patients without criteria to reside",
            numerator: "patients who no longer meet the criteria to reside, still in hospital",
            denominator: "occupied general and acute beds", unit: .percent, improvement: .decrease,
            source: "NHS England discharge delays (acute), successor to delayed transfers of care (monthly)"),
        Indicator(
            code: "bed-occupancy", name: "Winter: general and acute bed occupancy", numerator: "occupied G&A beds",
            denominator: "available G&A beds", unit: .percent, improvement: .decrease,
            source: "NHS England bed availability and occupancy (monthly)",
            targets: [.init(from: "2023-04", value: 92, label: "planning guidance: 92% or less")]),
        Indicator(
            code: "cost-improvement", name: "Cost improvement delivered against plan", numerator: "savings delivered",
            denominator: "savings planned", unit: .percent, improvement: .increase,
            source: "partners' monthly finance returns",
            targets: [.init(from: "2020-04", value: 100, label: "deliver the plan in full")]),
        Indicator(
            code: "emergency-admissions-75", name: "Emergency admissions, people aged 75 and over",
            numerator: "emergency admissions of people aged 75+",
            denominator: "registered people aged 75+ (per 1,000, annualised)",
            unit: .per1000, improvement: .decrease, source: "computed from the integrated dataset",
            computedFromDataset: true),
        Indicator(
            code: "ae-attendances", name: "A&E attendances", numerator: "A&E attendances",
            denominator: "registered people (per 1,000, annualised)", unit: .per1000, improvement: .decrease,
            source: "computed from the integrated dataset", computedFromDataset: true),
        Indicator(
            code: "cost-per-head", name: "Cost of care per head", numerator: "spend on care",
            denominator: "registered people (annualised)", unit: .pounds, improvement: .neutral,
            source: "computed from the integrated dataset", computedFromDataset: true),
    ]

    /// The indicator with `code`.
    public static func indicator(_ code: String) -> Indicator? { standard.first { $0.code == code } }
}
