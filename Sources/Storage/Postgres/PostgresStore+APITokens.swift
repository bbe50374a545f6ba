import ConcordatCore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Makes a token; `notFound` when there is no such user.
    public func createAPIToken(username: String, name: String) async throws -> (token: String, record: APIToken) {
        let token = APIToken.random()
        let hash = SessionToken.hash(token)
        let createdAt = APIToken.now()
        let id = try await write { [self] connection -> Int64 in
            guard
                try await rows("SELECT 1 FROM user_account WHERE username = \(username)", connection).isEmpty == false
            else { throw StoreError.notFound("user", username) }
            let inserted = try await rows(
                """
                INSERT INTO api_token (tokenHash, username, name, createdAt)
                VALUES (\(hash), \(username), \(name), \(createdAt)) RETURNING id
                """, connection)
            return try inserted[0].decode(Int64.self)
        }
        return (token, APIToken(id: id, username: username, name: name, createdAt: createdAt))
    }

    /// The tokens, oldest first.
    public func apiTokens(username: String?) async throws -> [APIToken] {
        try await readOne { [self] connection in
            let query: PostgresQuery =
                username.map {
                    "SELECT \(unescaped: Self.tokenColumns) FROM api_token WHERE username = \($0) ORDER BY id"
                } ?? "SELECT \(unescaped: Self.tokenColumns) FROM api_token ORDER BY id"
            return try await rows(query, connection).map(Self.token)
        }
    }

    /// Revokes a token; `notFound` when there is none.
    @discardableResult public func revokeAPIToken(id: Int64) async throws -> APIToken {
        try await write { [self] connection in
            try await connection.query(
                "UPDATE api_token SET revokedAt = \(APIToken.now()) WHERE id = \(id) AND revokedAt IS NULL",
                logger: logger)
            guard
                let row = try await rows(
                    "SELECT \(unescaped: Self.tokenColumns) FROM api_token WHERE id = \(id)", connection
                ).first
            else { throw StoreError.notFound("API token", String(id)) }
            return try Self.token(row)
        }
    }

    /// A live token's user, noting the use.
    public func user(apiToken: String) async throws -> (user: UserAccount, token: APIToken)? {
        let hash = SessionToken.hash(apiToken)
        let now = APIToken.now()
        let found = try await read { [self] connection -> (UserAccount, APIToken)? in
            guard
                let row = try await rows(
                    """
                    SELECT \(unescaped: Self.tokenColumns) FROM api_token
                    WHERE tokenHash = \(hash) AND revokedAt IS NULL
                    """, connection
                ).first
            else { return nil }
            let token = try Self.token(row)
            for row in try await rows(
                "SELECT role, organisation, passwordHash FROM user_account WHERE username = \(token.username)",
                connection)
            {
                let (role, organisation, passwordHash) = try row.decode((String, String?, String).self)
                guard let role = Role(rawValue: role) else {
                    throw StoreError.corrupt("user \(token.username) has an unknown role '\(role)'")
                }
                return (
                    UserAccount(
                        username: token.username, role: role, organisation: organisation, passwordHash: passwordHash),
                    token
                )
            }
            return nil
        }
        guard let (account, token) = found else { return nil }
        var used = token
        if (token.lastUsedAt.map { now.timeIntervalSince($0) >= APIToken.lastUseResolution }) ?? true {
            used.lastUsedAt = now
            try await write { [self] connection in
                try await connection.query(
                    "UPDATE api_token SET lastUsedAt = \(now) WHERE id = \(token.id)", logger: logger)
            }
        }
        return (account, used)
    }

    private static let tokenColumns = "id, username, name, createdAt, lastUsedAt, revokedAt"

    private static func token(_ row: PostgresRow) throws -> APIToken {
        let (id, username, name, createdAt, lastUsedAt, revokedAt) = try row.decode(
            (Int64, String, String, Date, Date?, Date?).self)
        return APIToken(
            id: id, username: username, name: name, createdAt: createdAt, lastUsedAt: lastUsedAt, revokedAt: revokedAt)
    }
}
