import ConcordatCore
import Foundation
import Ingest
import Testing

@testable import SystemPack

/// `synthetic.json`: who provides a synthetic dataset's activity. Kent & Medway's names its four acute
/// trusts by place and its two councils by district; a file that names what the pack does not have, or
/// a code the import would refuse, is refused with its JSON path.
@Suite struct PackSyntheticTests {
    typealias Scratch = PackLoaderTests.Scratch

    @Test func kentsPackNamesItsTrustsByPlaceAndItsCouncilsByDistrict() throws {
        let pack = try PackLoader.bundled("kent-medway")
        let particulars = try #require(pack.synthetic)
        // The acute trusts by place are the trusts the pack's organisations give those places.
        let trusts = pack.organisations.filter { $0.odsCode != nil }
        for trust in trusts {
            for place in trust.places { #expect(particulars.acute(place: place) == trust.odsCode, "\(place)") }
        }
        #expect(Set(particulars.acuteByPlace.keys) == Set(pack.places.map(\.code)))
        // Every district of the pack has a mean decile; Medway is its own council, the rest Kent's.
        #expect(Set(particulars.districtDeciles.keys) == Set(pack.places.flatMap(\.districts)))
        #expect(particulars.council(district: "Medway") == "887")
        #expect(particulars.council(district: "Thanet") == "886")
        // Every provider it names is one of the finance file's partners, so the ledger knows them all.
        let partners = Set(pack.finance.partners.map(\.code))
        #expect(Set(particulars.providerCodes).isSubset(of: partners))
    }

    @Test func aPackWithoutOneIsNeutral() throws {
        let scratch = try Scratch()
        try FileManager.default.removeItem(at: scratch.file(PackFile.synthetic))
        let pack = try PackLoader.load(directory: scratch.url)
        #expect(pack.synthetic == nil)
        #expect(SyntheticParticulars.neutral.providerCodes.allSatisfy(OrganisationCode.isValid))
    }

    /// Each case: the key, its new value as JSON, where the refusal points, and what it says.
    @Test(arguments: [
        ("acute", #""rvv""#, "$.acute", "is not an organisation code"),
        ("community", #""ABCDEFGHI""#, "$.community", "is not an organisation code"),
        ("hospice", #""""#, "$.hospice", "is not an organisation code"),
        ("council", "886", "$.council", ""),
        ("meanDecile", "0.5", "$.meanDecile", "is not a decile from 1 to 10"),
        ("acuteByPlace", #"{"north-kent": "RVV"}"#, "$.acuteByPlace.north-kent", "is not one of the pack's places"),
        ("acuteByPlace", #"{"east-kent": "R V"}"#, "$.acuteByPlace.east-kent", "is not an organisation code"),
        ("councilByDistrict", #"{"Bristol": "801"}"#, "$.councilByDistrict.Bristol", "is not a district"),
        ("councilByDistrict", #"{"Medway": "8870000000"}"#, "$.councilByDistrict.Medway", "organisation code"),
        ("districtDeciles", #"{"Thanet": 11}"#, "$.districtDeciles.Thanet", "is not a decile from 1 to 10"),
        ("districtDeciles", #"{"Atlantis": 5}"#, "$.districtDeciles.Atlantis", "is not a district"),
    ])
    func aBadValueIsRefusedWithItsPath(key: String, json: String, location: String, reason: String) throws {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        let scratch = try Scratch()
        try scratch.edit(PackFile.synthetic) { $0[key] = value }
        let error = try #require(scratch.refusal())
        #expect(error.file == PackFile.synthetic)
        #expect(error.location == location)
        #expect(reason.isEmpty || error.reason.contains(reason), "\(error)")
    }

    @Test func aRequiredProviderLeftOutIsRefused() throws {
        let scratch = try Scratch()
        try scratch.edit(PackFile.synthetic) { $0["mentalHealth"] = nil }
        let error = try #require(scratch.refusal())
        #expect(error.file == PackFile.synthetic)
        #expect(error.description.contains("mentalHealth"), "\(error)")
    }

    @Test func aGivenHierarchyHasNoDistrictsToName() throws {
        let scratch = try Scratch("llr")
        try scratch.edit(PackFile.synthetic) { $0["councilByDistrict"] = ["Leicester": "856"] }
        let error = try #require(scratch.refusal())
        #expect(error.location == "$.councilByDistrict.Leicester")
        #expect(error.reason.contains("its hierarchy names no districts"))
    }

    @Test func aGivenHierarchyWithoutPlacesHasNoPlacesToName() throws {
        // LLR's levels are system, cluster, locality and practice: a cluster is not a place.
        let scratch = try Scratch("llr")
        try scratch.edit(PackFile.synthetic) { $0["acuteByPlace"] = ["cluster-1": "RWE"] }
        let error = try #require(scratch.refusal())
        #expect(error.location == "$.acuteByPlace.cluster-1")
        #expect(error.reason.contains("is not one of the pack's places"))
    }

    @Test func districtsAreComparedAsDistrictsAre() throws {
        // "&" for "and", and any case: the key is accepted, and the practice's district finds it.
        let scratch = try Scratch()
        try scratch.edit(PackFile.synthetic) { $0["councilByDistrict"] = ["folkestone & hythe": "ABC"] }
        let pack = try PackLoader.load(directory: scratch.url)
        let particulars = try #require(pack.synthetic)
        #expect(particulars.council(district: "Folkestone and Hythe") == "ABC")
        #expect(particulars.council(district: "Medway") == "886")
        #expect(particulars.meanDecile(district: "THANET") == 3.6)
    }

    @Test func theFingerprintFollowsTheParticulars() throws {
        let kent = try #require(try PackLoader.bundled("kent-medway").synthetic)
        var moved = kent
        moved.community = "RYZ"
        #expect(kent.fingerprint == (try #require(try PackLoader.bundled("kent-medway").synthetic)).fingerprint)
        #expect(kent.fingerprint.count == 16)
        #expect(moved.fingerprint != kent.fingerprint)
        #expect(SyntheticParticulars.neutral.fingerprint != kent.fingerprint)
    }

    @Test func anExportOverAnOlderOneLeavesNoStaleFile() throws {
        let scratch = try Scratch()
        var pack = try PackLoader.load(directory: scratch.url)
        pack.synthetic = nil
        pack.demo = nil
        try pack.write(to: scratch.url)
        #expect(!FileManager.default.fileExists(atPath: scratch.file(PackFile.synthetic).path))
        #expect(try PackLoader.load(directory: scratch.url) == pack)
    }
}
