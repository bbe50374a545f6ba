import ConcordatCore
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Ingest
import Storage
import Testing

@testable import Web

/// Every operation that needs a sign-in, tried by every role: the roles the API document lists get past
/// the door (whatever the body then earns), every other role gets 403, and no sign-in gets 401.
@Suite("Authorisation: every route refuses the roles that must not use it")
struct AuthorisationTests {
    @Test("the documented roles, and only they, may use each signed-in operation")
    func matrix() async throws {
        let store = try await makeDatasetStore(people: 1_000, seed: 61)
        for role in Role.allCases {
            try await store.insertUser(
                UserAccount(
                    username: "user-\(role.rawValue)", role: role, organisation: "kcc",
                    passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        }
        let app = Application(router: try buildRouter(store: store))
        let guarded = OpenAPIDocument.operations.filter(\.signIn)
        #expect(guarded.count >= 18)
        try await app.test(.router) { client in
            for operation in guarded {
                let uri = HostileInputTests.path(operation.path, "east-kent")
                let method: HTTPRequest.Method =
                    operation.method == "GET" ? .get : operation.method == "POST" ? .post : .patch
                // A body that passes the door but does nothing lasting: refused later as invalid, or harmless.
                let body = ByteBuffer(string: operation.path == "/api/v1/jobs" ? #"{"kind":"none"}"# : "{}")
                try await client.execute(uri: uri, method: method, headers: jsonHeaders, body: body) { response in
                    #expect(response.status == .unauthorized, "\(operation.method) \(uri) without a sign-in")
                }
                for role in Role.allCases {
                    let allowed = operation.roles?.contains(role) == true
                    try await client.execute(
                        uri: uri, method: method, headers: signedIn("user-\(role.rawValue)"), body: body
                    ) { response in
                        if allowed {
                            #expect(
                                response.status != .forbidden && response.status != .unauthorized,
                                "\(role.rawValue) may \(operation.method) \(uri) but got \(response.status)")
                        } else {
                            #expect(
                                response.status == .forbidden,
                                "\(role.rawValue) may not \(operation.method) \(uri) but got \(response.status)")
                            #expect(response.headers[.contentType] == "application/problem+json")
                        }
                        #expect(response.status.code < 500)
                    }
                }
            }
        }
    }

    @Test("the API document lists each operation's roles, and viewers may change nothing")
    func documented() throws {
        let document = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any]
        let paths = try #require(document?["paths"] as? [String: [String: [String: Any]]])
        let payments = try #require(paths["/api/v1/pools/{code}/payments"]?["post"])
        #expect(payments["x-roles"] as? [String] == ["administrator", "finance"])
        for operation in OpenAPIDocument.operations where operation.method != "GET" {
            #expect(operation.roles != nil, "\(operation.method) \(operation.path) is open to anyone")
            #expect(operation.roles?.contains(.viewer) != true, "\(operation.path) lets a viewer change it")
        }
    }

    @Test("the browser's forms refuse the roles that must not use them, after checking the session's token")
    func forms() async throws {
        let store = try await makeDatasetStore(people: 1_000, seed: 62)
        try await adoptEastKentMemorandum(store)
        let proposal = Proposal(
            id: "F1", title: "Form test", type: .engagement, tabled: Day(year: 2018, month: 6, day: 14)!,
            hasGreenBookBusinessCase: true, hasExitArrangements: true)
        _ = try await store.updateDecision("F1") { _ in (DecisionRecord(proposal: proposal), .proposal, "") }
        for role in Role.allCases {
            try await store.insertUser(
                UserAccount(
                    username: "user-\(role.rawValue)", role: role, organisation: "kcc",
                    passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        }
        let forms: [(path: String, fields: String, may: @Sendable (Role) -> Bool)] = [
            ("/assurance/returns", "place=east-kent&month=2026-10&narrative=n&actions=a", \.maySubmitReturns),
            ("/decisions/F1/ballot", "choice=abstain", { $0 == .partnerRepresentative }),
            ("/decisions/F1/close", "", \.mayManagePartnership),
            ("/jobs", "", \.mayRunJobs),
            ("/jobs/999/cancel", "", \.mayRunJobs),
        ]
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            for role in Role.allCases {
                let (cookie, csrf) = try await SignInTests.signIn(client, "user-\(role.rawValue)")
                var headers = SignInTests.form
                headers[.cookie] = cookie
                for form in forms {
                    // Without the session's token, nobody gets in.
                    try await client.execute(
                        uri: form.path, method: .post, headers: headers, body: ByteBuffer(string: form.fields)
                    ) { response in
                        #expect(response.status == .forbidden, "\(role.rawValue) \(form.path) without a token")
                    }
                }
                for form in forms where form.path != "/decisions/F1/close" {
                    try await client.execute(
                        uri: form.path, method: .post, headers: headers,
                        body: ByteBuffer(string: form.fields + "&csrf=\(csrf)")
                    ) { response in
                        if form.may(role) {
                            #expect(response.status != .forbidden, "\(role.rawValue) may post \(form.path)")
                        } else {
                            #expect(response.status == .forbidden, "\(role.rawValue) may not post \(form.path)")
                        }
                        #expect(response.status.code < 500)
                    }
                }
            }
            // Closing ends the vote, so each role that may not close is tried first.
            for role in Role.allCases.sorted(by: { !$0.mayManagePartnership && $1.mayManagePartnership }) {
                let (cookie, csrf) = try await SignInTests.signIn(client, "user-\(role.rawValue)")
                var headers = SignInTests.form
                headers[.cookie] = cookie
                try await client.execute(
                    uri: "/decisions/F1/close", method: .post, headers: headers,
                    body: ByteBuffer(string: "csrf=\(csrf)")
                ) { response in
                    #expect(
                        (response.status == .forbidden) == !role.mayManagePartnership,
                        "\(role.rawValue) closing: \(response.status)")
                }
            }
        }
    }
}
