import ConcordatCore
import Foundation
import Testing

@testable import SystemPack

/// The organisations' optional ODS codes: the Kent & Medway pack names its four acute trusts by them, a
/// code of the wrong shape or given twice is refused, and export writes them back.
@Suite struct PackODSCodeTests {
    @Test func kentsFourAcuteTrustsHaveTheirODSCodesAndPlaces() throws {
        let pack = try PackLoader.bundled("kent-medway")
        let byODS = Dictionary(uniqueKeysWithValues: pack.organisations.compactMap { o in o.odsCode.map { ($0, o) } })
        #expect(byODS.keys.sorted() == ["RN7", "RPA", "RVV", "RWF"])
        #expect(byODS["RVV"]?.code == "ekhuft")
        #expect(byODS["RWF"]?.name == "Maidstone and Tunbridge Wells NHS Trust")
        #expect(byODS["RWF"]?.places == ["west-kent"])
        #expect(byODS["RPA"]?.places == ["medway-swale"])
        #expect(byODS["RN7"]?.places == ["dartford-gravesham-swanley"])
        #expect(byODS.values.allSatisfy { $0.role == .nhsTrust })
        // The LLR pack gives none: the field is optional.
        #expect(try PackLoader.bundled("llr").organisations.allSatisfy { $0.odsCode == nil })
    }

    @Test(arguments: ["rvv", "RV", "RVV-1", "", "R V V", "ABCDEFG", "RVV\n", "RÜV"])
    func aMisshapenODSCodeIsRefused(code: String) throws {
        let pack = try PackLoaderTests.Scratch()
        try pack.edit("organisations.json") { document in
            var organisations = document["organisations"] as! [[String: Any]]
            organisations[2]["odsCode"] = code
            document["organisations"] = organisations
        }
        let error = try #require(pack.refusal())
        #expect(error.file == "organisations.json")
        #expect(error.location == "$.organisations[2].odsCode")
        #expect(error.reason.contains("is not an ODS code"))
    }

    @Test func anODSCodeGivenTwiceIsRefused() throws {
        let pack = try PackLoaderTests.Scratch()
        try pack.edit("organisations.json") { document in
            var organisations = document["organisations"] as! [[String: Any]]
            organisations[0]["odsCode"] = "RVV"
            document["organisations"] = organisations
        }
        let index = try PackLoader.bundled("kent-medway").organisations.firstIndex { $0.odsCode == "RVV" }!
        #expect(
            pack.refusal()?.description
                == "organisations.json: $.organisations[\(index)].odsCode: \"RVV\" is the ODS code of an earlier organisation"
        )
    }

    @Test func aNonStringODSCodeIsRefused() throws {
        let pack = try PackLoaderTests.Scratch()
        try pack.edit("organisations.json") { document in
            var organisations = document["organisations"] as! [[String: Any]]
            organisations[0]["odsCode"] = 42
            document["organisations"] = organisations
        }
        #expect(pack.refusal()?.file == "organisations.json")
    }

    @Test func exportWritesTheODSCodesBack() throws {
        let pack = try PackLoader.bundled("kent-medway")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ods-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try pack.write(to: folder)
        let text = try String(contentsOf: folder.appendingPathComponent("organisations.json"), encoding: .utf8)
        #expect(text.contains("\"odsCode\""))
        #expect(text.contains("\"RWF\""))
        let reloaded = try PackLoader.load(directory: folder)
        #expect(reloaded.organisations.map(\.odsCode) == pack.organisations.map(\.odsCode))
        #expect(reloaded.organisations.compactMap(\.odsCode).count == 4)
    }
}
