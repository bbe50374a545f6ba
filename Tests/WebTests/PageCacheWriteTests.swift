import Assurance
import ConcordatCore
import ConcordatTestSupport
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Ingest
import Storage
import Testing

@testable import Web

/// Every kind of write, made while the pages that show it are kept: the next anonymous read shows it.
@Suite("The page cache: a page read after each kind of write shows the write", .serialized)
struct PageCacheWriteTests {
    static func user(_ store: any Store, _ name: String, _ role: Role, organisation: String? = nil) async throws {
        try await store.insertUser(
            UserAccount(
                username: name, role: role, organisation: organisation,
                passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
    }

    @Test("tabling, a vote and ratification: the decisions page and the register")
    func governance() async throws {
        let store = try SQLiteStore()
        try await store.replaceSystem(try kentMedway.get())
        let memorandum = try await adoptEastKentMemorandum(store)
        let routes = kentPack.memorandum!.routes
        try await Self.user(store, "bea", .boardSecretary)
        let parties = memorandum.seats.filter { $0.kind == .party }.map(\.organisation)
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            let proposal =
                #"{"id":"PC-1","title":"Cached community budgets","type":"transfer-of-decision-making","tabled":"2018-06-14","hasGreenBookBusinessCase":true,"createsJointArrangement":true,"hasExitArrangements":true,"ringFenceBreaches":[]}"#
            try await expectShown(client, "/decisions", "Cached community budgets", "tabled") {
                try await client.execute(
                    uri: "/api/v1/proposals", method: .post, headers: signedIn("bea"),
                    body: ByteBuffer(string: proposal)
                ) { #expect($0.status == .created) }
            }
            let present = parties.map { "\"\($0)\"" }.joined(separator: ",")
            let votes = parties.enumerated().map { #"{"organisation":"\#($1)","choice":"\#($0 < 10 ? "yes" : "no")"}"# }
            try await expectShown(client, "/decisions", "10 of 14", "voted") {
                try await client.execute(
                    uri: "/api/v1/proposals/PC-1/vote", method: .post, headers: signedIn("bea"),
                    body: ByteBuffer(string: #"{"present":[\#(present)],"votes":[\#(votes.joined(separator: ","))]}"#)
                ) { #expect($0.status == .ok) }
            }
            try await expectShown(client, "/decisions", "ratified by every party", "ratified") {
                for party in parties {
                    let body = routes.body(for: party, type: .transferOfDecisionMaking)
                    try await client.execute(
                        uri: "/api/v1/proposals/PC-1/ratifications", method: .post, headers: signedIn("bea"),
                        body: ByteBuffer(
                            string:
                                #"{"party":"\#(party)","body":"\#(body)","date":"2018-07-01","minuteReference":"M/\#(party)","ratified":true}"#
                        )
                    ) { #expect($0.status == .ok) }
                }
            }
            let entries = try await store.registerEntries().count
            try await expectShown(client, "/decisions/register", "All \(entries + 1) entries verify", "register") {
                let elsewhere = Proposal(
                    id: "PC-2", title: "Tabled elsewhere", type: .engagement, tabled: Day(year: 2018, month: 7, day: 1)!
                )
                _ = try await store.updateDecision("PC-2") { _ in (DecisionRecord(proposal: elsewhere), .proposal, "") }
            }
        }
    }

    @Test("a return and its review: the returns page and the dashboard")
    func assurance() async throws {
        let store = try await makeDatasetStore(people: 3_000, seed: 31)
        let kent = try kentMedway.get()
        try await store.saveIndicatorValues(kentPack.demoIndicatorValues(system: kent, lastMonth: "2026-06"))
        try await Self.user(store, "pat", .partnerRepresentative, organisation: "kcc")
        try await Self.user(store, "bea", .boardSecretary)
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            let body =
                #"{"place":"east-kent","month":"2026-07","values":[{"indicator":"ae-4-hour","value":40}],"narrative":"Handovers cached collapsed.","actions":"Opened the lounge."}"#
            var id: Int64 = 0
            try await expectShown(client, "/assurance/returns", "Handovers cached collapsed.", "return") {
                try await client.execute(
                    uri: "/api/v1/returns", method: .post, headers: signedIn("pat"), body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .created)
                    id = try #require(try response.json(ReturnReceipt.self).assuranceReturn.id)
                }
            }
            try await expectShown(client, "/assurance/returns", "Board secretary: When will it recover?", "review") {
                try await client.execute(
                    uri: "/api/v1/returns/\(id)/review", method: .post, headers: signedIn("bea"),
                    body: ByteBuffer(string: #"{"status":"more-information-requested","note":"When will it recover?"}"#)
                ) { #expect($0.status == .ok) }
            }
            // Indicator values imported straight into the store: the place's SPC page shows the new month.
            try await expectShown(client, "/assurance/east-kent", FinanceMonth.label("2026-09"), "indicator values") {
                try await store.saveIndicatorValues([
                    IndicatorValue(indicator: "ae-4-hour", area: "east-kent", month: "2026-09", value: 70)
                ])
            }
        }
    }

    @Test("a pool payment: the pools page")
    func payment() async throws {
        let store = try await makeDatasetStore(people: 3_000, seed: 7)
        try await Self.user(store, "fin", .finance, organisation: "886")
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            try await expectShown(client, "/money/pools", "£123.45", "payment") {
                try await client.execute(
                    uri: "/api/v1/pools/kcc-social-care/payments", method: .post, headers: signedIn("fin"),
                    body: ByteBuffer(
                        string:
                            #"{"partner":"886","setting":"adult_social_care","area":"east-kent","month":"2026-04","amountPence":12345}"#
                    )
                ) { #expect($0.status == .created) }
            }
        }
    }

    @Test("a risk, its review, the programme and a milestone: the risks and programme pages")
    func risksAndProgramme() async throws {
        let store = try SQLiteStore()
        try await store.replaceSystem(try kentMedway.get())
        try await Self.user(store, "ann", .analyst, organisation: "kcc")
        try await Self.user(store, "bea", .boardSecretary)
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            let risk =
                #"{"id":"R-C","title":"Cached vacancies","owner":"CD","area":"U34235","inherent":{"likelihood":4,"consequence":4},"current":{"likelihood":3,"consequence":4},"target":{"likelihood":2,"consequence":2}}"#
            try await expectShown(client, "/risks", "Cached vacancies", "risk") {
                try await client.execute(
                    uri: "/api/v1/risks", method: .post, headers: signedIn("ann"), body: ByteBuffer(string: risk)
                ) { #expect($0.status == .created) }
            }
            let reviewed = try await read(client, "/risks").text
            try await expectShown(client, "/risks", { $0 != reviewed && $0.contains("Cached vacancies") }, "review") {
                try await client.execute(
                    uri: "/api/v1/risks/R-C/review", method: .post, headers: signedIn("ann"),
                    body: ByteBuffer(string: #"{"likelihood":5,"consequence":5}"#)
                ) { #expect($0.status == .ok) }
            }
            try await expectShown(client, "/programme", "class=\"chart gantt\"", "programme adopted") {
                let programme = try #require(kentPack.programme)
                _ = try await store.updateWorkProgramme { _ in (programme, nil) }
            }
            let programme = try #require(try await store.workProgramme())
            let late = try #require(programme.late(on: .today).first)
            try await expectShown(client, "/programme", { !$0.contains(">\(late.title)</th>") }, "milestone") {
                try await client.execute(
                    uri: "/api/v1/programme/milestones/\(late.id)", method: .post, headers: signedIn("bea"),
                    body: ByteBuffer(string: #"{"status":"done"}"#)
                ) { #expect($0.status == .ok) }
            }
        }
    }

    @Test("organisations added and changed: the partnership page")
    func organisations() async throws {
        let store = try await makeGuardStore()
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            try await expectShown(client, "/partnership", "Cached Health Partnership", "added") {
                try await client.execute(
                    uri: "/api/v1/organisations", method: .post, headers: signedIn("secretary"),
                    body: ByteBuffer(
                        string: #"{"code":"cached-hp","name":"Cached Health Partnership","role":"nhs_trust"}"#)
                ) { #expect($0.status == .created, "\($0.text)") }
            }
            try await expectShown(client, "/partnership", "Renamed Health Partnership", "changed") {
                try await client.execute(
                    uri: "/api/v1/organisations/cached-hp", method: .patch, headers: signedIn("secretary"),
                    body: ByteBuffer(string: #"{"name":"Renamed Health Partnership"}"#)
                ) { #expect($0.status == .ok, "\($0.text)") }
            }
        }
    }

    @Test("an import job and an analysis job: the area page shows the dataset they loaded")
    func jobs() async throws {
        let kent = try kentMedway.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-pc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SyntheticPopulation.write(
            system: kent, spec: SyntheticPopulationSpec.kentMedway(seed: 3, people: 2_000),
            to: folder.appendingPathComponent("extract"))
        let key = folder.appendingPathComponent("provider.key")
        try Pseudonymiser.generateKeyFile(at: key)
        let store = try SQLiteStore()
        try await store.replaceSystem(kent)
        try await Self.user(store, "ada", .administrator)
        try await Self.user(store, "ann", .analyst)
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            func run(_ body: String, by user: String) async throws {
                try await client.execute(
                    uri: "/api/v1/jobs", method: .post, headers: signedIn(user), body: ByteBuffer(string: body)
                ) { #expect($0.status == .accepted, "\($0.text)") }
                var status = "running"
                for _ in 0..<600 where status == "running" {
                    try await Task.sleep(for: .milliseconds(100))
                    try await client.execute(uri: "/api/v1/jobs", method: .get) { response in
                        let jobs = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
                        status = ((jobs?["items"] as? [[String: Any]])?.first?["status"] as? String) ?? "missing"
                    }
                }
                #expect(status == "done")
            }
            try await expectShown(client, "/areas/east-kent", "In the integrated dataset", "import job") {
                try await run(
                    #"{"kind":"import","directory":"\#(folder.appendingPathComponent("extract").path)","keyFile":"\#(key.path)","extractDate":"2026-07-01"}"#,
                    by: "ada")
            }
            // The analysis job writes the same analysis again: the page is rendered afresh (a new tag),
            // showing the same figures.
            let before = try await read(client, "/")
            try await run(#"{"kind":"analysis"}"#, by: "ann")
            let after = try await read(client, "/")
            #expect(after.status == .ok && after.etag != nil && after.etag != before.etag)
            #expect(try await read(client, "/", [.ifNoneMatch: before.etag!]).status == .ok)
        }
    }

    @Test("a write by another store on the same SQLite file (another process's) is shown at once")
    func anotherStore() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "concordat-pc-\(UUID().uuidString).sqlite"
        ).path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let serving = try SQLiteStore(path: path)
        try await serving.replaceSystem(try kentMedway.get())
        let app = Application(router: try buildRouter(store: serving))
        let elsewhere = try SQLiteStore(path: path)
        try await app.test(.router) { client in
            try await expectShown(client, "/partnership", "Trust From Elsewhere", "organisation from elsewhere") {
                try await elsewhere.insertOrganisation(
                    Organisation(code: "elsewhere", name: "Trust From Elsewhere", role: .nhsTrust))
            }
            try await expectShown(client, "/risks", "Risk from elsewhere", "risk from elsewhere") {
                _ = try await elsewhere.updateRisk("R-E") { _ in
                    Risk(
                        id: "R-E", title: "Risk from elsewhere", owner: "CD", area: "U34235", controls: "", actions: "",
                        inherent: try RiskScore(likelihood: 3, consequence: 3),
                        current: try RiskScore(likelihood: 3, consequence: 3),
                        target: try RiskScore(likelihood: 1, consequence: 1), on: .today)
                }
            }
        }
    }
}
