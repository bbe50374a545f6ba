import Foundation

/// A person who signs in: their username, role, organisation (for partner representatives) and a
/// bcrypt hash of their password (never the password).
public struct UserAccount: Sendable, Hashable, Codable {
    /// The sign-in name: 2–64 lower-case letters, digits, dots, hyphens or underscores.
    public var username: String
    /// What they may do.
    public var role: Role
    /// The organisation they represent, if any (an organisation code).
    public var organisation: String?
    /// The bcrypt hash of their password.
    public var passwordHash: String

    /// Makes an account.
    public init(username: String, role: Role, organisation: String? = nil, passwordHash: String) {
        self.username = username
        self.role = role
        self.organisation = organisation
        self.passwordHash = passwordHash
    }

    /// Whether `name` is a valid username.
    public static func isValidUsername(_ name: String) -> Bool {
        (2...64).contains(name.count)
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_"
            }
    }
}

/// One entry in the access log: who did what to which subject, and when. No patient-level data.
public struct AccessLogEntry: Sendable, Hashable, Codable {
    /// When.
    public var at: Date
    /// Who (a username).
    public var username: String
    /// What, in words (e.g. "viewed the top-risk cohort").
    public var action: String
    /// Of what (e.g. a practice code).
    public var subject: String
    /// How much (e.g. the number of people listed).
    public var detail: String

    /// Makes an entry.
    public init(at: Date, username: String, action: String, subject: String, detail: String) {
        self.at = at
        self.username = username
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}
