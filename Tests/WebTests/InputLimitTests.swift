import ConcordatCore
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Ingest
import Storage
import Testing

@testable import Web

@Suite("Text fields have limits and ids a pattern, refused with the field named", .serialized)
struct InputLimitTests {
    /// A store with Kent & Medway, the East Kent memorandum and a board secretary, and the app over it.
    static func app() async throws -> (SQLiteStore, some ApplicationProtocol) {
        let store = try SQLiteStore()
        try await store.replaceSystem(try kentMedway.get())
        try await adoptEastKentMemorandum(store)
        try await store.insertUser(
            UserAccount(
                username: "bea", role: .boardSecretary, passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        return (store, Application(router: try buildRouter(store: store)))
    }

    static func risk(id: String = "R-1", title: String) throws -> ByteBuffer {
        let body: [String: Any] = [
            "id": id, "title": title, "owner": "CD", "area": "U34235",
            "inherent": ["likelihood": 4, "consequence": 4], "current": ["likelihood": 3, "consequence": 4],
            "target": ["likelihood": 2, "consequence": 2],
        ]
        return ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body))
    }

    static func proposal(id: String, title: String = "Pool budgets") throws -> ByteBuffer {
        let body: [String: Any] = ["id": id, "title": title, "type": "engagement", "tabled": "2018-06-14"]
        return ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body))
    }

    @Test("a 1.5 MB risk title is refused naming 'title', and nothing is stored; a normal one is accepted")
    func longTitle() async throws {
        let (store, app) = try await Self.app()
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/risks", method: .post, headers: signedIn("bea"),
                body: try Self.risk(title: String(repeating: "A", count: 1_500_000))
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try response.json(Problem.self)
                #expect(problem.invalidParams?.map(\.name) == ["title"])
                #expect(problem.detail.contains("at most 200"))
            }
            #expect(try await store.risks().isEmpty)
            try await client.execute(
                uri: "/api/v1/risks", method: .post, headers: signedIn("bea"), body: try Self.risk(title: "Vacancies")
            ) { response in
                #expect(response.status == .created)
            }
        }
    }

    @Test(
        "a proposal id with a space, CR, LF or a leading dash is refused naming 'id'",
        arguments: ["EK 9", "EK\r9", "EK\n9", "-EK9", "EK/9", String(repeating: "a", count: 65), ""])
    func badProposalIDs(id: String) async throws {
        let (store, app) = try await Self.app()
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/proposals", method: .post, headers: signedIn("bea"), body: try Self.proposal(id: id)
            ) { response in
                #expect(response.status == .badRequest)
                let problem = try response.json(Problem.self)
                #expect(problem.invalidParams?.first?.name == "id")
            }
        }
        #expect(try await store.decisions().isEmpty)
    }

    @Test("a valid proposal id is tabled and can then be voted on at its address")
    func validProposalID() async throws {
        let (_, app) = try await Self.app()
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/proposals", method: .post, headers: signedIn("bea"),
                body: try Self.proposal(id: "EK-2026.11_b")
            ) { response in
                #expect(response.status == .created)
            }
            // Its address resolves: the vote is refused by the memorandum (nobody present), not "not found".
            try await client.execute(
                uri: "/api/v1/proposals/EK-2026.11_b/vote", method: .post, headers: signedIn("bea"),
                body: ByteBuffer(string: #"{"present":[],"votes":[]}"#)
            ) { response in
                #expect(response.status != .notFound)
            }
        }
    }

    @Test("an over-long title on a proposal, and a line break in it, are refused naming 'title'")
    func proposalTitle() async throws {
        let (_, app) = try await Self.app()
        try await app.test(.router) { client in
            for title in [String(repeating: "t", count: 201), "two\nlines"] {
                try await client.execute(
                    uri: "/api/v1/proposals", method: .post, headers: signedIn("bea"),
                    body: try Self.proposal(id: "EK-1", title: title)
                ) { response in
                    #expect(response.status == .badRequest)
                    let problem = try response.json(Problem.self)
                    #expect(problem.invalidParams?.first?.name == "title")
                }
            }
        }
    }
}
