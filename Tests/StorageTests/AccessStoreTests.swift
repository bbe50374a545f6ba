import ConcordatCore
import Foundation
import Storage
import Testing

@Suite("Store contract: accounts, sessions and the access log")
struct AccessStoreTests {
    static let analyst = UserAccount(username: "ana", role: .analyst, organisation: "nhs-kent", passwordHash: "$2b$x")

    @Test("users: add, read, count, conflict", arguments: StoreContractTests.Adapter.allCases)
    func users(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            #expect(try await store.userCount() == 0)
            #expect(try await store.user("ana") == nil)
            try await store.insertUser(Self.analyst)
            #expect(try await store.user("ana") == Self.analyst)
            #expect(try await store.userCount() == 1)
            await #expect { try await store.insertUser(Self.analyst) } throws: {
                ($0 as? StoreError)?.code == .conflict
            }
            #expect(try await store.userCount() == 1)
        }
    }

    @Test("sessions: a token finds its user until deleted or expired", arguments: StoreContractTests.Adapter.allCases)
    func sessions(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            try await store.insertUser(Self.analyst)
            let (token, csrf) = try await store.createSession(username: "ana", lifetime: 3600)
            #expect(token.count == 64 && csrf.count == 64 && token != csrf)
            let found = try #require(try await store.session(token: token))
            #expect(found.user == Self.analyst && found.csrf == csrf)
            #expect(try await store.session(token: csrf) == nil)
            let expired = try await store.createSession(username: "ana", lifetime: -1)
            #expect(try await store.session(token: expired.token) == nil)
            try await store.deleteSession(token: token)
            #expect(try await store.session(token: token) == nil)
        }
    }

    @Test("the access log keeps every entry, newest first", arguments: StoreContractTests.Adapter.allCases)
    func accessLog(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            for index in 0..<5 {
                try await store.recordAccess(
                    AccessLogEntry(
                        at: start.addingTimeInterval(Double(index)), username: "ana", action: "read cohort",
                        subject: "G8200\(index)", detail: "\(index) people"))
            }
            let latest = try await store.accessLog(limit: 3)
            #expect(latest.map(\.subject) == ["G82004", "G82003", "G82002"])
            #expect(latest.first?.at == start.addingTimeInterval(4))
            #expect(try await store.accessLog(limit: 100).count == 5)
        }
    }
}
