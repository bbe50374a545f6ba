import Foundation

/// A council's Section 151 officer's determination on a business case's financial case: whether the
/// proposal risks the council's ability to set a legal and balanced budget (Local Government Act 1972,
/// s. 151; Local Government Finance Act 1988, s. 114; Kent County Council's red line, 2017).
public struct Section151Determination: Sendable, Hashable, Codable {
    /// What the officer determined.
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        /// The financial case does not risk a legal and balanced budget.
        case affordable
        /// It does.
        case notAffordable = "not-affordable"
    }

    /// The business case.
    public var businessCase: String
    /// The council (organisation code) the officer acts for.
    public var council: String
    /// The officer's account.
    public var username: String
    /// When it was recorded.
    public var at: Date
    /// The outcome.
    public var outcome: Outcome
    /// Why, in the officer's words.
    public var reason: String

    /// Makes a determination.
    public init(businessCase: String, council: String, username: String, at: Date, outcome: Outcome, reason: String) {
        self.businessCase = businessCase
        self.council = council
        self.username = username
        self.at = at
        self.outcome = outcome
        self.reason = reason
    }
}
