// swift-tools-version: 6.1
import PackageDescription

/// The modules with per-row loops over millions of people are optimised even in debug builds, so that
/// `swift run concordat demo` (a debug build) generates and imports the full population in reasonable time,
/// and skip the runtime exclusivity checks that otherwise cost a fifth of their time (the compile-time
/// checks remain).
let hotLoops: [SwiftSetting] = [
    .unsafeFlags(["-O"], .when(configuration: .debug)),
    .unsafeFlags(["-enforce-exclusivity=unchecked"]),
]

let package = Package(
    name: "Concordat",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "concordat", targets: ["concordat"]),
        .library(name: "ConcordatCore", targets: ["ConcordatCore"]),
        .library(name: "Ingest", targets: ["Ingest"]),
        .library(name: "Finance", targets: ["Finance"]),
        .library(name: "Assurance", targets: ["Assurance"]),
        .library(name: "Governance", targets: ["Governance"]),
        .library(name: "PopulationHealth", targets: ["PopulationHealth"]),
        .library(name: "Disclosure", targets: ["Disclosure"]),
        .library(name: "Storage", targets: ["Storage"]),
        .library(name: "Partnership", targets: ["Partnership"]),
        .library(name: "SystemPack", targets: ["SystemPack"]),
        .library(name: "Web", targets: ["Web"]),
        .library(name: "Scenarios", targets: ["Scenarios"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.100.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.25.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        .target(name: "ConcordatCore", swiftSettings: hotLoops),
        .target(
            name: "Ingest",
            dependencies: [
                "ConcordatCore",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/kent-medway"), .copy("Resources/england")],
            swiftSettings: hotLoops
        ),
        .target(name: "PopulationHealth", dependencies: ["ConcordatCore"], swiftSettings: hotLoops),
        .target(name: "Disclosure", dependencies: ["ConcordatCore"]),
        .target(name: "Appraisal", dependencies: ["ConcordatCore"]),
        .target(name: "Finance", dependencies: ["ConcordatCore"]),
        .target(
            name: "Scenarios", dependencies: ["ConcordatCore", "PopulationHealth", "Finance"], swiftSettings: hotLoops),
        .target(name: "Assurance", dependencies: ["ConcordatCore"]),
        .target(
            name: "Governance", dependencies: ["ConcordatCore", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "Storage",
            dependencies: [
                "Assurance",
                "Governance",
                "ConcordatCore",
                "Finance",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "SystemPack",
            dependencies: ["Assurance", "ConcordatCore", "Finance", "Governance", "Ingest"],
            resources: [.copy("Resources/packs")]
        ),
        .target(
            name: "Partnership",
            dependencies: [
                "Appraisal", "Assurance", "ConcordatCore", "Disclosure", "Finance", "Governance", "Ingest",
                "PopulationHealth", "Scenarios", "Storage", "SystemPack",
            ]
        ),
        .target(
            name: "Web",
            dependencies: [
                "Partnership",
                "SystemPack",
                "Assurance",
                "Governance",
                "ConcordatCore",
                "Disclosure",
                "Finance",
                "Ingest",
                "PopulationHealth",
                "Storage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources/templates"), .copy("Resources/static")]
        ),
        .target(
            name: "ConcordatCLI",
            dependencies: [
                "Partnership",
                "SystemPack",
                "Assurance",
                "Governance",
                "ConcordatCore",
                "Finance",
                "Ingest",
                "PopulationHealth",
                "Storage",
                "Web",
                "Disclosure",
                "Scenarios",
                "Appraisal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "concordat", dependencies: ["ConcordatCLI"]),
        .target(
            name: "ConcordatTestSupport",
            dependencies: [
                "Storage", "ConcordatCore", "Ingest", "SystemPack",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Tests/Support"
        ),
        .testTarget(name: "ConcordatCoreTests", dependencies: ["ConcordatCore"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "SystemPack", "ConcordatTestSupport"]),
        .testTarget(
            name: "SystemPackTests",
            dependencies: ["SystemPack", "Storage", "Ingest", "Finance", "Governance", "Assurance", "ConcordatCore"]),
        .testTarget(name: "PopulationHealthTests", dependencies: ["PopulationHealth"]),
        .testTarget(name: "DisclosureTests", dependencies: ["Disclosure"]),
        .testTarget(name: "AppraisalTests", dependencies: ["Appraisal", "ConcordatCore"]),
        .testTarget(
            name: "ScenariosTests", dependencies: ["Scenarios", "PopulationHealth", "Finance", "ConcordatCore"]),
        .testTarget(
            name: "FinanceTests",
            dependencies: ["Finance", "Ingest", "ConcordatCore", "SystemPack", "ConcordatTestSupport"]),
        .testTarget(name: "AssuranceTests", dependencies: ["Assurance", "ConcordatCore"]),
        .testTarget(
            name: "GovernanceTests",
            dependencies: ["Governance", "ConcordatCore", "SystemPack", "ConcordatTestSupport"]
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Storage", "Ingest", "Finance", "Assurance", "Governance",
                "ConcordatTestSupport", "SystemPack",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .testTarget(
            name: "PartnershipTests",
            dependencies: [
                "Partnership", "Storage", "Ingest", "Finance", "Governance", "Assurance", "ConcordatCore",
                "ConcordatTestSupport", "SystemPack", "PopulationHealth", "Scenarios", "Appraisal",
            ]),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "Web", "Storage", "Ingest", "PopulationHealth", "Finance", "Assurance", "Governance", "Disclosure",
                "SystemPack", "Partnership", "ConcordatTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "ConcordatCLITests",
            dependencies: [
                "ConcordatCLI", "ConcordatTestSupport", "Storage", "Web", "ConcordatCore", "Finance", "Ingest",
                "SystemPack", "Assurance",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
