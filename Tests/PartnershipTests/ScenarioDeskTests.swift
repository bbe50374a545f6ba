import ConcordatCore
import Disclosure
import Foundation
import Partnership
import Scenarios
import Storage
import Testing

@Suite("Scenarios kept in the store: submit (analysts only), run, read, published through the disclosure gate")
struct ScenarioDeskTests {
    static let analyst = UserAccount(username: "ana", role: .analyst, organisation: "kcc", passwordHash: "")

    /// The East Kent example with `runs`.
    static func example(runs: Int = 40, edit: (inout [String: Any]) -> Void = { _ in }) throws -> Data {
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: ScenarioStudyTests.example)) as? [String: Any])
        object["runs"] = runs
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test("an analyst's scenario is kept queued, then run: its money is the study's, to the penny")
    func submitAndRun() async throws {
        let store = try await ScenarioStudyTests.store()
        let desk = ScenarioDesk(store: store)
        let json = try Self.example()
        let stored = try await desk.submit(json, by: Self.analyst)
        #expect(stored.status == .queued && stored.author == "ana" && stored.organisation == "kcc")
        #expect(stored.definition == json && stored.name == "East Kent frailty: home first")
        let progress = Progress()
        let done = try await desk.run(stored.id) { progress.note($0) }
        #expect(done.status == .done && done.progress == 1 && done.failure == nil)
        #expect(progress.values.last == 1 && progress.values == progress.values.sorted())
        let (read, report) = try await desk.scenario(stored.id)
        #expect(read.status == .done)
        let published = try #require(report)
        // The same definition and seed through the study (what `concordat scenario run` prints).
        let results = try await ScenarioStudy.read(from: store).run(json)
        #expect(published.principal.map(\.costPence) == results.principal.map(\.costPence))
        #expect(published.principal.map(\.netCostByPartnerPence) == results.principal.map(\.netCostByPartnerPence))
        #expect(published.waterfall == results.waterfall)
        #expect(published.redLines == results.redLines)
        #expect(published.streams == results.streams)
        #expect(published.percentiles.map(\.costPence) == results.percentiles.map(\.costPence))
        #expect(published.seed == 2027 && published.runs == 40)
        // Every count is hidden (nil) or rounded to 5 and above the threshold.
        let counts = ([published.baseline] + published.principal).flatMap {
            $0.activityBySetting + $0.bedDaysBySetting + [$0.people, $0.peopleAged75Plus, $0.beds]
        }
        #expect(counts.allSatisfy { $0 == nil || $0! == 0 || ($0! % 5 == 0 && $0! > 7) })
        // The tornado is there: the example's change fractions and growth are intervals.
        let tornado = try #require(published.tornado)
        #expect(tornado.bars.contains { $0.parameter.hasPrefix("fraction: Avoid") })
        #expect(try await desk.scenarios().map(\.id) == [stored.id])
    }

    @Test(
        "only analysts submit; the refusal says why",
        arguments: [Role.administrator, .viewer, .finance, .boardSecretary])
    func otherRoles(role: Role) async throws {
        let store = try await ScenarioStudyTests.store()
        let account = UserAccount(username: "x", role: role, organisation: nil, passwordHash: "")
        await #expect(throws: ActionRefused.self) {
            try await ScenarioDesk(store: store).submit(try Self.example(), by: account)
        }
        #expect(try await store.scenarios().isEmpty)
    }

    @Test("bad definitions are refused with the JSON path, and nothing is kept")
    func refusals() async throws {
        let store = try await ScenarioStudyTests.store()
        let desk = ScenarioDesk(store: store)
        func refusal(_ json: Data) async -> FieldRefusal? {
            do {
                _ = try await desk.submit(json, by: Self.analyst)
                return nil
            } catch let refused as FieldsRefused { return refused.fields.first } catch { return nil }
        }
        #expect(await refusal(try Self.example(runs: 1_000_000_000))?.field == "$.runs")
        #expect(await refusal(try Self.example(runs: ScenarioDesk.maximumRuns + 1))?.field == "$.runs")
        let fraction = await refusal(
            try Self.example {
                var changes = $0["changes"] as! [[String: Any]]
                changes[0]["fraction"] = ["low": -0.1, "high": 0.2]
                $0["changes"] = changes
            })
        #expect(fraction?.field == "$.changes[0].fraction.low")
        #expect(await refusal(Data("{\"format\":1,\"horizon\":NaN}".utf8))?.field != nil)
        #expect(await refusal(Data("not json".utf8))?.field != nil)
        #expect(await refusal(Data()) != nil)
        let huge = Data(repeating: UInt8(ascii: " "), count: ScenarioDesk.maximumDefinitionBytes + 1)
        #expect(await refusal(huge)?.reason.contains("bytes") == true)
        #expect(try await store.scenarios().isEmpty)
    }

    @Test("a scenario whose run cannot be done is kept as failed, with the reason")
    func failed() async throws {
        let store = try SQLiteStore()
        let stored = try await store.addScenario(
            .init(name: "x", definition: Data("{}".utf8), author: "ana", organisation: nil, createdAt: Date()))
        let done = try await ScenarioDesk(store: store).run(stored.id)
        #expect(done.status == .failed && done.failure?.contains("no system") == true)
        await #expect(throws: StoreError.self) { try await ScenarioDesk(store: store).run(999) }
        await #expect(throws: StoreError.self) { try await ScenarioDesk(store: store).scenario(999) }
    }

    @Test("small counts are suppressed, the rest rounded; rates come from the published counts; NaN is 0")
    func gate() async throws {
        let store = try await ScenarioStudyTests.store()
        var results = try await ScenarioStudy.read(from: store).run(try Self.example(runs: 5))
        results.baseline.activityBySetting[0] = 3
        results.baseline.activityBySetting[1] = 12.4
        results.baseline.activityBySetting[2] = .nan
        results.baseline.activityBySetting[3] = -4
        results.baseline.peopleAged75Plus = 6
        results.baseline.emergencyAdmissionsAged75Plus = 2
        let report = ScenarioReport(results, policy: .standard)
        #expect(report.baseline.activityBySetting[0] == nil)
        #expect(report.baseline.activityBySetting[1] == 10)
        #expect(report.baseline.activityBySetting[2] == 0 && report.baseline.activityBySetting[3] == 0)
        #expect(report.baseline.peopleAged75Plus == nil && report.baseline.emergencyAdmissionsAged75Plus == nil)
        #expect(report.baseline.emergencyAdmissionsPer1000Aged75Plus == nil)
        // Money is as run.
        #expect(report.baseline.costPence == results.baseline.costPence)
        let again = try JSONDecoder().decode(ScenarioReport.self, from: try JSONEncoder().encode(report))
        #expect(again == report)
    }

    /// Progress values, noted from any thread.
    final class Progress: @unchecked Sendable {
        private let lock = NSLock()
        private var noted: [Double] = []
        func note(_ value: Double) { lock.withLock { noted.append(value) } }
        var values: [Double] { lock.withLock { noted } }
    }
}

@Suite("Scenario runs: one at a time, and one left by a stopped server is marked failed")
struct ScenarioRunOrderTests {
    @Test("two scenarios run together both finish, each in its turn; abandon leaves a finished one alone")
    func twoAtOnce() async throws {
        let store = try await ScenarioStudyTests.store()
        let desk = ScenarioDesk(store: store)
        let first = try await desk.submit(try ScenarioDeskTests.example(runs: 10), by: ScenarioDeskTests.analyst)
        let second = try await desk.submit(try ScenarioDeskTests.example(runs: 12), by: ScenarioDeskTests.analyst)
        async let a = desk.run(first.id)
        async let b = desk.run(second.id)
        let (ranA, ranB) = try await (a, b)
        #expect(ranA.status == .done && ranB.status == .done)
        #expect(try await desk.abandon(first.id).status == .done)
        let left = try await desk.submit(try ScenarioDeskTests.example(runs: 10), by: ScenarioDeskTests.analyst)
        let abandoned = try await desk.abandon(left.id)
        #expect(abandoned.status == .failed && abandoned.failure?.contains("server stopped") == true)
    }
}
