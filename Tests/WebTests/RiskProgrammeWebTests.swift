import ConcordatCore
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Ingest
import Storage
import SystemPack
import Testing

@testable import Web

@Suite("The risk register and work programme on the web", .serialized)
struct RiskProgrammeWebTests {
    @Test("risks are scored, reviewed and escalated by rule; the heat map and register render")
    func risks() async throws {
        let store = try SQLiteStore()
        try await store.replaceSystem(try kentMedway.get())
        try await store.insertUser(
            UserAccount(
                username: "ann", role: .analyst, organisation: "kcc",
                passwordHash: PasswordHashing.hash("correct horse battery", cost: 4)))
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            let risk =
                #"{"id":"R-9","title":"Nurse vacancies","owner":"CD","area":"U34235","inherent":{"likelihood":4,"consequence":4},"current":{"likelihood":3,"consequence":4},"target":{"likelihood":2,"consequence":2}}"#
            try await client.execute(
                uri: "/api/v1/risks", method: .post, headers: jsonHeaders, body: ByteBuffer(string: risk)
            ) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(
                uri: "/api/v1/risks", method: .post, headers: signedIn("ann"), body: ByteBuffer(string: risk)
            ) {
                response in
                #expect(response.status == .created)
                let view = try response.json(RiskProgrammeController<BasicRequestContext>.RiskView.self)
                #expect(view.score == 12 && view.band == .high && view.escalateTo == nil)
            }
            let bad =
                #"{"id":"R-10","title":"x","owner":"y","area":"U34235","inherent":{"likelihood":6,"consequence":4},"current":{"likelihood":3,"consequence":4},"target":{"likelihood":2,"consequence":2}}"#
            try await client.execute(
                uri: "/api/v1/risks", method: .post, headers: signedIn("ann"), body: ByteBuffer(string: bad)
            ) {
                response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(
                uri: "/api/v1/risks/R-9/review", method: .post, headers: signedIn("ann"),
                body: ByteBuffer(string: #"{"likelihood":4,"consequence":5}"#)
            ) { response in
                #expect(response.status == .ok)
                let view = try response.json(RiskProgrammeController<BasicRequestContext>.RiskView.self)
                #expect(view.band == .extreme)
                // Dover Town PCN's extreme risk goes up to its place, East Kent.
                #expect(view.escalateTo == "east-kent")
                #expect(view.risk.history.count == 2)
            }
            try await client.execute(uri: "/risks", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("class=\"chart heatmap\""))
                #expect(response.text.contains("Nurse vacancies") && response.text.contains("East Kent"))
            }
        }
    }

    @Test("the programme shows what is late; a gateway refuses a decision that is not ratified")
    func programme() async throws {
        let store = try SQLiteStore()
        let kent = try kentMedway.get()
        try await store.replaceSystem(kent)
        try await store.insertUser(
            UserAccount(
                username: "bea", role: .boardSecretary,
                passwordHash: PasswordHashing.hash("correct horse battery", cost: 4)))
        let kentProgramme = try #require(kentPack.programme)
        _ = try await store.updateWorkProgramme { _ in (kentProgramme, nil) }
        let memorandum = try kentPack.memorandum!.memorandum()
        try await store.adoptMemorandum(
            memorandum, routes: kentPack.memorandum!.routes, detail: "adopted")
        let proposal = Proposal(
            id: "GO-2", title: "Enter Transition", type: .gateway, tabled: Day(year: 2018, month: 3, day: 20)!)
        _ = try await store.updateDecision("GO-2") { _ in (DecisionRecord(proposal: proposal), .proposal, "tabled") }
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            try await client.execute(uri: "/programme", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("class=\"chart gantt\""))
                #expect(response.text.contains("Decide scope of collective functions during transition"))  // late
            }
            try await client.execute(
                uri: "/api/v1/programme/gateways/G2/pass", method: .post, headers: signedIn("bea"),
                body: ByteBuffer(string: #"{"decision":"GO-2"}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let problem = try response.json(Problem.self)
                #expect(problem.detail.contains("only by a ratified decision"))
            }
            try await client.execute(
                uri: "/api/v1/programme/milestones/M1", method: .post, headers: signedIn("bea"),
                body: ByteBuffer(string: #"{"status":"done"}"#)
            ) { response in
                #expect(response.status == .ok)
                let programme = try response.json(WorkProgramme.self)
                #expect(programme.milestones.first?.status == .done)
            }
        }
    }
}
