import ConcordatCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Web

/// Tabling a proposal from `/decisions` (issue 17's journey in the browser): the secretariat's form, with
/// a business case attached on tabling, all or nothing.
@Suite("Tabling a proposal on /decisions, its business case attached", .serialized)
struct ProposalTablingWebTests {
    static func post(_ cookie: String) -> HTTPFields {
        var headers = SignInTests.form
        headers[.cookie] = cookie
        return headers
    }

    @Test(
        "the secretary tables with a case attached; others 403; a bad kind 400; an unknown case 404 and nothing tabled")
    func tabling() async throws {
        let store = try await BusinessCaseWebTests.store()
        try await store.insertUser(
            UserAccount(
                username: "pat", role: .partnerRepresentative, organisation: "kcc",
                passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/business-cases", method: .post, headers: signedIn("analyst"),
                body: try BusinessCaseWebTests.body(id: "BC-T")
            ) { #expect($0.status == .created) }
            let form = #"<form method="post" action="/decisions">"#
            try await client.execute(uri: "/decisions", method: .get) { #expect(!$0.text.contains(form)) }
            let (cookie, csrf) = try await SignInTests.signIn(client, "secretary")
            try await client.execute(uri: "/decisions", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.text.contains(form) && response.text.contains(#"<option value="service-redesign">"#))
                #expect(response.text.contains(#"<option value="kcc">Kent County Council</option>"#))
            }
            func fields(_ id: String, type: String = "service-redesign", case businessCase: String = "") -> String {
                "csrf=\(csrf)&id=\(id)&title=Home+first&type=\(type)&sponsor=kcc&businessCase=\(businessCase)"
                    + "&hasExitArrangements=yes"
            }
            // Refused, and nothing tabled: an unknown case, a bad kind, no token, another role.
            try await client.execute(
                uri: "/decisions", method: .post, headers: Self.post(cookie),
                body: ByteBuffer(string: fields("EK-T0", case: "BC-NONE"))
            ) { #expect($0.status == .notFound) }
            try await client.execute(
                uri: "/decisions", method: .post, headers: Self.post(cookie),
                body: ByteBuffer(string: fields("EK-T0", type: "coup"))
            ) { #expect($0.status == .badRequest) }
            try await client.execute(
                uri: "/decisions", method: .post, headers: Self.post(cookie),
                body: ByteBuffer(string: fields("EK-T0").replacingOccurrences(of: "csrf=\(csrf)", with: "csrf=x"))
            ) { #expect($0.status == .forbidden) }
            let (patCookie, patCSRF) = try await SignInTests.signIn(client, "pat")
            try await client.execute(
                uri: "/decisions", method: .post, headers: Self.post(patCookie),
                body: ByteBuffer(
                    string: fields("EK-T0").replacingOccurrences(of: "csrf=\(csrf)", with: "csrf=\(patCSRF)"))
            ) { #expect($0.status == .forbidden) }
            #expect(try await store.decision("EK-T0") == nil)

            try await client.execute(
                uri: "/decisions", method: .post, headers: Self.post(cookie),
                body: ByteBuffer(string: fields("EK-T1", case: "BC-T"))
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/decisions#EK-T1")
            }
            let tabled = try #require(try await store.decision("EK-T1"))
            #expect(tabled.proposal.sponsor == "kcc" && tabled.proposal.hasExitArrangements)
            #expect(tabled.proposal.businessCase?.id == "BC-T")
            try await client.execute(uri: "/decisions", method: .get) { response in
                #expect(response.text.contains(#"<a href="/business-cases/BC-T">BC-T</a>"#))
                #expect(response.text.contains("has recorded no determination"))
            }
            // The case is attached once: tabling another with it is a 409, and tables nothing.
            try await client.execute(
                uri: "/decisions", method: .post, headers: Self.post(cookie),
                body: ByteBuffer(string: fields("EK-T2", case: "BC-T"))
            ) { #expect($0.status == .conflict) }
            #expect(try await store.decision("EK-T2") == nil)
        }
    }
}
