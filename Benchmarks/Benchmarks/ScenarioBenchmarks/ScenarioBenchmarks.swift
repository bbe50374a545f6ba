import Benchmark
import ConcordatCore
import Foundation
import Ingest
import Scenarios
import SystemPack

/// A synthetic Kent & Medway dataset, imported once: by default the full published list sizes, as
/// `concordat synth` makes it (2,039,483 people, about 20.8M events); `CONCORDAT_BENCH_PEOPLE` sets a size.
nonisolated(unsafe) let baseline: (dataset: IntegratedDataset, system: HealthSystem) = {
    let system = try! PackLoader.bundled("kent-medway").system()
    let people = Int(ProcessInfo.processInfo.environment["CONCORDAT_BENCH_PEOPLE"] ?? "")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-scenario-bench-\(getpid())")
    _ = try! SyntheticPopulation.write(
        system: system, spec: SyntheticPopulationSpec(seed: 1, people: people), to: folder)
    let importer = DatasetImport(
        system: system, pseudonymiser: try! Pseudonymiser(key: [UInt8](repeating: 1, count: 32)),
        extractDate: Day(year: 2026, month: 7, day: 1)!)
    return (try! importer.run(directory: folder).0!, system)
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(60), maxIterations: 5)
    let geography = ScenarioGeography(system: baseline.system)
    let period = Day(year: 2025, month: 7, day: 1)!...Day(year: 2026, month: 6, day: 30)!
    let definition = ScenarioDefinition(
        name: "bench", baseYear: "2026/27", horizon: 5, runs: 1_000, seed: 1,
        demographicGrowth: [.init(agedAtLeast: 75, annual: UncertainValue(low: 0.02, high: 0.035))],
        nonDemographicGrowth: [.init(annual: UncertainValue(low: 0, high: 0.02))],
        changes: [
            .init(
                name: "avoid", kind: .avoid, people: .init(agedAtLeast: 75), setting: "inpatient_nonelective",
                fraction: UncertainValue(low: 0.05, high: 0.15), start: "2027/28", rampYears: 2),
            .init(
                name: "shift", kind: .shift, people: .init(agedAtLeast: 75), setting: "inpatient_nonelective",
                fraction: UncertainValue(low: 0.1, high: 0.2), to: .init(setting: "community", unitCostPence: 18_000)),
        ])
    let providers = Set(baseline.dataset.providerCodes.strings)
    let scenario = try! definition.validated(in: geography.context(partners: providers))
    let cells = BaselineCells(
        dataset: baseline.dataset, period: period,
        attributes: PersonAttributes(of: baseline.dataset, referenceDate: period.upperBound), geography: geography,
        targets: scenario.changes.map(\.people), partnerOf: { _, _, provider in provider })
    let model = try! ScenarioModel(scenario: scenario, baseline: cells)
    print(
        "Scenario benchmark: \(baseline.dataset.personCount) people, \(baseline.dataset.eventCount) events, "
            + "\(cells.cells.count) baseline cells, \(model.projectionCellCount) projection cells")

    Benchmark(
        "Scenario: 1,000 runs × 5 years (\(baseline.dataset.personCount) people)",
        configuration: .init(scalingFactor: .one)
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(model.results().percentiles.count) }
    }
}
