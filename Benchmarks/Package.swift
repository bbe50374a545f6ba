// swift-tools-version: 6.1
import PackageDescription

/// Concordat's benchmarks: a separate package so that the main build and `swift test` never pay for
/// the benchmark framework. Run with `swift package benchmark` from this folder.
let package = Package(
    name: "ConcordatBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Concordat", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "IngestBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Ingest", package: "Concordat"),
                .product(name: "ConcordatCore", package: "Concordat"),
                .product(name: "PopulationHealth", package: "Concordat"),
            ],
            path: "Benchmarks/IngestBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ScenarioBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Ingest", package: "Concordat"),
                .product(name: "ConcordatCore", package: "Concordat"),
                .product(name: "Scenarios", package: "Concordat"),
                .product(name: "SystemPack", package: "Concordat"),
            ],
            path: "Benchmarks/ScenarioBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
