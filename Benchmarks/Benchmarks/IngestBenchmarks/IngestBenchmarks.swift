import Benchmark
import ConcordatCore
import Foundation
import Ingest
import PopulationHealth

/// A synthetic Kent & Medway extract of 20,000 people, written once per run.
nonisolated(unsafe) let extract: (folder: URL, system: HealthSystem, events: [UInt8]) = {
    let system = try! PublishedSystemAssembly.assemble(from: .bundled("kent-medway"))
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

    // The scoring kernel alone: 1,000,000 people × 5 codes drawn from 2,000 distinct codes.
    let people = 1_000_000
    var generator = SeededRandom(seed: 5)
    let codes = (0..<2_000).map { index in
        let prefixes = ComorbidityCodeLists.charlsonQuan2005.flatMap(\.prefixes)
        return index % 2 == 0 ? prefixes[index % prefixes.count] + "9" : "Z\(10 + index % 90)\(index % 10)"
    }
    let personOfRow = (0..<people * 5).map { UInt32($0 / 5) }
    let codeOfRow = (0..<people * 5).map { _ in UInt32(generator.below(codes.count)) }
    for index in ComorbidityIndex.allCases {
        let scorer = ComorbidityScorer(index: index)
        Benchmark("Score 1,000,000 people × 5 codes: \(index.rawValue)", configuration: .init(scalingFactor: .one)) {
            benchmark in
            for _ in benchmark.scaledIterations {
                let sets = scorer.categorySets(
                    personCount: people, personOfRow: personOfRow, codeOfRow: codeOfRow, codes: codes)
                var total = 0
                for set in sets { total &+= scorer.score(set) }
                blackHole(total)
            }
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
