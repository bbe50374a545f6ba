import ConcordatCore

/// What segmentation rules can ask about one person: age, Charlson and Elixhauser categories, the
/// frailty score, ICD-10 chapters seen, and a year's activity by setting. Built by
/// ``PopulationHealthEngine``; rules read it, never the raw records.
public struct PersonFacts: Sendable {
    /// Age in whole years on the reference date.
    public var age: Int
    /// Charlson categories (R `comorbidity` names), hierarchy applied.
    public var charlson: Set<String>
    /// Elixhauser categories (R `comorbidity` names), hierarchy applied.
    public var elixhauser: Set<String>
    /// Hospital Frailty Risk Score, in tenths.
    public var frailtyTenths: Int
    /// Whether any pregnancy or childbirth code (ICD-10 chapter XV, O00–O99, or Z33–Z39) is recorded.
    public var maternity: Bool
    /// Events in the year, by setting.
    public var events: [CareSetting: Int]

    /// Makes the facts.
    public init(
        age: Int, charlson: Set<String> = [], elixhauser: Set<String> = [], frailtyTenths: Int = 0,
        maternity: Bool = false, events: [CareSetting: Int] = [:]
    ) {
        self.age = age
        self.charlson = charlson
        self.elixhauser = elixhauser
        self.frailtyTenths = frailtyTenths
        self.maternity = maternity
        self.events = events
    }
}
