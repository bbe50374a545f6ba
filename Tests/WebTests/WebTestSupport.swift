import ConcordatCore
import ConcordatTestSupport
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Ingest
import PopulationHealth
import Storage
import SystemPack
import Testing

@testable import Web

/// The Kent & Medway pack shipped with Concordat: its memorandum, routes, pools and demo seeds.
let kentPack = try! PackLoader.bundled("kent-medway")

/// A router over an in-memory store holding `system` (or nothing).
func makeApp(_ system: HealthSystem?) async throws -> some ApplicationProtocol {
    let store = try SQLiteStore()
    if let system { try await store.replaceSystem(system) }
    // The board secretary who keeps the partnership (signedIn("secretary")).
    try await store.insertUser(
        UserAccount(
            username: "secretary", role: .boardSecretary, passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
    return Application(router: try buildRouter(store: store))
}

let kentMedway = BundledPacks.kentSystem

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body decoded as JSON.
    func json<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601  // as Hummingbird encodes dates
        return try decoder.decode(T.self, from: Data(text.utf8))
    }
}

/// `application/json` request headers.
let jsonHeaders: HTTPFields = [.contentType: "application/json"]

/// A small dataset in Kent & Medway: `people` people at Dover's St James' (G82002) and three at Swanley
/// (G82028), all born January 1960 and registered alive.
func twoPracticeDataset(people: Int) -> IntegratedDataset {
    var dataset = IntegratedDataset()
    dataset.practiceCodes = PackedStrings(["G82002", "G82028"])
    dataset.lsoaCodes = PackedStrings(["E01024345"])
    for index in 0..<(people + 3) {
        dataset.personIDs.append("p\(index)")
        dataset.birthYear.append(1960)
        dataset.birthMonth.append(1)
        dataset.sex.append(0)
        dataset.lsoa.append(0)
        dataset.imdDecile.append(5)
        dataset.practice.append(index < people ? 0 : 1)
        dataset.registeredFrom.append(15_000)
        dataset.diedOn.append(IntegratedDataset.noDate)
    }
    return dataset
}

/// Kent & Medway with a synthetic dataset of `people`, imported and profiled as `demo` does, and its
/// pools set up, in an in-memory store.
/// With `realLSOAs`, people live in Kent & Medway's real 2021 LSOAs (as `demo` makes them); without, in
/// synthetic ones, which keeps the data (and what the disclosure gate withholds) as older tests expect.
func makeDatasetStore(people: Int, seed: UInt64, realLSOAs: Bool = false) async throws -> SQLiteStore {
    let kent = try kentMedway.get()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-web-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let spec = SyntheticPopulationSpec.kentMedway(
        seed: seed, people: people, deprivation: realLSOAs ? try DeprivationGeography.shipped() : nil)
    _ = try SyntheticPopulation.write(system: kent, spec: spec, to: folder)
    let importer = DatasetImport(
        system: kent, pseudonymiser: try Pseudonymiser(key: [UInt8](repeating: 4, count: 32)),
        extractDate: spec.referenceDate)
    let (dataset, report) = try importer.run(directory: folder)
    let loaded = try #require(dataset, "\(report.rendered())")
    // As the import does: the twelve months ending at the data's last complete month (2025-07..2026-06).
    let (analysis, cohort) = PopulationAnalysis.run(
        on: loaded, period: .twelveMonths(before: spec.referenceDate), extractDate: spec.referenceDate)
    let store = try SQLiteStore()
    try await store.replaceSystem(kent)
    try await store.replaceDataset(
        loaded,
        summary: DatasetSummary(
            of: loaded, fingerprint: report.fingerprint, source: "test", analysis: try JSONEncoder().encode(analysis)),
        cohort: cohort)
    for pool in kentPack.pools(spend: try #require(analysis.spend)) { try await store.savePool(pool) }
    return store
}

/// The test accounts' password.
let testPassword = "correct horse battery"

/// JSON request headers signed in as `user` with HTTP Basic and the test password.
@Sendable func signedIn(_ user: String, password: String = testPassword) -> HTTPFields {
    var fields = jsonHeaders
    fields[.authorization] = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    return fields
}

/// Adopts the East Kent ACP memorandum (Kent & Medway's organisations) in `store`, as the demo does.
@discardableResult
func adoptEastKentMemorandum(_ store: any Store) async throws -> MemorandumOfUnderstanding {
    let kent = try kentMedway.get()
    let memorandum = try kentPack.memorandum!.memorandum()
    try await store.adoptMemorandum(
        memorandum, routes: kentPack.memorandum!.routes, detail: "adopted")
    return memorandum
}
