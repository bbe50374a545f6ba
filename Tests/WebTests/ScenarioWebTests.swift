import ConcordatCore
import ConcordatTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Ingest
import Partnership
import Storage
import SystemPack
import Testing

@testable import Web

/// The whole path on the web (issue 17): an analyst posts the East Kent frailty definition through the
/// builder form, the job runs it, and its results page shows the fan chart, the waterfall and the red lines;
/// the API's JSON carries the same money as `concordat scenario run` for the same definition and seed.
@Suite("Scenarios on the web: form, job, results pages and API", .serialized)
struct ScenarioWebTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/examples/east-kent-frailty.json")

    /// Kent & Medway from its pack with a small synthetic dataset, as `demo` loads it, and an analyst and a
    /// viewer.
    static func store() async throws -> any Store {
        let pack = try BundledPacks.kent.get()
        let kent = try BundledPacks.kentSystem.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-scenario-web-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = SyntheticPopulationSpec.kentMedway(seed: 17, people: 2_000)
        _ = try SyntheticPopulation.write(system: kent, spec: spec, to: folder)
        let store = try SQLiteStore()
        try await store.replaceSystem(kent)
        try await SystemPackStorage.save(pack, in: store)
        _ = try await DatasetLoading(store: store, system: kent).load(
            directory: folder, pseudonymiser: try Pseudonymiser(key: [UInt8](repeating: 3, count: 32)),
            extractDate: spec.referenceDate, source: "synthetic")
        for (name, role, organisation) in [
            ("ana", Role.analyst, "kcc"), ("vic", .viewer, String?.none), ("admin", .administrator, nil),
        ] {
            try await store.insertUser(
                UserAccount(
                    username: name, role: role, organisation: organisation,
                    passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        }
        return store
    }

    /// The example with `runs`.
    static func definition(runs: Int = 40) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: example)) as? [String: Any])
        object["runs"] = runs
        return try JSONSerialization.data(withJSONObject: object)
    }

    /// `value` encoded for a form body.
    static func encoded(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// Waits for scenario `id` to leave queued and running (polling the API; no time bound).
    static func finished(_ client: some TestClientProtocol, _ id: Int64) async throws -> [String: Any] {
        while true {
            var document: [String: Any] = [:]
            try await client.execute(uri: "/api/v1/scenarios/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                document = try #require(
                    try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            }
            let status = document["status"] as? String
            if status == "done" || status == "failed" { return document }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    @Test("an analyst posts the East Kent frailty definition through the form; the results page shows it all")
    func formToResults() async throws {
        let store = try await Self.store()
        let json = try Self.definition()
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            let (cookie, csrf) = try await SignInTests.signIn(client, "ana")
            var headers = SignInTests.form
            headers[.cookie] = cookie
            try await client.execute(uri: "/scenarios/new", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(#"name="c1.fractionLow""#) && response.text.contains("<textarea"))
                #expect(response.text.contains(#"name="e1.partner""#) && response.text.contains(#"name="e3.perYear""#))
                #expect(!response.text.contains("<script"))
            }
            var location = ""
            try await client.execute(
                uri: "/scenarios", method: .post, headers: headers,
                body: ByteBuffer(
                    string: "csrf=\(csrf)&definition=\(Self.encoded(String(decoding: json, as: UTF8.self)))")
            ) { response in
                #expect(response.status == .seeOther)
                location = response.headers[.location] ?? ""
            }
            #expect(location == "/scenarios/1")
            let document = try await Self.finished(client, 1)
            #expect(document["status"] as? String == "done")
            // The API's results say who bears what, and that it adds up in every run.
            let published = try #require(document["results"] as? [String: Any])
            let share = try #require(published["riskShare"] as? [String: Any])
            #expect(share["runsAddingUp"] as? Int == share["runsSettled"] as? Int)
            #expect((share["partners"] as? [String])?.isEmpty == false)
            try await client.execute(uri: location, method: .get) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(page.contains("<h1>East Kent frailty: home first</h1>"))
                #expect(
                    page.contains(
                        #"id="fan-title">Cost of activity by year: p10, p50 and p90 against the control total"#))
                #expect(page.contains(#"id="waterfall-title">Change-factor waterfall, 2031/32"#))
                #expect(page.contains(#"id="tornado-title""#))
                #expect(page.contains("Red lines: the share of runs that break each"))
                #expect(page.contains("ring-fence: "))
                #expect(page.contains("envelope: RYY"))
                #expect(page.contains("Emergency admissions per 1,000 aged 75+"))
                #expect(page.contains(#"href="/business-cases/new?scenario=1""#))
                #expect(page.contains(#"href="/scenarios/1/red-lines.csv""#))
                #expect(page.contains("Who bears what under the risk-share agreement (Tiered corridors"))
                #expect(page.contains(#"href="/scenarios/1/risk-share.csv""#))
                #expect(page.contains("ledger budget (baseline cost + headroom)"))
                #expect(!page.contains("Not shown yet"))
                #expect(!page.contains("{{") && !page.contains("<script"))
            }
            for table in [
                "projection", "waterfall", "tornado", "ledger", "risk-share", "red-lines", "indicators", "beds",
                "settings",
            ] {
                try await client.execute(uri: "/scenarios/1/\(table).csv", method: .get) { response in
                    #expect(response.status == .ok, "\(table)")
                    #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                    #expect(response.text.split(separator: "\r\n").count >= 2, "\(table)")
                }
            }
            try await client.execute(uri: "/scenarios/1/nothing.csv", method: .get) { #expect($0.status == .notFound) }
            // "Draft its business case": the form is filled with the stored definition, as submitted.
            try await client.execute(
                uri: "/business-cases/new?scenario=1", method: .get, headers: [.cookie: cookie]
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(#"<a href="/scenarios/1">1: East Kent frailty: home first</a>"#))
                #expect(response.text.contains("&quot;changes&quot;") || response.text.contains("\"changes\""))
            }
            for bad in ["0", "x", "99", "-1", "1e9999"] {
                try await client.execute(
                    uri: "/business-cases/new?scenario=\(bad)", method: .get, headers: [.cookie: cookie]
                ) { response in
                    #expect([.badRequest, .notFound].contains(response.status), "scenario=\(bad)")
                }
            }
            try await client.execute(uri: "/scenarios", method: .get) { response in
                #expect(response.text.contains(#"<a href="/scenarios/1">1: East Kent frailty: home first</a>"#))
                #expect(response.text.contains("Kent County Council"))  // the author, by organisation
                #expect(!response.text.contains(">ana<"))
            }
            // The API's results: the same money as `concordat scenario run` prints for the definition and seed.
            let results = try await ScenarioStudy.read(from: store).run(json)
            try await client.execute(uri: "/api/v1/scenarios/1", method: .get) { response in
                let report = try #require(try response.json(APIScenario.self).results)
                #expect(report.principal.map(\.costPence) == results.principal.map(\.costPence))
                #expect(report.waterfall == results.waterfall)
                #expect(report.redLines == results.redLines)
                #expect(report.streams == results.streams)
                #expect(report.percentiles.map(\.costPence) == results.percentiles.map(\.costPence))
            }
        }
    }

    /// The API's scenario document, as read back.
    struct APIScenario: Decodable {
        var id: Int64
        var status: String
        var results: ScenarioReport?
    }

    @Test("the builder's fields make the same definition; a refused field is shown beside it, with its path")
    func builder() async throws {
        let store = try await Self.store()
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            let (cookie, csrf) = try await SignInTests.signIn(client, "ana")
            var headers = SignInTests.form
            headers[.cookie] = cookie
            let fields = [
                "name": "Frailty by the form", "baseYear": "2026/27", "horizon": "3", "runs": "20", "seed": "5",
                "growthLow": "0.2", "growthHigh": "0.8", "growth75Low": "2", "growth75High": "3.5",
                "occupancy": "92", "c1.name": "Avoid", "c1.kind": "avoid", "c1.setting": "inpatient_nonelective",
                "c1.places": "east-kent", "c1.agedAtLeast": "75", "c1.segments": "longDeclineFrailtyDementia",
                "c1.fractionLow": "5", "c1.fractionHigh": "15", "c1.start": "2027/28", "c1.ramp": "2",
                "c2.name": "Home first", "c2.kind": "shift", "c2.setting": "inpatient_nonelective",
                "c2.places": "east-kent", "c2.agedAtLeast": "75", "c2.fractionLow": "10", "c2.fractionHigh": "20",
                "c2.toSetting": "community", "c2.toUnitCost": "£180", "c2.toPartner": "RYY", "i1.name": "Teams",
                "i1.partner": "RYY", "i1.kind": "revenue", "i1.perYear": "2,500,000", "i1.setting": "community",
                "e1.partner": "886", "e1.perYear": "£600,000,000",
            ]
            func body(_ fields: [String: String]) -> ByteBuffer {
                ByteBuffer(
                    string: (["csrf=\(csrf)"] + fields.map { "\(Self.encoded($0.key))=\(Self.encoded($0.value))" })
                        .joined(separator: "&"))
            }
            var bad = fields
            bad["c1.fractionLow"] = "-10"
            try await client.execute(uri: "/scenarios", method: .post, headers: headers, body: body(bad)) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains(#"id="c1.fractionLow-error">$.changes[0].fraction.low: is -0.1"#))
                #expect(response.text.contains(#"value="Frailty by the form""#))  // the form again, as typed
            }
            bad = fields
            bad["c2.toUnitCost"] = "£1e309"
            try await client.execute(uri: "/scenarios", method: .post, headers: headers, body: body(bad)) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains(#"id="c2.toUnitCost-error""#))
            }
            bad = fields
            bad["c2.toPartner"] = "NOT-A-PARTNER"
            try await client.execute(uri: "/scenarios", method: .post, headers: headers, body: body(bad)) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains(#"id="c2.toPartner-error">$.changes[1].to.partner"#))
            }
            // Envelopes: a partner the pack does not have, an amount that is not money, one partner twice.
            for (field, value, shown) in [
                ("e1.partner", "NOPE", #"id="e1.partner-error">$.envelopes[0].partner"#),
                ("e1.perYear", "£-5", #"id="e1.perYear-error""#),
                ("e1.perYear", "lots", #"id="e1.perYear-error""#),
                ("e2.partner", "886", #"id="e2.partner-error">$.envelopes[1].partner: "#),
                ("e1.perYear", "£99999999999999999999", #"id="e1.perYear-error""#),
                ("e1.perYear", "£1e12", #"id="e1.perYear-error""#),
                ("e1.partner", "", #"id="e1.partner-error""#),
                ("e1.partner", "886\u{0}<script>", #"id="e1.partner-error""#),
            ] {
                bad = fields
                bad[field] = value
                if field == "e2.partner" { bad["e2.perYear"] = "£1" }
                try await client.execute(uri: "/scenarios", method: .post, headers: headers, body: body(bad)) {
                    response in
                    #expect(response.status == .badRequest, "\(field)=\(value)")
                    #expect(response.text.contains(shown), "\(field)=\(value)")
                    #expect(!response.text.contains("<script>"), "what was typed is escaped: \(field)")
                }
            }
            #expect(try await store.scenarios().isEmpty)
            try await client.execute(uri: "/scenarios", method: .post, headers: headers, body: body(fields)) {
                response in
                #expect(response.status == .seeOther)
            }
            let document = try await Self.finished(client, 1)
            #expect(document["status"] as? String == "done")
            let stored = try #require(try await store.scenario(id: 1))
            let definition = try JSONDecoder().decode(ScenarioDefinitionShape.self, from: stored.definition)
            #expect(definition.runs == 20 && definition.horizon == 3 && definition.changes.count == 2)
            #expect(definition.investments?.first?.pencePerYear == 250_000_000)
            #expect(definition.envelopes?.map(\.partner) == ["886"])
            #expect(definition.envelopes?.first?.pencePerYear == 60_000_000_000)
            // Compare it with itself and with a missing one.
            try await client.execute(uri: "/scenarios/compare?a=1&b=1", method: .get) { response in
                #expect(response.status == .ok && response.text.contains("Cost in the last year (principal)"))
            }
            try await client.execute(uri: "/scenarios/compare?a=1&b=99", method: .get) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/scenarios/compare?a=x", method: .get) { #expect($0.status == .badRequest) }
        }
    }

    /// Enough of a definition to check what the builder wrote.
    struct ScenarioDefinitionShape: Decodable {
        struct Investment: Decodable { var pencePerYear: Int64 }
        struct Change: Decodable { var kind: String }
        var runs: Int
        var horizon: Int
        var changes: [Change]
        var investments: [Investment]?
        struct Envelope: Decodable {
            var partner: String
            var pencePerYear: Int64
        }
        var envelopes: [Envelope]?
    }

    @Test("attacks on POST /api/v1/scenarios: other roles 403; huge runs, NaN, bad JSON 400; 1 MB 413; never a 500")
    func attacks() async throws {
        let store = try await Self.store()
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            let definition = try Self.definition()
            for user in ["vic", "admin"] {
                try await client.execute(
                    uri: "/api/v1/scenarios", method: .post, headers: signedIn(user), body: ByteBuffer(data: definition)
                ) { #expect($0.status == .forbidden, "\(user)") }
            }
            try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: jsonHeaders, body: ByteBuffer(data: definition)
            ) { #expect($0.status == .unauthorized) }
            var object = try #require(try JSONSerialization.jsonObject(with: definition) as? [String: Any])
            object["runs"] = 1_000_000_000
            let bodies: [(String, Data)] = [
                ("1e9 runs", try JSONSerialization.data(withJSONObject: object)),
                (
                    "NaN",
                    Data(String(decoding: definition, as: UTF8.self).replacingOccurrences(of: "0.92", with: "NaN").utf8)
                ),
                ("bad JSON", Data("{\"format\":1,".utf8)), ("empty", Data()), ("an array", Data("[]".utf8)),
                ("a string", Data("\"x\"".utf8)), ("deep", Data((String(repeating: "[", count: 5000)).utf8)),
            ]
            for (name, body) in bodies {
                try await client.execute(
                    uri: "/api/v1/scenarios", method: .post, headers: signedIn("ana"), body: ByteBuffer(data: body)
                ) { response in
                    #expect(response.status == .badRequest, "\(name)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(name)")
                }
            }
            try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: signedIn("ana"),
                body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: object))
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("$.runs") && response.text.contains("is 1000000000"))
            }
            try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: signedIn("ana"),
                body: ByteBuffer(repeating: UInt8(ascii: " "), count: 1 << 20)
            ) { #expect($0.status == .contentTooLarge) }
            #expect(try await store.scenarios().isEmpty)
            // A good one is accepted, 202 with its URL, and runs.
            try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: signedIn("ana"), body: ByteBuffer(data: definition)
            ) { response in
                #expect(response.status == .accepted)
                #expect(response.headers[.location] == "/api/v1/scenarios/1")
                #expect(response.text.contains(#""status":"queued""#))
            }
            try await client.execute(uri: "/api/v1/scenarios/2", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/v1/scenarios/-1", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/v1/scenarios/99999999999999999999", method: .get) {
                #expect($0.status == .notFound)
            }
            #expect(try await Self.finished(client, 1)["status"] as? String == "done")
            try await client.execute(uri: "/api/v1/scenarios", method: .get) { response in
                #expect(response.status == .ok && response.text.contains(#""name":"East Kent frailty: home first""#))
                #expect(!response.text.contains(#""author":"ana""#))
            }
            // The form refuses the viewer, and a post without the token.
            let (cookie, csrf) = try await SignInTests.signIn(client, "vic")
            var headers = SignInTests.form
            headers[.cookie] = cookie
            try await client.execute(
                uri: "/scenarios", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(csrf)&name=x")
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/scenarios", method: .post, headers: headers, body: ByteBuffer(string: "name=x")
            ) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
        }
    }
}
