import ConcordatCore
import Foundation

/// Where accounts are kept: users, their server sessions and API tokens, and the access log.
public protocol AccountStore: APITokenStore {
    /// Adds a user.
    /// - Throws: ``StoreError`` `conflict` when the username is taken.
    func insertUser(_ account: UserAccount) async throws

    /// A user by username, or `nil`.
    func user(_ username: String) async throws -> UserAccount?

    /// How many users there are.
    func userCount() async throws -> Int

    /// Appends to the access log.
    func recordAccess(_ entry: AccessLogEntry) async throws

    /// The latest access-log entries, newest first.
    func accessLog(limit: Int) async throws -> [AccessLogEntry]

    /// Starts a server session for `username` lasting `lifetime` seconds; returns the session token (kept
    /// only as a hash) and its CSRF token.
    func createSession(username: String, lifetime: TimeInterval) async throws -> (token: String, csrf: String)

    /// The user and CSRF token of a live session, or `nil` when the token is unknown or expired.
    func session(token: String) async throws -> (user: UserAccount, csrf: String)?

    /// Ends a session.
    func deleteSession(token: String) async throws
}
