import ConcordatCore
import Foundation

/// A machine's way to sign in: a named, revocable token of one user. The store keeps only the token's
/// SHA-256 hash, so a leaked table holds no usable token; the token itself is shown once, when made.
public struct APIToken: Sendable, Hashable, Codable {
    /// Its number, to list and revoke it by.
    public var id: Int64
    /// Whose it is.
    public var username: String
    /// What it is for (a script's or a service's name).
    public var name: String
    /// When it was made.
    public var createdAt: Date
    /// When it last signed a request in (to the minute), or `nil` if never.
    public var lastUsedAt: Date?
    /// When it was revoked, or `nil` while it works.
    public var revokedAt: Date?

    /// Makes a record.
    public init(
        id: Int64, username: String, name: String, createdAt: Date, lastUsedAt: Date? = nil, revokedAt: Date? = nil
    ) {
        self.id = id
        self.username = username
        self.name = name
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }

    /// How every token begins, so it is recognisable in a leaked file or a secret scanner.
    public static let prefix = "cct_"

    /// A new token: the prefix and 32 random bytes (256 bits) from the system's generator, in hex.
    static func random() -> String { prefix + SessionToken.random() }

    /// Whether `text` has a token's shape (the prefix and 64 hex digits), before any lookup.
    public static func isWellFormed(_ text: String) -> Bool {
        text.hasPrefix(prefix) && text.utf8.count == prefix.utf8.count + 64
            && text.dropFirst(prefix.count).allSatisfy(\.isHexDigit)
    }

    /// A token's last use is written at most this often, so a busy script does not write on every request.
    static let lastUseResolution: TimeInterval = 60
}

/// Where API tokens are kept. Every ``Store`` is one.
public protocol APITokenStore: Sendable {
    /// Makes a token for `username` named `name`; returns the token (shown once, never stored) and its record.
    /// - Throws: ``StoreError`` `notFound` when there is no such user.
    func createAPIToken(username: String, name: String) async throws -> (token: String, record: APIToken)

    /// The tokens of `username` (or of everyone, for `nil`), revoked ones included, oldest first.
    func apiTokens(username: String?) async throws -> [APIToken]

    /// Revokes a token, for good; revoking it again changes nothing.
    /// - Throws: ``StoreError`` `notFound` when no token has the number.
    @discardableResult func revokeAPIToken(id: Int64) async throws -> APIToken

    /// The user a live token belongs to, with the token's record, or `nil` for an unknown or revoked token.
    /// Notes the use (at most once a minute).
    func user(apiToken: String) async throws -> (user: UserAccount, token: APIToken)?
}

extension APIToken {
    /// A time as both adapters store it: to the millisecond.
    static func now() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
