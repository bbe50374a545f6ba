import ConcordatCore
import Foundation
import Storage
import Testing

@testable import SystemPack

/// A bundled pack loaded, stored with its system, exported and loaded again is the same pack; and the
/// packs build the systems they describe.
@Suite struct PackRoundTripTests {
    @Test(arguments: PackLoader.bundledNames)
    func aPackSurvivesStoreAndExport(name: String) async throws {
        let pack = try PackLoader.bundled(name)
        let store = try SQLiteStore()
        try await store.savePack(StoredPack(format: PackManifest.currentFormat, document: try pack.document()))
        let stored = try #require(try await store.pack())
        let restored = try SystemPack(format: stored.format, document: stored.document)
        #expect(restored == pack)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try restored.write(to: folder)
        let reloaded = try PackLoader.load(directory: folder)
        #expect(reloaded == pack)
    }

    @Test func aStoredPackInAnotherFormatIsRefused() throws {
        let pack = try PackLoader.bundled("llr")
        #expect(throws: PackError.self) { try SystemPack(format: 99, document: try pack.document()) }
        let error = #expect(throws: PackError.self) { try SystemPack(format: 1, document: Data("{}".utf8)) }
        #expect(error?.reason == "is missing")
    }

    @Test func theLLRPackBuildsItsHierarchy() throws {
        let system = try PackLoader.bundled("llr").system()
        #expect(system.code == "LLR")
        #expect(system.children(of: "LLR").map(\.code) == ["cluster-1", "cluster-2", "cluster-3"])
        #expect(system.children(of: "cluster-3").count == 3)
        #expect(system.organisations.count == 8)
        #expect(system.notes.count == 1)
    }

    @Test func theKentPackBuildsItsHierarchyFromThePublishedFiles() throws {
        let system = try PackLoader.bundled("kent-medway").system()
        #expect(system.code == "QKS")
        #expect(
            system.children(of: "QKS").map(\.code).sorted() == [
                "dartford-gravesham-swanley", "east-kent", "medway-swale", "west-kent",
            ])
        #expect(system.organisations.filter { $0.places == ["east-kent"] }.count == 14)
    }

    @Test func aPackForAnotherICBRefusesTheFiles() throws {
        var pack = try PackLoader.bundled("kent-medway")
        pack.manifest.hierarchy = .published(data: .bundled("kent-medway"), icb: "QHM")
        #expect(throws: PackError.self) { try pack.system() }
    }
}
