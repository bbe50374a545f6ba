/// One person in a practice's top-risk cohort for case management: their pseudonym (which only the
/// data provider can reverse), practice, predicted risk and rank within the practice. Kept apart from
/// every aggregate and shown only to an analyst, through the API, with each access logged.
public struct RiskCohortMember: Sendable, Hashable, Codable {
    /// The person's pseudonymised identifier.
    public var personID: String
    /// Their practice's code.
    public var practice: String
    /// The predicted probability of an emergency admission in the next 12 months.
    public var risk: Double
    /// Their rank within the practice's cohort (1 = highest risk).
    public var rank: Int

    /// Makes a member.
    public init(personID: String, practice: String, risk: Double, rank: Int) {
        self.personID = personID
        self.practice = practice
        self.risk = risk
        self.rank = rank
    }
}
