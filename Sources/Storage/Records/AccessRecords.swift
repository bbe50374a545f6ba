import ConcordatCore
import Foundation
import GRDB

/// The `user_account` table: who may sign in, their role and a bcrypt hash of their password.
struct UserAccountRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "user_account"
    var username: String
    var role: String
    var organisation: String?
    var passwordHash: String
    var createdAt: Date

    func account() throws -> UserAccount {
        guard let role = Role(rawValue: role) else {
            throw StoreError.corrupt("user \(username) has an unknown role '\(role)'")
        }
        return UserAccount(username: username, role: role, organisation: organisation, passwordHash: passwordHash)
    }
}

extension UserAccountRecord {
    init(_ account: UserAccount, createdAt: Date) {
        username = account.username
        role = account.role.rawValue
        organisation = account.organisation
        passwordHash = account.passwordHash
        self.createdAt = createdAt
    }
}

/// The `access_log` table: every access to restricted data, in order. Never deleted by the application.
struct AccessLogRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "access_log"
    var id: Int64?
    var at: Date
    var username: String
    var action: String
    var subject: String
    var detail: String

    var entry: AccessLogEntry {
        AccessLogEntry(at: at, username: username, action: action, subject: subject, detail: detail)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AccessLogRecord {
    init(_ entry: AccessLogEntry) {
        at = entry.at
        username = entry.username
        action = entry.action
        subject = entry.subject
        detail = entry.detail
    }
}

/// The `risk_cohort` table: the top-risk cohort by person (pseudonym), replaced with the dataset.
struct RiskCohortRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "risk_cohort"
    var personID: String
    var practice: String
    var risk: Double
    var rank: Int

    var member: RiskCohortMember { RiskCohortMember(personID: personID, practice: practice, risk: risk, rank: rank) }
}

extension RiskCohortRecord {
    init(_ member: RiskCohortMember) {
        personID = member.personID
        practice = member.practice
        risk = member.risk
        rank = member.rank
    }
}
