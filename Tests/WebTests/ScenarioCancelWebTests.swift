import ConcordatCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Partnership
@testable import Web

/// Cancelling a scenario on the web (issue 17): `POST /api/v1/scenarios/{id}/cancel` and the results
/// page's button. The run queue's turn is held by the test, so the scenario is surely still queued when
/// it is cancelled (no timing).
@Suite("Cancelling a scenario on the web: the API and the results page's button", .serialized)
struct ScenarioCancelWebTests {
    /// The scenario tests' store, with an analyst of another organisation (KCHFT).
    static func store() async throws -> any Store {
        let store = try await ScenarioWebTests.store()
        try await store.insertUser(
            UserAccount(
                username: "oli", role: .analyst, organisation: "kchft",
                passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        return store
    }

    /// The run queue's turn, held by a test so that what it submits stays queued; given back once, even
    /// when the test stops early.
    final class HeldTurn: @unchecked Sendable {
        private let lock = NSLock()
        private var held = true

        init() async throws { try await ScenarioRunQueue.shared.acquire() }

        private func take() -> Bool {
            lock.withLock {
                defer { held = false }
                return held
            }
        }

        func giveBack() async { if take() { await ScenarioRunQueue.shared.release() } }

        func giveBackIfHeld() { if take() { Task { await ScenarioRunQueue.shared.release() } } }
    }

    /// The JSON of an answer.
    static func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
    }

    /// Waits for job `id` to stop running (polling; no time bound) and gives its status.
    static func jobEnds(_ client: some TestClientProtocol, _ id: Int) async throws -> String {
        while true {
            var status = ""
            try await client.execute(uri: "/api/v1/jobs", method: .get) { response in
                let items = try #require(try Self.object(response)["items"] as? [[String: Any]])
                status = items.first { $0["id"] as? Int == id }?["status"] as? String ?? "missing"
            }
            if status != "running" { return status }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    @Test("the API: 401 signed out, 403 other roles and organisations, 404 unknown, 200 cancelled, 409 twice and done")
    func api() async throws {
        let store = try await Self.store()
        let app = Application(router: try buildRouter(store: store))
        let turn = try await HeldTurn()
        defer { turn.giveBackIfHeld() }
        try await app.test(.router) { client in
            let definition = try ScenarioWebTests.definition(runs: 40)
            var job = 0
            try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: signedIn("ana"), body: ByteBuffer(data: definition)
            ) { response in
                #expect(response.status == .accepted)
                job = try #require(try Self.object(response)["job"] as? Int)
            }
            let cancel = "/api/v1/scenarios/1/cancel"
            try await client.execute(uri: cancel, method: .post, headers: jsonHeaders) {
                #expect($0.status == .unauthorized)
            }
            for user in ["vic", "admin", "oli"] {
                try await client.execute(uri: cancel, method: .post, headers: signedIn(user)) { response in
                    #expect(response.status == .forbidden, "\(user)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(user)")
                }
            }
            #expect(try await store.scenario(id: 1)?.status == .queued)
            for path in ["/api/v1/scenarios/2/cancel", "/api/v1/scenarios/0/cancel", "/api/v1/scenarios/x/cancel"] {
                try await client.execute(uri: path, method: .post, headers: signedIn("ana")) {
                    #expect($0.status == .notFound, "\(path)")
                }
            }
            // Not JSON: refused before anything is read, as every API change is.
            var form = signedIn("ana")
            form[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(uri: cancel, method: .post, headers: form) {
                #expect($0.status == .unsupportedMediaType)
            }
            try await client.execute(uri: cancel, method: .post, headers: signedIn("ana")) { response in
                #expect(response.status == .ok)
                let document = try Self.object(response)
                #expect(document["status"] as? String == "cancelled" && document["results"] == nil)
            }
            try await client.execute(uri: cancel, method: .post, headers: signedIn("ana")) { response in
                #expect(response.status == .conflict)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.text.contains("is cancelled, not queued or running"))
            }
            // Its job, which was waiting for its turn, leaves the line and shows cancelled.
            #expect(try await Self.jobEnds(client, job) == "cancelled")
            await turn.giveBack()
            try await client.execute(uri: "/api/v1/scenarios/1", method: .get) { response in
                let document = try Self.object(response)
                #expect(document["status"] as? String == "cancelled")
                #expect(document["results"] == nil)
            }

            // A finished scenario: 409, and its results stay.
            try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: signedIn("ana"),
                body: ByteBuffer(data: try ScenarioWebTests.definition(runs: 5))
            ) { #expect($0.status == .accepted) }
            let done = try await ScenarioWebTests.finished(client, 2)
            #expect(done["status"] as? String == "done")
            try await client.execute(uri: "/api/v1/scenarios/2/cancel", method: .post, headers: signedIn("ana")) {
                response in
                #expect(response.status == .conflict)
                #expect(response.text.contains("is done"))
            }
            #expect(try await store.scenario(id: 2)?.results != nil)
        }
    }

    @Test("the results page's button: for an analyst of its organisation while it runs, CSRF checked, then cancelled")
    func page() async throws {
        let store = try await Self.store()
        let app = Application(router: try buildRouter(store: store))
        let turn = try await HeldTurn()
        defer { turn.giveBackIfHeld() }
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: signedIn("ana"),
                body: ByteBuffer(data: try ScenarioWebTests.definition(runs: 40))
            ) { #expect($0.status == .accepted) }
            let button = #"<form method="post" action="/scenarios/1/cancel">"#
            let (cookie, csrf) = try await SignInTests.signIn(client, "ana")
            try await client.execute(uri: "/scenarios/1", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(button) && response.text.contains(#"value="\#(csrf)""#))
            }
            try await client.execute(uri: "/scenarios/1", method: .get) { #expect(!$0.text.contains(button)) }
            let (other, otherCSRF) = try await SignInTests.signIn(client, "oli")
            try await client.execute(uri: "/scenarios/1", method: .get, headers: [.cookie: other]) {
                #expect(!$0.text.contains(button))
            }
            func post(_ cookie: String, _ body: String) -> HTTPFields {
                var headers = SignInTests.form
                headers[.cookie] = cookie
                return headers
            }
            // Another organisation's analyst, with a good token of their own: 403.
            try await client.execute(
                uri: "/scenarios/1/cancel", method: .post, headers: post(other, ""),
                body: ByteBuffer(string: "csrf=\(otherCSRF)")
            ) { #expect($0.status == .forbidden) }
            // No token, or another session's: 403, nothing changed.
            for body in ["", "csrf=\(otherCSRF)", "csrf=nonsense"] {
                try await client.execute(
                    uri: "/scenarios/1/cancel", method: .post, headers: post(cookie, body),
                    body: ByteBuffer(string: body)
                ) { #expect($0.status == .forbidden, "\(body)") }
            }
            #expect(try await store.scenario(id: 1)?.status == .queued)
            try await client.execute(
                uri: "/scenarios/1/cancel", method: .post, headers: post(cookie, ""),
                body: ByteBuffer(string: "csrf=\(csrf)")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/scenarios/1")
            }
            try await client.execute(uri: "/scenarios/1", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Cancelled: its run was stopped on request"))
                #expect(!response.text.contains(button) && !response.text.contains("It could not be run"))
                #expect(!response.text.contains(#"http-equiv="refresh""#))
            }
            try await client.execute(uri: "/scenarios", method: .get) { #expect($0.text.contains("cancelled")) }
            // Twice from the page: the 409 problem, not a 500.
            try await client.execute(
                uri: "/scenarios/1/cancel", method: .post, headers: post(cookie, ""),
                body: ByteBuffer(string: "csrf=\(csrf)")
            ) { #expect($0.status == .conflict) }
            try await client.execute(
                uri: "/scenarios/99/cancel", method: .post, headers: post(cookie, ""),
                body: ByteBuffer(string: "csrf=\(csrf)")
            ) { #expect($0.status == .notFound) }
        }
        await turn.giveBack()
    }

    @Test("cancelling a scenario's job (POST /api/v1/jobs/{id}/cancel) cancels the scenario too, kept so")
    func throughItsJob() async throws {
        let store = try await Self.store()
        let app = Application(router: try buildRouter(store: store))
        let turn = try await HeldTurn()
        defer { turn.giveBackIfHeld() }
        try await app.test(.router) { client in
            var job = 0
            try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: signedIn("ana"),
                body: ByteBuffer(data: try ScenarioWebTests.definition(runs: 40))
            ) { response in
                #expect(response.status == .accepted)
                job = try #require(try Self.object(response)["job"] as? Int)
            }
            try await client.execute(uri: "/api/v1/jobs/\(job)/cancel", method: .post, headers: signedIn("admin")) {
                #expect($0.status == .ok)
            }
            #expect(try await Self.jobEnds(client, job) == "cancelled")
            await turn.giveBack()
            let stored = try #require(try await store.scenario(id: 1))
            #expect(stored.status == .cancelled && stored.results == nil)
            try await client.execute(uri: "/api/v1/scenarios/1/cancel", method: .post, headers: signedIn("ana")) {
                #expect($0.status == .conflict)
            }
        }
    }
}
