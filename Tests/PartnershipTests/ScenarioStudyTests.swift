import ConcordatCore
import ConcordatTestSupport
import Foundation
import Ingest
import Partnership
import Scenarios
import Storage
import SystemPack
import Testing

@Suite("Running a scenario over the stored dataset")
struct ScenarioStudyTests {
    /// The shipped example: the East Kent frailty scenario.
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/examples/east-kent-frailty.json")

    /// Kent & Medway from its pack, with a small synthetic dataset loaded.
    static func store() async throws -> any Store {
        let pack = try BundledPacks.kent.get()
        let kent = try BundledPacks.kentSystem.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-scenario-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = SyntheticPopulationSpec.kentMedway(seed: 17, people: 2_000)
        _ = try SyntheticPopulation.write(system: kent, spec: spec, to: folder)
        let store = try SQLiteStore()
        try await store.replaceSystem(kent)
        try await SystemPackStorage.save(pack, in: store)
        let pseudonymiser = try Pseudonymiser(key: [UInt8](repeating: 3, count: 32))
        _ = try await DatasetLoading(store: store, system: kent).load(
            directory: folder, pseudonymiser: pseudonymiser, extractDate: spec.referenceDate, source: "synthetic")
        return store
    }

    @Test(
        "the East Kent frailty example runs on a synthetic Kent & Medway dataset: fewer emergency admissions, community care and KCHFT's investment"
    )
    func eastKentFrailty() async throws {
        let study = try await ScenarioStudy.read(from: try await Self.store())
        let json = try Data(contentsOf: Self.example)
        var progress: [Int] = []
        let results = try study.run(json, runs: 60) { done, _ in progress.append(done) }
        #expect(progress.last == 60 && progress == progress.sorted() && !progress.isEmpty)
        #expect(results.years == ["2027/28", "2028/29", "2029/30", "2030/31", "2031/32"])
        #expect(results.places.contains("east-kent"))
        let period = study.defaultPeriod
        #expect(period.lowerBound.days(to: period.upperBound) >= 364)
        // The baseline is the dataset's spend in the period.
        #expect(results.baseline.costPence > 0)
        let nel = Int(CareSetting.inpatientNonElective.rawValue)
        let waterfall = try #require(results.waterfall.last)
        #expect(waterfall.avoidancePence < 0)
        #expect(waterfall.demographicPence > 0)
        #expect(
            waterfall.baselinePence + waterfall.demographicPence + waterfall.nonDemographicPence
                + waterfall.priceUpliftPence + waterfall.avoidancePence + waterfall.shiftPence
                + waterfall.efficiencyPence + waterfall.interactionPence == waterfall.resultPence)
        // KCHFT (RYY) runs the home-first teams: £2.5m a year from 2027/28.
        let kchft = try #require(results.partners.firstIndex(of: "RYY"))
        #expect(results.principal.allSatisfy { $0.revenueByPartnerPence[kchft] == 250_000_000 })
        let stream = try #require(results.streams.first { $0.partner == "RYY" && $0.year == "2031/32" })
        #expect(stream.revenuePence == 250_000_000)
        // The council's ring-fences are judged (their pools are the pack's); nothing moves to social care.
        let fences = results.redLines.filter { $0.kind == .ringFence }
        #expect(!fences.isEmpty)
        #expect(fences.allSatisfy { $0.probability == 0 })
        // Every year's money adds up.
        for year in results.principal {
            #expect(year.costByPartnerPence.reduce(0, +) == year.costPence)
            #expect(year.costByPlacePence.reduce(0, +) == year.costPence)
        }
        #expect(results.percentiles[4].activityBySetting[nel].p50 > 0)
    }

    @Test("a definition that does not fit the system is refused with its path; an empty store says what to do")
    func refusals() async throws {
        let study = try await ScenarioStudy.read(from: try await Self.store())
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.example)) as? [String: Any])
        var changes = try #require(object["changes"] as? [[String: Any]])
        changes[1]["to"] = ["setting": "community", "partner": "NOT-A-PARTNER"]
        object["changes"] = changes
        #expect(throws: ScenarioRefusal("$.changes[1].to.partner", "'NOT-A-PARTNER' is not a partner of the system")) {
            _ = try study.run(try JSONSerialization.data(withJSONObject: object), runs: 2)
        }
        #expect(throws: ScenarioRefusal.self) { _ = try study.run(Data("{}".utf8)) }
        let empty = try SQLiteStore()
        await #expect(throws: ScenarioStudy.Problem.self) { _ = try await ScenarioStudy.read(from: empty) }
    }
}
