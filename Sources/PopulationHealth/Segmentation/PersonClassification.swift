import ConcordatCore

/// Every person's facts as the population health engine reads them — age, Charlson (Quan 2011) and
/// Elixhauser categories, Hospital Frailty Risk Score, activity by setting — and the Bridges to Health
/// segment they give. Computed once, by ``PopulationHealthEngine/classify(_:)``, for the engine's practice
/// profiles and for whatever else chooses people by segment or condition (scenarios).
public struct PersonClassification: Sendable, Hashable {
    /// Age in whole years on the engine's reference date, in person order.
    public var ages: [Int]
    /// Charlson categories (Quan 2011), hierarchy applied.
    public var charlson: [CategorySet]
    /// Elixhauser categories (van Walraven), hierarchy applied.
    public var elixhauser: [CategorySet]
    /// Hospital Frailty Risk Score, in tenths.
    public var frailtyTenths: [Int]
    /// Events that count, by person and setting (`person × settings + setting`), capped at 65,535.
    public var eventCounts: [UInt16]
    /// Cost of the events that count, pence.
    public var costs: [Int64]
    /// Each person's standing in the engine's period, when it has one.
    public var standing: [PeriodStanding]?
    /// The segment.
    public var segments: [BridgesToHealthSegment]

    /// Person `person`'s events in setting `setting`.
    public func events(of person: Int, in setting: CareSetting) -> Int {
        Int(eventCounts[person * CareSetting.allCases.count + Int(setting.rawValue)])
    }
}
