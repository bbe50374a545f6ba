import ConcordatCore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Adds a user; `conflict` when the username is taken.
    public func insertUser(_ account: UserAccount) async throws {
        try await write { [self] connection in
            guard try await user(account.username, connection) == nil else {
                throw StoreError.conflict("user", account.username)
            }
            let record = UserAccountRecord(account, createdAt: Date())
            try await connection.query(
                """
                INSERT INTO user_account (username, role, organisation, passwordHash, createdAt)
                VALUES (\(record.username), \(record.role), \(record.organisation), \(record.passwordHash),
                    \(record.createdAt))
                """, logger: logger)
        }
    }

    /// A user by username.
    public func user(_ username: String) async throws -> UserAccount? {
        try await readOne { [self] connection in try await user(username, connection)?.account() }
    }

    /// How many users there are.
    public func userCount() async throws -> Int {
        try await readOne { [self] connection in try await count("user_account", connection) }
    }

    /// Appends to the access log.
    public func recordAccess(_ entry: AccessLogEntry) async throws {
        try await write { [self] connection in
            try await connection.query(
                """
                INSERT INTO access_log (at, username, action, subject, detail)
                VALUES (\(entry.at), \(entry.username), \(entry.action), \(entry.subject), \(entry.detail))
                """, logger: logger)
        }
    }

    /// The latest entries, newest first.
    public func accessLog(limit: Int) async throws -> [AccessLogEntry] {
        try await readOne { [self] connection in
            var entries: [AccessLogEntry] = []
            for row in try await rows(
                "SELECT at, username, action, subject, detail FROM access_log ORDER BY id DESC LIMIT \(limit)",
                connection
            ) {
                let (at, username, action, subject, detail) = try row.decode(
                    (Date, String, String, String, String).self)

                entries.append(
                    AccessLogEntry(at: at, username: username, action: action, subject: subject, detail: detail))
            }
            return entries
        }
    }

    /// Starts a session (and clears expired ones).
    public func createSession(username: String, lifetime: TimeInterval) async throws -> (token: String, csrf: String) {
        let token = SessionToken.random()
        let csrf = SessionToken.random()
        let hash = SessionToken.hash(token)
        try await write { [self] connection in
            try await connection.query("DELETE FROM user_session WHERE expiresAt < \(Date())", logger: logger)
            try await connection.query(
                """
                INSERT INTO user_session (tokenHash, username, csrf, expiresAt)
                VALUES (\(hash), \(username), \(csrf), \(Date().addingTimeInterval(lifetime)))
                """, logger: logger)
        }
        return (token, csrf)
    }

    /// A live session's user and CSRF token.
    public func session(token: String) async throws -> (user: UserAccount, csrf: String)? {
        let hash = SessionToken.hash(token)
        return try await read { [self] connection -> (UserAccount, String)? in
            for row in try await rows(
                "SELECT username, csrf FROM user_session WHERE tokenHash = \(hash) AND expiresAt > \(Date())",
                connection
            ) {
                let (username, csrf) = try row.decode((String, String).self)

                guard let account = try await user(username, connection)?.account() else { return nil }
                return (account, csrf)
            }
            return nil
        }
    }

    /// Ends a session.
    public func deleteSession(token: String) async throws {
        let hash = SessionToken.hash(token)
        try await write { [self] connection in
            try await connection.query("DELETE FROM user_session WHERE tokenHash = \(hash)", logger: logger)
        }
    }

    private func user(_ username: String, _ connection: PostgresConnection) async throws -> UserAccountRecord? {
        for row in try await rows(
            """
            SELECT username, role, organisation, passwordHash, createdAt FROM user_account
            WHERE username = \(username)
            """, connection
        ) {
            let (username, role, organisation, passwordHash, createdAt) = try row.decode(
                (String, String, String?, String, Date).self)

            return UserAccountRecord(
                username: username, role: role, organisation: organisation, passwordHash: passwordHash,
                createdAt: createdAt)
        }
        return nil
    }
}
