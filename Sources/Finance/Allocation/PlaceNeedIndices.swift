import ConcordatCore
import Foundation

/// The nine need indices NHS England's *ICB Place Based Allocation Tool* shows for a cluster of practices
/// (a place or a neighbourhood): for each weighted-population component k,
///
///     NI_k = (cluster WP_k / cluster Population) / (ICB WP_k / ICB Population)
///
/// where the ICB is **every practice of the ICB in the published file**, including practices that have
/// since closed or merged, and Population is the file's `Population` column (not `Patients`). The tool
/// displays each index rounded half-up to two decimal places, as these are.
///
/// Source: NHS England, *ICB place based allocation tool* (2025/26) and its practice-level weighted
/// populations; *Technical Guide to ICB allocations 2025/26 to 2026/27*, section on need indices.
public struct PlaceNeedIndices: Sendable, Hashable, Codable {
    /// General and acute (`G&A WP`).
    public var generalAndAcute: Double
    /// Community services (`CS WP`).
    public var community: Double
    /// Mental health (`MH WP`).
    public var mentalHealth: Double
    /// Maternity (`Mat WP`).
    public var maternity: Double
    /// Prescribing (`Prescr WP`).
    public var prescribing: Double
    /// The overall core services index (`Final WP`).
    public var overall: Double
    /// Primary medical care, final (`Final PMC WP`).
    public var primaryMedicalCare: Double
    /// Primary medical care need (`Primary Medical Care WP`).
    public var primaryMedicalCareNeed: Double
    /// Health inequalities (`Health Ineq WP`).
    public var healthInequalities: Double

    /// A component of the published file, by how it is read from a practice's record.
    enum Component: CaseIterable {
        case generalAndAcute, community, mentalHealth, maternity, prescribing, overall, primaryMedicalCare
        case primaryMedicalCareNeed, healthInequalities

        func value(_ record: WeightedPopulation) -> Double? {
            switch self {
            case .generalAndAcute: record.components["G&A"]
            case .community: record.components["CS"]
            case .mentalHealth: record.components["MH"]
            case .maternity: record.components["Mat"]
            case .prescribing: record.components["Prescr"]
            case .overall: record.weighted
            case .primaryMedicalCare: record.finalPrimaryMedicalCare
            case .primaryMedicalCareNeed: record.primaryMedicalCare
            case .healthInequalities: record.components["Health Ineq"]
            }
        }
    }

    /// The indices of `cluster` (practice codes) against `icb` (every practice record of the ICB in the
    /// published file); `nil` when the cluster has no weighted practice, or a component is missing.
    public static func of(cluster: some Sequence<String>, icb: [WeightedPopulation]) -> PlaceNeedIndices? {
        let members = Set(cluster)
        let inCluster = icb.filter { members.contains($0.practice) }
        guard !inCluster.isEmpty else { return nil }
        let clusterPopulation = inCluster.reduce(0) { $0 + $1.population }
        let icbPopulation = icb.reduce(0) { $0 + $1.population }
        guard clusterPopulation > 0, icbPopulation > 0 else { return nil }
        var values: [Component: Double] = [:]
        for component in Component.allCases {
            var clusterWeighted = 0.0
            var icbWeighted = 0.0
            for record in icb {
                guard let value = component.value(record) else { return nil }
                icbWeighted += value
                if members.contains(record.practice) { clusterWeighted += value }
            }
            guard icbWeighted > 0 else { return nil }
            values[component] = roundedHalfUp((clusterWeighted / clusterPopulation) / (icbWeighted / icbPopulation))
        }
        return PlaceNeedIndices(
            generalAndAcute: values[.generalAndAcute]!, community: values[.community]!,
            mentalHealth: values[.mentalHealth]!, maternity: values[.maternity]!, prescribing: values[.prescribing]!,
            overall: values[.overall]!, primaryMedicalCare: values[.primaryMedicalCare]!,
            primaryMedicalCareNeed: values[.primaryMedicalCareNeed]!,
            healthInequalities: values[.healthInequalities]!)
    }

    /// `value` rounded half-up to two decimal places as a spreadsheet's ROUND does: on its 15 significant
    /// digits, so that 1.005 (stored as 1.00499999…) rounds to 1.01.
    static func roundedHalfUp(_ value: Double) -> Double {
        guard var decimal = Decimal(string: String(format: "%.15g", value)) else { return value }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &decimal, 2, .plain)
        return Double(rounded.description) ?? value
    }
}
