import ConcordatCore
import Foundation
import GRDB

extension SQLiteStore {
    /// Makes a token; `notFound` when there is no such user.
    public func createAPIToken(username: String, name: String) async throws -> (token: String, record: APIToken) {
        let token = APIToken.random()
        var record = APITokenRecord(
            tokenHash: SessionToken.hash(token), username: username, name: name, createdAt: APIToken.now())
        record = try await writer.write { [record] db in
            guard try UserAccountRecord.fetchOne(db, key: username) != nil else {
                throw StoreError.notFound("user", username)
            }
            var inserted = record
            try inserted.insert(db)
            // Read back, so the times are as stored (to the millisecond), as every later read gives them.
            return try APITokenRecord.fetchOne(db, key: inserted.id) ?? inserted
        }
        return (token, record.token)
    }

    /// The tokens, oldest first.
    public func apiTokens(username: String?) async throws -> [APIToken] {
        try await writer.read { db in
            var request = APITokenRecord.order(Column("id"))
            if let username { request = request.filter(Column("username") == username) }
            return try request.fetchAll(db).map(\.token)
        }
    }

    /// Revokes a token; `notFound` when there is none.
    @discardableResult public func revokeAPIToken(id: Int64) async throws -> APIToken {
        try await writer.write { db in
            guard var record = try APITokenRecord.fetchOne(db, key: id) else {
                throw StoreError.notFound("API token", String(id))
            }
            if record.revokedAt == nil {
                record.revokedAt = APIToken.now()
                try record.update(db)
                record = try APITokenRecord.fetchOne(db, key: id) ?? record
            }
            return record.token
        }
    }

    /// A live token's user, noting the use.
    public func user(apiToken: String) async throws -> (user: UserAccount, token: APIToken)? {
        let hash = SessionToken.hash(apiToken)
        let now = APIToken.now()
        let found = try await writer.read { db -> (UserAccount, APITokenRecord)? in
            guard
                let record = try APITokenRecord.filter(Column("tokenHash") == hash && Column("revokedAt") == nil)
                    .fetchOne(db),
                let account = try UserAccountRecord.fetchOne(db, key: record.username)?.account()
            else { return nil }
            return (account, record)
        }
        guard let (account, record) = found else { return nil }
        var used = record
        if (record.lastUsedAt.map { now.timeIntervalSince($0) >= APIToken.lastUseResolution }) ?? true {
            used.lastUsedAt = now
            try await writer.write { [used] db in
                try db.execute(
                    sql: "UPDATE api_token SET lastUsedAt = ? WHERE id = ?", arguments: [used.lastUsedAt, used.id])
            }
        }
        return (account, used.token)
    }
}
