/// A practice's needs-weighted population from NHS England's allocation tool: its registered
/// population adjusted for the age, sex and need of its patients, per service component.
///
/// Source: NHS England, 2025/26 allocations, practice-level weighted populations (columns Population,
/// G&A WP, CS WP, MH WP, Mat WP, Health Ineq WP, Prescr WP, Final WP, Primary Medical Care WP).
public struct WeightedPopulation: Hashable, Sendable, Codable {
    /// The practice's ODS code.
    public var practice: String
    /// The population the weights apply to (the tool's `Population`).
    public var population: Double
    /// The overall needs-weighted population for core ICB services (`Final WP`).
    public var weighted: Double
    /// Weighted populations by service component, by the tool's short name (G&A, CS, MH, Mat, Health Ineq, Prescr).
    public var components: [String: Double]
    /// The weighted population for primary medical care need (`Primary Medical Care WP`).
    public var primaryMedicalCare: Double
    /// The final weighted population for primary medical care (`Final PMC WP`), where the file gives it.
    public var finalPrimaryMedicalCare: Double?

    /// Makes a record.
    public init(
        practice: String, population: Double, weighted: Double, components: [String: Double],
        primaryMedicalCare: Double,
        finalPrimaryMedicalCare: Double? = nil
    ) {
        self.finalPrimaryMedicalCare = finalPrimaryMedicalCare
        self.practice = practice
        self.population = population
        self.weighted = weighted
        self.components = components
        self.primaryMedicalCare = primaryMedicalCare
    }
}
