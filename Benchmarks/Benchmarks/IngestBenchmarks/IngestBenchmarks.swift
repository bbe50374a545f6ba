import Benchmark
import ConcordatCore
import Foundation
import Ingest

/// A synthetic Kent & Medway extract of 20,000 people, written once per run.
nonisolated(unsafe) let extract: (folder: URL, system: HealthSystem, events: [UInt8]) = {
    let system = try! PublishedSystemAssembly.assemble(from: .bundledKentMedway())
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-bench-\(getpid())")
    _ = try! SyntheticPopulation.write(
        system: system, spec: SyntheticPopulationSpec(seed: 1, people: 20_000), to: folder)
    let events = try! [UInt8](Data(contentsOf: folder.appendingPathComponent("events.csv")))
    return (folder, system, events)
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal], maxDuration: .seconds(5))

    let rows = extract.events.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } - 1

    Benchmark("CSV parse: events.csv rows (\(rows) per iteration)") { benchmark in
        for _ in benchmark.scaledIterations {
            var count = 0
            try CSVStream(bytes: extract.events, file: "events.csv")
                .forEachRow(onHeader: { _ in }, onRow: { row in count += row.count })
            blackHole(count)
        }
    }

    Benchmark("Validate and build the columnar dataset: 20,000 people") { benchmark in
        let importer = DatasetImport(
            system: extract.system, pseudonymiser: try Pseudonymiser(key: [UInt8](repeating: 1, count: 32)),
            extractDate: Day(year: 2026, month: 7, day: 1)!)
        for _ in benchmark.scaledIterations {
            blackHole(try importer.run(directory: extract.folder).0?.eventCount)
        }
    }

    Benchmark("Synthesise 20,000 people with a year of activity") { benchmark in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-bench-synth-\(getpid())")
        for _ in benchmark.scaledIterations {
            blackHole(
                try SyntheticPopulation.write(
                    system: extract.system, spec: SyntheticPopulationSpec(seed: 2, people: 20_000), to: folder))
        }
        try? FileManager.default.removeItem(at: folder)
    }
}
