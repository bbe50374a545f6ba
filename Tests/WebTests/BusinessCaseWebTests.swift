import ConcordatCore
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Partnership
import Storage
import SystemPack
import Testing

@testable import Web

@Suite("Business cases on the web: the API, the pages, the exports, and the attacks refused as 4xx")
struct BusinessCaseWebTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/examples/east-kent-frailty.json")

    /// A synthetic Kent & Medway store with its pack, the memorandum, an analyst, an NHS account, and KCC's
    /// Section 151 officer.
    static func store() async throws -> SQLiteStore {
        let store = try await makeDatasetStore(people: 1_500, seed: 71)
        try await SystemPackStorage.save(kentPack, in: store)
        try await adoptEastKentMemorandum(store)
        for (username, role, organisation) in [
            ("analyst", Role.analyst, "kcc"), ("kcc-s151", .finance, "kcc"), ("nhs-cfo", .finance, "kchft"),
            ("secretary", .boardSecretary, nil),
        ] as [(String, Role, String?)] {
            try await store.insertUser(
                UserAccount(
                    username: username, role: role, organisation: organisation,
                    passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        }
        _ = try await CaseOffice(store: store).appoint("kcc-s151", to: .section151Officer, by: .commandLine)
        return store
    }

    static func body(id: String, strategic: String = "Shift care home first") throws -> ByteBuffer {
        var scenario = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: example)) as? [String: Any])
        scenario["runs"] = 5
        let object: [String: Any] = [
            "id": id, "title": "East Kent frailty", "strategic": strategic, "commercial": "KCHFT",
            "management": "Board", "scenario": scenario,
            "milestones": [
                ["id": "\(id)-M1", "title": "Teams", "workstream": "Frailty", "owner": "Director", "due": "2027-06-30"]
            ],
        ]
        return ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
    }

    @Test(
        "an analyst drafts a case by the API; its page shows the tornado as SVG with a text alternative; CSV and JSON download"
    )
    func draftAndShow() async throws {
        let store = try await Self.store()
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/business-cases", method: .post, headers: signedIn("analyst"),
                body: try Self.body(id: "BC-1")
            ) { response in
                #expect(response.status == .created, "\(response.text)")
                #expect(response.text.contains("\"greenBookGaps\":[]"))
            }
            try await client.execute(uri: "/business-cases/BC-1", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<svg") && response.text.contains("class=\"chart tornado\""))
                #expect(response.text.contains("<desc id=\"tornado-desc\">Central NPSV"))
                #expect(response.text.contains("Green Book standard: met"))
                #expect(response.text.contains("<h3>Who bears what under the risk-share agreement</h3>"))
                #expect(response.text.contains("Settled under: Tiered corridors"))
                #expect(response.text.contains("BC-1-M1: Teams"))
            }
            try await client.execute(uri: "/business-cases", method: .get) { response in
                #expect(response.text.contains("/business-cases/BC-1"))
            }
            try await client.execute(uri: "/business-cases/BC-1.csv", method: .get) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.text.hasPrefix("section,item,year,value\n"))
                #expect(response.text.contains("economic,discounting,,"))
            }
            try await client.execute(uri: "/business-cases/BC-1.json", method: .get) { response in
                let object = try #require(
                    try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
                #expect(object["scenarioDefinition"] is String && object["appraisalReport"] is String)
            }
            // A scenario is named by its stored number: anything else is a 400, an unknown one a 404
            // (ScenarioWebTests drafts from a stored one).
            try await client.execute(uri: "/business-cases/new?scenario=SC-7", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/business-cases/new?scenario=7", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/business-cases/nope", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test(
        "attacks: 1 MB of text, control characters, no scenario, a viewer, an NHS account's determination → 4xx problems"
    )
    func attacks() async throws {
        let store = try await Self.store()
        try await store.insertUser(
            UserAccount(
                username: "viewer", role: .viewer, organisation: "kcc",
                passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            for (body, field) in [
                (try Self.body(id: "BC-2", strategic: String(repeating: "x", count: 1_000_000)), "strategic"),
                (try Self.body(id: "BC-2", strategic: "bad\u{0}text"), "strategic"),
                (ByteBuffer(string: #"{"id":"BC-2","title":"t"}"#), "scenario"),
            ] {
                try await client.execute(
                    uri: "/api/v1/business-cases", method: .post, headers: signedIn("analyst"), body: body
                ) { response in
                    #expect(response.status == .badRequest, "\(field): \(response.status)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                    #expect(response.text.contains(field))
                }
            }
            try await client.execute(
                uri: "/api/v1/business-cases", method: .post, headers: signedIn("viewer"),
                body: try Self.body(id: "BC-3")
            ) { response in #expect(response.status == .forbidden) }
            try await client.execute(
                uri: "/api/v1/business-cases", method: .post, headers: signedIn("analyst"),
                body: try Self.body(id: "BC-4")
            ) { response in #expect(response.status == .created) }
            let determination = ByteBuffer(string: #"{"outcome":"affordable","reason":"fine"}"#)
            try await client.execute(
                uri: "/api/v1/business-cases/BC-4/determination", method: .post, headers: signedIn("nhs-cfo"),
                body: determination
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(
                uri: "/api/v1/business-cases/BC-4/determination", method: .post, headers: signedIn("kcc-s151"),
                body: determination
            ) { response in #expect(response.status == .ok, "\(response.text)") }
            try await client.execute(
                uri: "/api/v1/business-cases/BC-4/attach", method: .post, headers: signedIn("analyst"),
                body: ByteBuffer(string: #"{"proposal":"NOPE"}"#)
            ) { response in #expect(response.status == .notFound) }
        }
    }

    @Test("the forms: draft from the textarea (no JavaScript), the S151 officer's determination, a 1 MB field → 400")
    func forms() async throws {
        let store = try await Self.store()
        let app = Application(router: try buildRouter(store: store))
        var scenario = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.example)) as? [String: Any])
        scenario["runs"] = 5
        let definition = String(decoding: try JSONSerialization.data(withJSONObject: scenario), as: UTF8.self)
        @Sendable func encoded(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        }
        try await app.test(.router) { client in
            let (cookie, csrf) = try await SignInTests.signIn(client, "analyst")
            var headers = SignInTests.form
            headers[.cookie] = cookie
            try await client.execute(
                uri: "/business-cases/new", method: .post, headers: headers,
                body: ByteBuffer(
                    string:
                        "csrf=\(csrf)&id=BC-F&title=\(encoded("Home first"))&strategic=why&scenario=\(encoded(definition))"
                )
            ) { response in
                #expect(response.status == .seeOther, "\(response.text)")
                #expect(response.headers[.location] == "/business-cases/BC-F")
            }
            try await client.execute(
                uri: "/business-cases/new", method: .post, headers: headers,
                body: ByteBuffer(
                    string:
                        "csrf=\(csrf)&id=BC-G&title=t&strategic=\(String(repeating: "x", count: 1_000_000))&scenario=\(encoded(definition))"
                )
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("the business case was not drafted"), "\(response.text.suffix(600))")
            }
            let (officerCookie, officerCSRF) = try await SignInTests.signIn(client, "kcc-s151")
            headers[.cookie] = officerCookie
            try await client.execute(
                uri: "/business-cases/BC-F/determination", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf=\(officerCSRF)&outcome=affordable&reason=\(encoded("Within plan"))")
            ) { response in #expect(response.status == .seeOther) }
            try await client.execute(uri: "/business-cases/BC-F", method: .get) { response in
                #expect(
                    response.text.contains("kcc&#39;s Section 151 officer kcc-s151")
                        || response.text.contains("kcc's Section 151 officer kcc-s151"))
            }
        }
        #expect(try await store.businessCase("BC-F")?.determinations.map(\.outcome) == [.affordable])
        #expect(try await store.businessCase("BC-G") == nil)
    }
}
