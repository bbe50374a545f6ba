import ConcordatCore
import PopulationHealth

/// What changes choose people by that the dataset does not hold directly: each person's Bridges to
/// Health segment and Charlson conditions, computed as the population health engine computes them
/// (`PopulationHealthEngine`: Charlson with Quan's 2011 weights, Elixhauser, the Hospital Frailty Risk
/// Score, maternity codes and a year's activity, through the standard segmentation rules).
public struct PersonAttributes: Sendable, Hashable {
    /// Each person's segment (raw value), in person order.
    public var segments: [UInt8]
    /// Each person's Charlson categories, hierarchy applied.
    public var conditions: [CategorySet]
    /// The condition names, by category index (R `comorbidity`'s Charlson names).
    public var conditionNames: [String]

    /// The names people can be chosen by: the Charlson categories.
    public static var conditionNames: [String] { ComorbidityScorer(index: .charlsonQuan).categories }

    /// Makes attributes from columns (for tests and callers that already have them).
    public init(segments: [UInt8], conditions: [CategorySet], conditionNames: [String] = Self.conditionNames) {
        self.segments = segments
        self.conditions = conditions
        self.conditionNames = conditionNames
    }

    /// Computes every person's segment and conditions, ages taken at `referenceDate`, as the population
    /// health engine classifies them (``PopulationHealthEngine/classify(_:)``: every event and diagnosis).
    public init(of dataset: IntegratedDataset, referenceDate: Day, rules: SegmentationRules = .standard) {
        let people = PopulationHealthEngine(rules: rules, referenceDate: referenceDate).classify(dataset)
        self.init(
            segments: people.segments.map(\.rawValue), conditions: people.charlson, conditionNames: Self.conditionNames)
    }
}
