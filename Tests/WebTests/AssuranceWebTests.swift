import Assurance
import ConcordatCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Ingest
import PopulationHealth
import Storage
import SystemPack
import Testing

@testable import Web

@Suite("Assurance on the web: dashboard, SPC charts, returns, escalations", .serialized)
struct AssuranceWebTests {
    static func store() async throws -> SQLiteStore {
        let store = try await makeDatasetStore(people: 3_000, seed: 31)
        let kent = try kentMedway.get()
        try await store.saveIndicatorValues(kentPack.demoIndicatorValues(system: kent, lastMonth: "2026-06"))
        for (name, role) in [("pat", Role.partnerRepresentative), ("bea", .boardSecretary), ("vic", .viewer)] {
            try await store.insertUser(
                UserAccount(
                    username: name, role: role, organisation: role == .partnerRepresentative ? "kcc" : nil,
                    passwordHash: PasswordHashing.hash("correct horse battery", cost: 4)))
        }
        return store
    }

    @Test("the dashboard compares places; a place's page charts each indicator; the API gives the SPC document")
    func dashboard() async throws {
        let app = Application(router: try buildRouter(store: try await Self.store()))
        try await app.test(.router) { client in
            try await client.execute(uri: "/assurance", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("A&amp;E: seen within 4 hours"))
                #expect(response.text.contains("East Kent") && response.text.contains("West Kent"))
                #expect(
                    response.text.contains("aria-label=\"Common cause variation\"")
                        || response.text.contains("Special cause"))
            }
            try await client.execute(uri: "/assurance/east-kent", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("class=\"chart spc\""))
                #expect(response.text.contains("class=\"spc-limit\""))
                #expect(response.text.contains("78.0% — 2024/25 and 2025/26 planning guidance"))
            }
            try await client.execute(uri: "/assurance/G82002", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/indicators/ae-4-hour/areas/east-kent/spc", method: .get) {
                response in
                #expect(response.status == .ok)
                let document = try response.json(XmRChart.Document.self)
                #expect(document.points.count == 24)
                #expect(document.provisional == false)
                #expect(document.assuranceIcon != nil)
            }
            // Computed from the dataset: 12 months, so provisional, and no icons on the page.
            try await client.execute(uri: "/api/v1/indicators/ae-attendances/areas/QKS/spc", method: .get) { response in
                #expect(response.status == .notFound)  // not computed until the demo saves them
            }
        }
    }

    @Test("a place submits a return; an exception escalates; the commissioner asks for more, then accepts")
    func returns() async throws {
        let store = try await Self.store()
        let app = Application(router: try buildRouter(store: store))
        // East Kent's A&E series ends in June 2026; July 2026 far below the process raises special cause concern.
        let body =
            #"{"place":"east-kent","month":"2026-07","values":[{"indicator":"ae-4-hour","value":40}],"narrative":"Ambulance handovers collapsed.","actions":"Opened the discharge lounge."}"#
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/returns", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body)
            ) {
                response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(
                uri: "/api/v1/returns", method: .post, headers: signedIn("vic"), body: ByteBuffer(string: body)
            ) {
                response in
                #expect(response.status == .forbidden)
            }
            let bad =
                #"{"place":"nowhere","month":"July","values":[{"indicator":"ae-4-hour","value":140}],"narrative":""}"#
            try await client.execute(
                uri: "/api/v1/returns", method: .post, headers: signedIn("pat"), body: ByteBuffer(string: bad)
            ) {
                response in
                #expect(response.status == .badRequest)
                let names = try response.json(Problem.self).invalidParams?.map(\.name)
                #expect(names == ["place", "month", "values[0].value", "narrative"])
            }
            var id: Int64 = 0
            try await client.execute(
                uri: "/api/v1/returns", method: .post, headers: signedIn("pat"), body: ByteBuffer(string: body)
            ) {
                response in
                #expect(response.status == .created)
                let receipt = try response.json(ReturnReceipt.self)
                id = try #require(receipt.assuranceReturn.id)
                #expect(
                    receipt.escalations.contains { $0.reason == .specialCauseConcern && $0.indicator == "ae-4-hour" })
                #expect(receipt.escalations.allSatisfy { $0.returnID == id })
            }
            try await client.execute(
                uri: "/api/v1/returns/\(id)/review", method: .post, headers: signedIn("pat"),
                body: ByteBuffer(string: #"{"status":"accepted"}"#)
            ) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(
                uri: "/api/v1/returns/\(id)/review", method: .post, headers: signedIn("bea"),
                body: ByteBuffer(string: #"{"status":"more-information-requested"}"#)
            ) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(
                uri: "/api/v1/returns/\(id)/review", method: .post, headers: signedIn("bea"),
                body: ByteBuffer(
                    string: #"{"status":"more-information-requested","note":"When will handovers recover?"}"#)
            ) { response in
                #expect(response.status == .ok)
                let reviewed = try response.json(AssuranceReturn.self)
                #expect(reviewed.status == .moreInformationRequested)
            }
            try await client.execute(uri: "/assurance/returns", method: .get) { response in
                #expect(response.text.contains("Ambulance handovers collapsed."))
                // The reviewer by role, not by username.
                #expect(response.text.contains("Board secretary: When will handovers recover?"))
                #expect(!response.text.contains("bea:"))
                #expect(response.text.contains("special cause concern"))
            }
            try await client.execute(uri: "/assurance", method: .get) { response in
                #expect(response.text.contains("Open escalations"))
            }
        }
        #expect(
            try await store.indicatorValues().contains {
                $0.month == "2026-07" && $0.area == "east-kent" && $0.value == 40
            })
    }
}
