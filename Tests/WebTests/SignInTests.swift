import ConcordatCore
import Foundation
import Governance
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Ingest
import Storage
import Testing

@testable import Web

@Suite("Signing in with a server session; forms carry a CSRF token", .serialized)
struct SignInTests {
    /// The value of `name="…" value="…"` in a page.
    static func field(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The `name=value` of a Set-Cookie header.
    static func cookie(_ name: String, in response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix(name + "=") }.map { String($0.prefix { $0 != ";" }) }
    }

    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    static func signIn(_ client: some TestClientProtocol, _ user: String) async throws -> (cookie: String, csrf: String)
    {
        var formToken = ""
        var formCookie = ""
        try await client.execute(uri: "/sign-in", method: .get) { response in
            formToken = try #require(Self.field("csrf", in: response.text))
            formCookie = try #require(Self.cookie("concordat_signin", in: response))
        }
        var session = ""
        var headers = Self.form
        headers[.cookie] = formCookie
        headers[HTTPField.Name("X-Forwarded-Proto")!] = "https"  // as behind a TLS-terminating proxy
        try await client.execute(
            uri: "/sign-in", method: .post, headers: headers,
            body: ByteBuffer(string: "username=\(user)&password=correct+horse+battery&csrf=\(formToken)")
        ) { response in
            #expect(response.status == .seeOther)
            let set = response.headers[values: .setCookie].joined(separator: " | ")
            #expect(set.contains("HttpOnly") && set.contains("SameSite=Strict") && set.contains("Secure"))
            session = try #require(Self.cookie("concordat_session", in: response))
        }
        var csrf = ""
        try await client.execute(uri: "/decisions", method: .get, headers: [.cookie: session]) { response in
            #expect(response.text.contains("Signed in as \(user)"))
            csrf = try #require(Self.field("csrf", in: response.text))
        }
        return (session, csrf)
    }

    @Test("sign in, vote for your own organisation, close the vote, submit a return, sign out")
    func journey() async throws {
        let store = try SQLiteStore()
        try await store.replaceSystem(try kentMedway.get())
        try await adoptEastKentMemorandum(store)
        let proposal = Proposal(
            id: "W-1", title: "Winter plan", type: .engagement, tabled: Day.today, hasGreenBookBusinessCase: true)
        _ = try await store.updateDecision("W-1") { _ in (DecisionRecord(proposal: proposal), .proposal, "tabled") }
        for (name, role, organisation) in [("pat", Role.partnerRepresentative, "kcc"), ("bea", .boardSecretary, nil)] {
            try await store.insertUser(
                UserAccount(
                    username: name, role: role, organisation: organisation,
                    passwordHash: PasswordHashing.hash("correct horse battery", cost: 4)))
        }
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            // A wrong password, and a form without its token, are refused.
            try await client.execute(
                uri: "/sign-in", method: .post, headers: Self.form,
                body: ByteBuffer(string: "username=pat&password=x&csrf=y")
            ) { response in
                #expect(response.status == .forbidden)
            }
            let (patCookie, patToken) = try await Self.signIn(client, "pat")
            var headers = Self.form
            headers[.cookie] = patCookie
            try await client.execute(uri: "/decisions", method: .get, headers: [.cookie: patCookie]) { response in
                #expect(response.text.contains("Vote for Kent County Council"))
            }
            try await client.execute(
                uri: "/decisions/W-1/ballot", method: .post, headers: headers,
                body: ByteBuffer(string: "choice=yes&csrf=forged")
            ) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(
                uri: "/decisions/W-1/ballot", method: .post, headers: headers,
                body: ByteBuffer(string: "choice=yes&csrf=\(patToken)")
            ) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(
                uri: "/decisions/W-1/ballot", method: .post, headers: headers,
                body: ByteBuffer(string: "choice=no&csrf=\(patToken)")
            ) { response in
                #expect(response.status == .unprocessableContent)  // one seat, one vote
            }
            // The representative may not close the vote; the secretariat may.
            try await client.execute(
                uri: "/decisions/W-1/close", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf=\(patToken)")
            ) { response in
                #expect(response.status == .forbidden)
            }
            let (beaCookie, beaToken) = try await Self.signIn(client, "bea")
            var secretary = Self.form
            secretary[.cookie] = beaCookie
            try await client.execute(
                uri: "/decisions/W-1/close", method: .post, headers: secretary,
                body: ByteBuffer(string: "csrf=\(beaToken)")
            ) { response in
                #expect(response.status == .seeOther)
            }
            // A return through the form.
            try await client.execute(
                uri: "/assurance/returns", method: .post, headers: headers,
                body: ByteBuffer(
                    string:
                        "csrf=\(patToken)&place=east-kent&month=2026-10&value-ae-4-hour=71.5&narrative=Busy+October&actions=Extra+beds"
                )
            ) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/assurance/returns", method: .get, headers: [.cookie: patCookie]) {
                response in
                #expect(response.text.contains("Busy October"))
            }
            // Signing out ends the session.
            try await client.execute(
                uri: "/sign-out", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(patToken)")
            ) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/decisions", method: .get, headers: [.cookie: patCookie]) { response in
                #expect(!response.text.contains("Signed in as pat"))
            }
        }
        let record = try #require(try await store.decisions().first { $0.id == "W-1" })
        #expect(record.outcome?.yes == 1)
        #expect(record.outcome?.agreedInPrinciple == false)  // one of fourteen is not two-thirds
        #expect(
            try await store.registerEntries().contains { $0.kind == .ballot && $0.detail.contains("kcc voted yes") })
    }
}
