import ConcordatCore
import Foundation
import Governance
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Web

@Suite("Cross-site requests: refused, and machines sign in without exposing browsers", .serialized)
struct CrossSiteTests {
    static let organisation = #"{"code":"medway-council","name":"Medway Council","role":"local_authority"}"#

    @Test("a form posted from another site is refused, with the session and its token, and nothing is written")
    func crossSiteForm() async throws {
        let store = try await makeGuardStore()
        try await adoptEastKentMemorandum(store)
        let proposal = Proposal(
            id: "X-1", title: "Cross-site test", type: .engagement, tabled: Day.today, hasGreenBookBusinessCase: true)
        _ = try await store.updateDecision("X-1") { _ in (DecisionRecord(proposal: proposal), .proposal, "tabled") }
        try await store.insertUser(
            UserAccount(
                username: "pat", role: .partnerRepresentative, organisation: "kcc",
                passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        try await guardedApp(store).test(.router) { client in
            let (cookie, csrf) = try await SignInTests.signIn(client, "pat")
            var headers = SignInTests.form
            headers[.cookie] = cookie
            let ballot = ByteBuffer(string: "choice=yes&csrf=\(csrf)")
            for (name, value) in [
                ("Origin", "https://evil.example"), ("Origin", "http://localhost.evil.example"),
                ("Origin", "http://localhost:8443"), ("Origin", "null"), ("Sec-Fetch-Site", "cross-site"),
            ] {
                try await client.execute(
                    uri: "/decisions/X-1/ballot", method: .post, headers: adding(headers, name, value), body: ballot
                ) { response in
                    #expect(response.status == .forbidden, "\(name): \(value)")
                    #expect(response.text.contains("Concordat"))  // the HTML error page, for a form
                }
            }
            #expect(try await store.decision("X-1")?.ballots == nil)
            #expect(try await store.registerEntries().contains { $0.kind == .ballot } == false)
            // Signing in from another site (login CSRF) is refused too.
            try await client.execute(
                uri: "/sign-in", method: .post, headers: adding(SignInTests.form, "Origin", "https://evil.example"),
                body: ByteBuffer(string: "username=pat&password=correct+horse+battery&csrf=x")
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.setCookie] == nil)
            }
            // The page's own origin passes: named, or hidden (`null`) but vouched for by the browser.
            try await client.execute(
                uri: "/sign-in", method: .post, headers: adding(SignInTests.form, "Origin", "http://localhost"),
                body: ByteBuffer(string: "username=pat&password=wrong&csrf=x")
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("The form had expired"))  // past the guard, refused by the form
            }
            try await client.execute(
                uri: "/decisions/X-1/ballot", method: .post,
                headers: adding(adding(headers, "Origin", "null"), "Sec-Fetch-Site", "same-origin"),
                body: ballot
            ) { response in
                #expect(response.status == .seeOther)
            }
        }
        #expect(try await store.decision("X-1")?.ballots?.count == 1)
        #expect(
            try await store.registerEntries().contains {
                // The register seals each entry with the decision's record hash after the words.
                $0.kind == .ballot && $0.detail.hasPrefix("kcc voted yes (cast by its representative)")
            })
    }

    @Test("an API write sent as text/plain, without a type, or from another origin is refused; nothing is written")
    func apiWrites() async throws {
        let store = try await makeGuardStore()
        let before = try await store.organisations().count
        try await guardedApp(store).test(.router) { client in
            let body = ByteBuffer(string: Self.organisation)
            for contentType in ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", nil] {
                var headers = basic("secretary")
                if let contentType { headers[.contentType] = contentType }
                try await client.execute(uri: "/api/v1/organisations", method: .post, headers: headers, body: body) {
                    response in
                    #expect(response.status == .unsupportedMediaType, "\(contentType ?? "no type")")
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let problem = try response.json(Problem.self)
                    #expect(problem.type.hasSuffix("unsupported-media-type"))
                }
            }
            for (name, value) in [("Origin", "https://evil.example"), ("Sec-Fetch-Site", "cross-site")] {
                try await client.execute(
                    uri: "/api/v1/organisations", method: .post,
                    headers: adding(signedIn("secretary"), name, value), body: body
                ) { response in
                    #expect(response.status == .forbidden, "\(name): \(value)")
                    let problem = try response.json(Problem.self)
                    #expect(problem.type.hasSuffix("cross-site"))
                }
            }
            #expect(try await store.organisations().count == before)
            // JSON from a script (or from the same origin) is taken.
            try await client.execute(
                uri: "/api/v1/organisations", method: .post,
                headers: adding(
                    adding(basic("secretary"), "Content-Type", "application/json; charset=utf-8"),
                    "Origin", "http://localhost"),
                body: body
            ) { response in
                #expect(response.status == .created)
            }
        }
        #expect(try await store.organisations().count == before + 1)
    }

    @Test("HTTP Basic is never challenged, and refused from a browser or alongside cookies")
    func basicForScriptsOnly() async throws {
        let store = try await makeGuardStore()
        try await guardedApp(store).test(.router) { client in
            for headers in [HTTPFields(), basic("ada", password: "not the password")] {
                try await client.execute(uri: "/api/v1/access-log", method: .get, headers: headers) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let challenges = response.headers[values: .wwwAuthenticate]
                    #expect(challenges == ["Bearer realm=\"Concordat\""])
                    #expect(!challenges.contains { $0.lowercased().contains("basic") })
                }
            }
            // The right password, but from a browser (Sec-Fetch-Site) or with cookies: refused.
            for (name, value) in [
                ("Sec-Fetch-Site", "same-origin"), ("Sec-Fetch-Site", "none"), ("Cookie", "theme=dark"),
            ] {
                try await client.execute(
                    uri: "/api/v1/access-log", method: .get, headers: adding(basic("ada"), name, value)
                ) { response in
                    #expect(response.status == .unauthorized, "\(name): \(value)")
                    let problem = try response.json(Problem.self)
                    #expect(problem.detail.contains("scripts"))
                }
            }
            try await client.execute(uri: "/api/v1/access-log", method: .get, headers: basic("ada")) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("API tokens: a Bearer token signs a script in as its user; a revoked or unknown one is refused")
    func bearerTokens() async throws {
        let store = try await makeGuardStore()
        let (token, record) = try await store.createAPIToken(username: "secretary", name: "partnership sync")
        let (adminToken, _) = try await store.createAPIToken(username: "ada", name: "audit")
        @Sendable func bearer(_ token: String) -> HTTPFields {
            [.authorization: "Bearer \(token)", .contentType: "application/json"]
        }
        try await guardedApp(store).test(.router) { client in
            try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: bearer(token),
                body: ByteBuffer(string: Self.organisation)
            ) { response in
                #expect(response.status == .created)
            }
            // A token acts with its user's role: the secretary's may not read the access log, ada's may.
            try await client.execute(uri: "/api/v1/access-log", method: .get, headers: bearer(token)) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/v1/access-log", method: .get, headers: bearer(adminToken)) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "private, no-store")
            }
            // A token with cookies still works: a browser never sends one by itself.
            try await client.execute(
                uri: "/api/v1/access-log", method: .get, headers: adding(bearer(adminToken), "Cookie", "a=b")
            ) { response in
                #expect(response.status == .ok)
            }
            try await store.revokeAPIToken(id: record.id)
            for refused in [token, "cct_" + String(repeating: "0", count: 64), "not-a-token", ""] {
                try await client.execute(
                    uri: "/api/v1/organisations/medway-council", method: .patch, headers: bearer(refused),
                    body: ByteBuffer(string: #"{"name":"Medway Council (renamed)"}"#)
                ) { response in
                    #expect(response.status == .unauthorized, "\(refused)")
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                }
            }
        }
        #expect(try await store.organisation(code: "medway-council").name == "Medway Council")
        #expect(try await store.apiTokens(username: "secretary").first?.lastUsedAt != nil)
    }

    @Test("public pages and the public API name organisations or roles, never usernames")
    func noUsernamesInPublic() async throws {
        let store = try await makeGuardStore()
        for (name, role, organisation) in [
            ("pat.smith", Role.partnerRepresentative, "kcc"), ("bea.jones", .boardSecretary, nil),
        ] {
            try await store.insertUser(
                UserAccount(
                    username: name, role: role, organisation: organisation,
                    passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        }
        try await guardedApp(store).test(.router) { client in
            try await client.execute(
                uri: "/api/v1/returns", method: .post, headers: signedIn("pat.smith"),
                body: ByteBuffer(
                    string:
                        #"{"place":"east-kent","month":"2026-10","values":[{"indicator":"ae-4-hour","value":72.5}],"narrative":"n","actions":"a"}"#
                )
            ) { response in
                #expect(response.status == .created)
            }
            try await client.execute(
                uri: "/api/v1/returns/1/review", method: .post, headers: signedIn("bea.jones"),
                body: ByteBuffer(string: #"{"status":"accepted","note":"Thank you."}"#)
            ) { response in
                #expect(response.status == .ok)
            }
            for uri in ["/api/v1/returns", "/assurance/returns"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    let text = response.text
                    #expect(text.contains("Kent County Council"), "\(uri)")
                    #expect(text.contains("Board secretary"), "\(uri)")
                    for username in ["pat.smith", "bea.jones"] {
                        #expect(!text.contains(username), "\(uri) shows the username \(username)")
                    }
                }
            }
        }
        // The store keeps who did it, for the record.
        #expect(try await store.assuranceReturns().first?.submittedBy == "pat.smith")
    }
}
