import ConcordatCore
import ConcordatTestSupport
import Foundation
import Ingest
import Partnership
import PopulationHealth
import Storage
import Testing

@Suite("Loading a dataset")
struct DatasetLoadingTests {
    /// Kent & Medway, as the published files assemble it.
    static let kent = Result {
        try PublishedSystemAssembly.assemble(from: .bundled("kent-medway"), rules: BundledPacks.kentPlaceRules)
    }

    @Test("an extract loads once, with the engine run on the extract's date; the same extract again changes nothing")
    func loadsOnce() async throws {
        let kent = try Self.kent.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-load-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = SyntheticPopulationSpec.kentMedway(seed: 11, people: 1_500)
        _ = try SyntheticPopulation.write(system: kent, spec: spec, to: folder)
        let store = try SQLiteStore()
        try await store.replaceSystem(kent)
        let loading = DatasetLoading(store: store, system: kent)
        let pseudonymiser = try Pseudonymiser(key: [UInt8](repeating: 9, count: 32))
        let first = try await loading.load(
            directory: folder, pseudonymiser: pseudonymiser, extractDate: spec.referenceDate, source: "first")
        guard case .loaded(let summary, _) = first else {
            Issue.record("expected the extract to load, got \(first)")
            return
        }
        #expect(summary.people == 1_500)
        let stored = try #require(try await store.datasetSummary())
        #expect(stored.source == "first")
        let analysis = try JSONDecoder().decode(PopulationAnalysis.self, from: try #require(stored.analysis))
        // The population at the period's end, the people who died in it, and those registered after it.
        let dataset = try #require(try await store.loadDataset())
        let period = try #require(analysis.period)
        let outside = (0..<dataset.personCount).filter { !dataset.standing(of: $0, in: period).countsActivity }.count
        #expect(
            analysis.profiles.values.reduce(0) { $0 + $1.people + ($1.diedInPeriod ?? 0) } + outside == 1_500)

        let second = try await loading.load(
            directory: folder, pseudonymiser: pseudonymiser, extractDate: spec.referenceDate, source: "second")
        guard case .unchanged = second else {
            Issue.record("expected the same extract to change nothing, got \(second)")
            return
        }
        #expect(try await store.datasetSummary()?.source == "first")
    }

    @Test("a refused extract loads nothing and leaves the stored dataset as it was")
    func refusedLoadsNothing() async throws {
        let kent = try Self.kent.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-refuse-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = SyntheticPopulationSpec.kentMedway(seed: 12, people: 800)
        _ = try SyntheticPopulation.write(system: kent, spec: spec, to: folder)
        let store = try SQLiteStore()
        try await store.replaceSystem(kent)
        let loading = DatasetLoading(store: store, system: kent)
        let pseudonymiser = try Pseudonymiser(key: [UInt8](repeating: 9, count: 32))
        _ = try await loading.load(
            directory: folder, pseudonymiser: pseudonymiser, extractDate: spec.referenceDate, source: "good")
        let people = folder.appendingPathComponent("patients.csv")
        let original = try String(contentsOf: people, encoding: .utf8)
        // A row of the wrong shape stops the read with its file and line.
        try (original + "not,a,valid,row,at,all\n").write(to: people, atomically: true, encoding: .utf8)
        await #expect {
            _ = try await loading.load(
                directory: folder, pseudonymiser: pseudonymiser, extractDate: spec.referenceDate, source: "bad")
        } throws: { "\($0)".contains("patients.csv:802") }
        // A row of the right shape with a value that cannot be read is refused, with nothing loaded.
        let header = try #require(original.split(separator: "\n").first)
        let fields = header.split(separator: ",", omittingEmptySubsequences: false).count
        let bad = (["#not-a-date"] + Array(repeating: "x", count: fields - 1)).joined(separator: ",")
        try (original + bad + "\n").write(to: people, atomically: true, encoding: .utf8)
        let result = try await loading.load(
            directory: folder, pseudonymiser: pseudonymiser, extractDate: spec.referenceDate, source: "bad")
        guard case .refused(let report) = result else {
            Issue.record("expected the damaged extract to be refused, got \(result)")
            return
        }
        #expect(report.rendered().contains("patients.csv"))
        #expect(try await store.datasetSummary()?.source == "good")
        #expect(try await store.datasetSummary()?.people == 800)
    }
}
