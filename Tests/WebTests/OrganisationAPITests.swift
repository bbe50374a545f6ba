import ConcordatCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Web

@Suite("The organisations API")
struct OrganisationAPITests {
    @Test("GET lists the East Kent partnership in its published order")
    func list() async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/organisations", method: .get) { response in
                let list = try response.json(ListDocument<Organisation>.self)
                #expect(list.items.count == 19)
                #expect(list.items.first?.name == "Ashford Clinical Commissioning Group")
                #expect(list.items.filter { $0.role == .adviser }.allSatisfy { !$0.isSignatory })
                // The three acute trusts outside the East Kent memorandum sign nothing and carry ODS codes.
                #expect(
                    list.items.filter { !$0.isSignatory && $0.role == .nhsTrust }.compactMap(\.odsCode) == [
                        "RWF", "RPA", "RN7",
                    ])
            }
        }
    }

    @Test("POST adds an organisation (201 with Location); the same code again is 409")
    func create() async throws {
        let app = try await makeApp(try kentMedway.get())
        let body = #"{"code":"medway-council","name":"Medway Council","role":"local_authority"}"#
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: signedIn("secretary"),
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .created)
                #expect(response.headers[.location] == "/api/v1/organisations/medway-council")
                let created = try response.json(Organisation.self)
                #expect(created.role == .localAuthority)
                #expect(created.isSignatory)
            }
            try await client.execute(uri: "/api/v1/organisations/medway-council", method: .get) { response in
                let organisation = try response.json(Organisation.self)
                #expect(organisation.name == "Medway Council")
            }
            try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: signedIn("secretary"),
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .conflict)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test("POST with bad fields is a 400 naming every refused field")
    func invalidFields() async throws {
        let app = try await makeApp(try kentMedway.get())
        let body = #"{"code":"Not A Code","name":"  ","role":"overlord","membership":"friend"}"#
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: signedIn("secretary"),
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .badRequest)
                let problem = try response.json(Problem.self)
                #expect(Set(problem.invalidParams?.map(\.name) ?? []) == ["code", "name", "role", "membership"])
                #expect(problem.invalidParams?.first { $0.name == "role" }?.reason.contains("local_authority") == true)
            }
            try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: signedIn("secretary"),
                body: ByteBuffer(string: #"{"name":"X"}"#)
            ) { response in
                let problem = try response.json(Problem.self)
                #expect(Set(problem.invalidParams?.map(\.name) ?? []) == ["code", "role"])
            }
        }
    }

    @Test("a body that is not JSON, or has a wrong type, is a 400 problem+json")
    func malformed() async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            for body in ["{not json", #"{"code":"x","name":"X","role":"adviser","isSignatory":"yes"}"#, "[]"] {
                try await client.execute(
                    uri: "/api/v1/organisations", method: .post, headers: signedIn("secretary"),
                    body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .badRequest, "\(body)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let problem = try response.json(Problem.self)
                    #expect(problem.status == 400)
                }
            }
        }
    }

    @Test("PATCH changes only the fields given; an adviser made a trust becomes a signatory; the code cannot change")
    func patch() async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/organisations/kent-lmc", method: .patch, headers: signedIn("secretary"),
                body: ByteBuffer(string: #"{"name":"Kent LMC"}"#)
            ) { response in
                #expect(response.status == .ok)
                let updated = try response.json(Organisation.self)
                #expect(updated.name == "Kent LMC")
                #expect(updated.role == .adviser)
                #expect(!updated.isSignatory)
            }
            try await client.execute(
                uri: "/api/v1/organisations/kent-lmc", method: .patch, headers: signedIn("secretary"),
                body: ByteBuffer(string: #"{"role":"primary_care_at_scale"}"#)
            ) { response in
                let organisation = try response.json(Organisation.self)
                #expect(organisation.isSignatory)
            }
            try await client.execute(
                uri: "/api/v1/organisations/kent-lmc", method: .patch, headers: signedIn("secretary"),
                body: ByteBuffer(string: #"{"code":"lmc"}"#)
            ) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(
                uri: "/api/v1/organisations/nobody", method: .patch, headers: signedIn("secretary"),
                body: ByteBuffer(string: #"{"name":"X"}"#)
            ) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(uri: "/api/v1/organisations", method: .get) { response in
                let list = try response.json(ListDocument<Organisation>.self)
                #expect(list.items.last?.name == "Kent LMC")  // position kept
            }
        }
    }
}
