import ConcordatCore
import ConcordatTestSupport
import Crypto
import Foundation
import GRDB
import PostgresNIO
import Storage
import Testing

@Suite("Store contract: API tokens")
struct APITokenStoreTests {
    static let analyst = AccessStoreTests.analyst
    static let viewer = UserAccount(username: "vic", role: .viewer, passwordHash: "$2b$y")

    @Test(
        "a token finds its user until revoked; listed by user with created and last used",
        arguments: StoreContractTests.Adapter.allCases)
    func lifecycle(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            try await store.insertUser(Self.analyst)
            try await store.insertUser(Self.viewer)
            await #expect { try await store.createAPIToken(username: "nobody", name: "x") } throws: {
                ($0 as? StoreError)?.code == .notFound
            }
            let before = Date().addingTimeInterval(-1)
            let (token, record) = try await store.createAPIToken(username: "ana", name: "nightly extract")
            let (other, _) = try await store.createAPIToken(username: "vic", name: "dashboard")
            // 256 random bits in hex after the prefix, different every time.
            #expect(token.hasPrefix("cct_") && token.count == 4 + 64 && token != other)
            #expect(APIToken.isWellFormed(token) && !APIToken.isWellFormed("cct_" + String(repeating: "z", count: 64)))
            #expect(record.username == "ana" && record.name == "nightly extract" && record.lastUsedAt == nil)
            #expect(record.createdAt > before && record.revokedAt == nil)

            let found = try #require(try await store.user(apiToken: token))
            #expect(found.user == Self.analyst && found.token.id == record.id)
            #expect(try #require(found.token.lastUsedAt) > before)
            #expect(try await store.user(apiToken: other)?.user == Self.viewer)
            #expect(try await store.user(apiToken: "cct_" + String(repeating: "0", count: 64)) == nil)

            let mine = try await store.apiTokens(username: "ana")
            #expect(mine.map(\.id) == [record.id])
            #expect(mine.first?.lastUsedAt != nil)
            #expect(try await store.apiTokens(username: nil).map(\.username) == ["ana", "vic"])
            #expect(try await store.apiTokens(username: "nobody").isEmpty)

            let revoked = try await store.revokeAPIToken(id: record.id)
            #expect(revoked.revokedAt != nil)
            #expect(try await store.user(apiToken: token) == nil)
            #expect(try await store.user(apiToken: other) != nil)  // the other token still works
            #expect(try await store.revokeAPIToken(id: record.id).revokedAt == revoked.revokedAt)  // once, for good
            #expect(try await store.apiTokens(username: "ana").first?.revokedAt != nil)  // listed, as revoked
            await #expect { try await store.revokeAPIToken(id: 9_999) } throws: {
                ($0 as? StoreError)?.code == .notFound
            }
        }
    }

    @Test("the table holds the token's SHA-256 hash, never the token (read from outside the store)")
    func hashedAtRest() async throws {
        // SQLite: the file read with GRDB directly.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "concordat-tokens-\(UUID().uuidString).sqlite"
        ).path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore(path: path)
        try await store.insertUser(Self.analyst)
        let (token, _) = try await store.createAPIToken(username: "ana", name: "n")
        _ = try await store.user(apiToken: token)
        let cells = try await DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_token").flatMap { row in
                row.databaseValues.map { String.fromDatabaseValue($0) ?? $0.description }
            }
        }
        Self.expectHashedOnly(token, in: cells)

        // PostgreSQL, when a server is configured: the table read with a client of its own.
        guard TestPostgres.url != nil else { return }
        try await TestPostgres.withDatabase { url in
            let token = try await PostgresStore.withStore(url: url) { store in
                try await store.insertUser(Self.analyst)
                let (token, _) = try await store.createAPIToken(username: "ana", name: "n")
                _ = try await store.user(apiToken: token)
                return token
            }
            try await TestPostgres.admin(url) { client in
                let rows = try await client.query(
                    "SELECT tokenHash, username, name, createdAt::text, lastUsedAt::text FROM api_token"
                ).collect()
                let cells = try rows.flatMap { row -> [String] in
                    let (hash, username, name, created, used) = try row.decode(
                        (String, String, String, String, String?).self)
                    return [hash, username, name, created, used ?? ""]
                }
                Self.expectHashedOnly(token, in: cells)
            }
        }
    }

    static func expectHashedOnly(_ token: String, in cells: [String]) {
        let secret = String(token.dropFirst(APIToken.prefix.count))
        #expect(!cells.isEmpty)
        #expect(!cells.contains { $0.contains(secret) || $0.contains(token) }, "the token is stored in the clear")
        let hash = SHA256Hex.of(token)
        #expect(cells.contains(hash), "the token's SHA-256 is what is stored")
    }
}

/// SHA-256 in hex, computed here independently of the store.
enum SHA256Hex {
    static func of(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
