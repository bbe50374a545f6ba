// swift-tools-version: 6.1
import PackageDescription

/// Coverage-guided fuzzing (libFuzzer) of Concordat's readers, kept apart from the main package because
/// every module must be built with `-sanitize=fuzzer`. `Fuzz/run.sh` builds and runs them.
let fuzzer: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "ConcordatFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Concordat", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzCSV", dependencies: ["FuzzDriver", .product(name: "Ingest", package: "Concordat")],
            swiftSettings: fuzzer),
        .executableTarget(
            name: "FuzzNDJSON",
            dependencies: [
                "FuzzDriver",
                .product(name: "Ingest", package: "Concordat"),
                .product(name: "ConcordatCore", package: "Concordat"),
                .product(name: "SystemPack", package: "Concordat"),
            ],
            swiftSettings: fuzzer),
    ]
)
