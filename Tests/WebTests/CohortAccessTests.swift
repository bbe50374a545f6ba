import ConcordatCore
import Foundation
import Hummingbird
import HummingbirdTesting
import PopulationHealth
import Storage
import Testing

@testable import Web

@Suite("The identifiable top-risk cohort: analysts only, every read logged", .serialized)
struct CohortAccessTests {
    @Test("401 without sign-in, 403 for other roles, the list for an analyst with the access logged")
    func access() async throws {
        let store = try await makeDatasetStore(people: 6_000, seed: 21)
        for (name, role) in [("ann", Role.analyst), ("vic", .viewer), ("ada", .administrator)] {
            try await store.insertUser(
                UserAccount(
                    username: name, role: role, passwordHash: PasswordHashing.hash("correct horse battery", cost: 4)))
        }
        let analysis = try JSONDecoder().decode(
            PopulationAnalysis.self, from: try #require(try await store.datasetSummary()?.analysis))
        let (practice, expected) = try #require(analysis.admissionRisk?.cohortByPractice.max { $0.value < $1.value })
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            let uri = "/api/v1/practices/\(practice)/cohort"
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .unauthorized)
                // A Bearer challenge, never Basic: a browser must not be asked for (and then keep) a password.
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(response.headers[.cacheControl] == "private, no-store")
            }
            try await client.execute(uri: uri, method: .get, headers: signedIn("ann", password: "wrong password!!")) {
                response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: uri, method: .get, headers: signedIn("vic")) {
                response in
                #expect(response.status == .forbidden)
                #expect(!response.text.contains("personId"))
            }
            try await client.execute(uri: uri, method: .get, headers: signedIn("ann")) {
                response in
                #expect(response.status == .ok)
                let document = try response.json(CohortController<BasicRequestContext>.CohortDocument.self)
                #expect(document.people.count == expected)
                #expect(document.people.map(\.rank) == Array(1...expected))
                #expect(
                    document.people.allSatisfy {
                        $0.personId.range(of: "^[0-9a-f]{32}$", options: .regularExpression) != nil
                    })
                #expect(
                    zip(document.people, document.people.dropFirst()).allSatisfy { $0.riskPercent >= $1.riskPercent })
            }
            try await client.execute(
                uri: "/api/v1/access-log", method: .get, headers: signedIn("ann")
            ) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(
                uri: "/api/v1/access-log", method: .get, headers: signedIn("ada")
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("\"username\":\"ann\""))
                #expect(response.text.contains("\"subject\":\"\(practice)\""))
                #expect(response.text.contains("\(expected) people"))
            }
            try await client.execute(
                uri: "/api/v1/practices/QKS/cohort", method: .get, headers: signedIn("ann")
            ) { response in
                #expect(response.status == .notFound)
            }
        }
        // One logged read: the analyst's successful one (refusals return nothing, so log nothing).
        let log = try await store.accessLog(limit: 10)
        #expect(log.count == 1)
        #expect(log.first?.username == "ann")
    }
}
