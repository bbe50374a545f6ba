import Foundation
import Testing

@testable import SystemPack

/// Hostile packs: each a copy of the bundled Kent & Medway pack with one thing broken, each refused
/// with the file, the place in it and the reason.
@Suite struct PackLoaderTests {
    /// A scratch copy of a bundled pack, removed when the test ends.
    final class Scratch {
        let url: URL
        init(_ name: String = "kent-medway") throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("pack-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: PackLoader.bundledDirectory(name), to: url)
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        func file(_ name: String) -> URL { url.appendingPathComponent(name) }

        func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: file(name)) }

        /// Edits a JSON file as a tree.
        func edit(_ name: String, _ change: (inout [String: Any]) -> Void) throws {
            var object = try JSONSerialization.jsonObject(with: Data(contentsOf: file(name))) as! [String: Any]
            change(&object)
            try JSONSerialization.data(withJSONObject: object).write(to: file(name))
        }

        func refusal() -> PackError? {
            do {
                _ = try PackLoader.load(directory: url)
                return nil
            } catch { return error }
        }
    }

    @Test func theBundledPacksLoad() throws {
        let kent = try PackLoader.bundled("kent-medway")
        #expect(kent.systemCode == "QKS")
        #expect(kent.places.map(\.code) == ["east-kent", "dartford-gravesham-swanley", "medway-swale", "west-kent"])
        #expect(kent.places[1].postcodeDistricts == ["BR8"])
        #expect(kent.pools.count == 3)
        #expect(kent.memorandum?.seats.count == 16)
        let llr = try PackLoader.bundled("llr")
        #expect(llr.systemCode == "LLR")
        #expect(llr.areas.count == 15)
        #expect(llr.memorandum == nil)
    }

    @Test func aMissingFileIsRefused() throws {
        let pack = try Scratch()
        try FileManager.default.removeItem(at: pack.file("organisations.json"))
        let error = try #require(pack.refusal())
        #expect(error.file == "organisations.json")
        #expect(error.reason.contains("missing"))
    }

    @Test func badJSONIsRefused() throws {
        let pack = try Scratch()
        try pack.write("agreement.json", "{\"name\": \"broken\", ")
        let error = try #require(pack.refusal())
        #expect(error.file == "agreement.json")
        #expect(error.location == "$")
        #expect(error.reason.contains("not valid JSON"))
    }

    @Test func aWrongVersionIsRefused() throws {
        let pack = try Scratch()
        try pack.edit("pack.json") { $0["format"] = 2 }
        let error = try #require(pack.refusal())
        #expect(error.description.hasPrefix("pack.json: $.format: format 2 is not one"))
    }

    @Test func anUnknownOrganisationIsRefused() throws {
        let pack = try Scratch()
        try pack.edit("memorandum.json") { memorandum in
            var seats = memorandum["seats"] as! [[String: Any]]
            seats[3]["organisation"] = "kcx"
            memorandum["seats"] = seats
        }
        let error = try #require(pack.refusal())
        #expect(
            error.description
                == "memorandum.json: $.seats[3].organisation: \"kcx\" is not one of the pack's organisations")
    }

    @Test func duplicateCodesAreRefused() throws {
        let pack = try Scratch()
        try pack.edit("organisations.json") { document in
            var organisations = document["organisations"] as! [[String: Any]]
            organisations[5]["code"] = organisations[2]["code"]
            document["organisations"] = organisations
        }
        let error = try #require(pack.refusal())
        #expect(error.file == "organisations.json")
        #expect(error.location == "$.organisations[5].code")
        #expect(error.reason.contains("earlier organisation"))

        let pools = try Scratch()
        try pools.edit("pools.json") { document in
            var list = document["pools"] as! [[String: Any]]
            list[2]["code"] = list[0]["code"]
            document["pools"] = list
        }
        #expect(pools.refusal()?.location == "$.pools[2].code")
    }

    @Test func moneyThatIsNotPenceIsRefused() throws {
        for written in ["12.5", "\"£3m\""] {
            let pack = try Scratch()
            let text = try String(contentsOf: pack.file("pools.json"), encoding: .utf8)
            #expect(text.contains("\"percentOfSpend\": 20"))
            try pack.write(
                "pools.json",
                text.replacingOccurrences(of: "\"percentOfSpend\": 20", with: "\"amountPence\": \(written)"))
            let error = try #require(pack.refusal())
            #expect(error.file == "pools.json")
            #expect(error.location == "$.pools[2].size.amountPence")
            #expect(error.reason.contains("not a whole number of pence"))
        }
    }

    @Test func sharesNotAddingToAHundredAreRefused() throws {
        let pack = try Scratch()
        try pack.edit("pools.json") { document in
            var list = document["pools"] as! [[String: Any]]
            var shares = list[2]["contributions"] as! [[String: Any]]
            shares[1]["sharePercent"] = 40
            list[2]["contributions"] = shares
            document["pools"] = list
        }
        let error = try #require(pack.refusal())
        #expect(error.description == "pools.json: $.pools[2].contributions: the shares add up to 90%, not 100%")
    }

    @Test func aPlaceMappingWithADistrictTwiceIsRefused() throws {
        let pack = try Scratch()
        let text = try String(contentsOf: pack.file("places.csv"), encoding: .utf8)
        try pack.write("places.csv", text + "west-kent,West Kent,Thanet,\n")
        let error = try #require(pack.refusal())
        #expect(error.file == "places.csv")
        #expect(error.location == "line 16")
        #expect(error.reason.contains("district Thanet is already in place east-kent"))
    }

    @Test func anOrganisationAccountableForAnUnknownPlaceIsRefused() throws {
        let pack = try Scratch()
        try pack.edit("organisations.json") { document in
            var organisations = document["organisations"] as! [[String: Any]]
            organisations[0]["places"] = ["east-kent", "north-kent"]
            document["organisations"] = organisations
        }
        #expect(
            pack.refusal()?.description
                == "organisations.json: $.organisations[0].places[1]: \"north-kent\" is not one of the pack's places")
    }

    @Test func aCareSettingNoNetworkClaimsIsRefused() throws {
        let pack = try Scratch("llr")
        try pack.edit("care-networks.json") { document in
            var networks = document["networks"] as! [[String: Any]]
            networks.removeFirst()
            document["networks"] = networks
        }
        let error = try #require(pack.refusal())
        #expect(error.file == "care-networks.json")
        #expect(error.reason.contains("belongs to no care network"))
    }

    @Test func aRuleGivingAVetoIsRefused() throws {
        let pack = try Scratch()
        try pack.edit("memorandum.json") { memorandum in
            var rule = memorandum["rule"] as! [String: Any]
            rule["threshold"] = 1.0
            memorandum["rule"] = rule
        }
        let error = try #require(pack.refusal())
        #expect(error.location == "$.rule")
        #expect(error.reason.contains("veto"))
    }

    @Test func anAreaUnderAnUnknownParentIsRefused() throws {
        let pack = try Scratch("llr")
        let text = try String(contentsOf: pack.file("areas.csv"), encoding: .utf8)
        try pack.write("areas.csv", text + "locality-12,Locality 12,locality,cluster-9\n")
        #expect(
            pack.refusal()?.description
                == "areas.csv: line 17, column parent_code: \"cluster-9\" is not an area on an earlier line")
    }
}
