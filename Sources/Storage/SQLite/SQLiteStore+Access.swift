import ConcordatCore
import Foundation
import GRDB

extension SQLiteStore {
    /// Adds a user; `conflict` when the username is taken.
    public func insertUser(_ account: UserAccount) async throws {
        try await writer.write { db in
            guard try UserAccountRecord.fetchOne(db, key: account.username) == nil else {
                throw StoreError.conflict("user", account.username)
            }
            try UserAccountRecord(account, createdAt: Date()).insert(db)
        }
    }

    /// A user by username.
    public func user(_ username: String) async throws -> UserAccount? {
        try await writer.read { db in try UserAccountRecord.fetchOne(db, key: username)?.account() }
    }

    /// How many users there are.
    public func userCount() async throws -> Int {
        try await writer.read { db in try UserAccountRecord.fetchCount(db) }
    }

    /// Appends to the access log.
    public func recordAccess(_ entry: AccessLogEntry) async throws {
        try await writer.write { db in
            var record = AccessLogRecord(entry)
            try record.insert(db)
        }
    }

    /// The latest entries, newest first.
    public func accessLog(limit: Int) async throws -> [AccessLogEntry] {
        try await writer.read { db in
            try AccessLogRecord.order(Column("id").desc).limit(limit).fetchAll(db).map(\.entry)
        }
    }

    /// A random token: 32 bytes from the system's generator, hex (session and form tokens).
    public static func randomToken() -> String { SessionToken.random() }

    /// Starts a session.
    public func createSession(username: String, lifetime: TimeInterval) async throws -> (token: String, csrf: String) {
        let token = SessionToken.random()
        let csrf = SessionToken.random()
        let hash = SessionToken.hash(token)
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM user_session WHERE expiresAt < ?", arguments: [Date()])
            try db.execute(
                sql: "INSERT INTO user_session (tokenHash, username, csrf, expiresAt) VALUES (?, ?, ?, ?)",
                arguments: [hash, username, csrf, Date().addingTimeInterval(lifetime)])
        }
        return (token, csrf)
    }

    /// A live session's user and CSRF token.
    public func session(token: String) async throws -> (user: UserAccount, csrf: String)? {
        let hash = SessionToken.hash(token)
        return try await writer.read { db -> (UserAccount, String)? in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT username, csrf FROM user_session WHERE tokenHash = ? AND expiresAt > ?",
                    arguments: [hash, Date()]),
                let account = try UserAccountRecord.fetchOne(db, key: row["username"] as String)?.account()
            else { return nil }
            return (account, row["csrf"])
        }
    }

    /// Ends a session.
    public func deleteSession(token: String) async throws {
        let hash = SessionToken.hash(token)
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM user_session WHERE tokenHash = ?", arguments: [hash])
        }
    }
}
