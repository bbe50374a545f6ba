import ConcordatCore
import Finance
import Foundation
import Ingest
import Testing

@testable import SystemPack

/// Hostile `indicators.json`, `age-sex.csv` and `pcn-map.csv`: each refused with its file, JSON path or
/// line and column, and why; and the files a pack may carry survive export and reload.
@Suite struct PackIndicatorFileTests {
    typealias Scratch = PackLoaderTests.Scratch

    /// Edits the first indicator of the LLR pack copy.
    static func editIndicator(_ pack: Scratch, at index: Int = 0, _ change: (inout [String: Any]) -> Void) throws {
        try pack.edit("indicators.json") { document in
            var indicators = document["indicators"] as! [[String: Any]]
            change(&indicators[index])
            document["indicators"] = indicators
        }
    }

    @Test func malformedIndicatorsAreRefused() throws {
        let pack = try Scratch("llr")
        try pack.write("indicators.json", "{\"indicators\": [{\"code\": \"ae-4-hour\",")
        let error = try #require(pack.refusal())
        #expect(error.file == "indicators.json" && error.location == "$")
        #expect(error.reason.contains("not valid JSON"))

        let wrongType = try Scratch("llr")
        try Self.editIndicator(wrongType, at: 2) { $0["unit"] = "furlongs" }
        #expect(wrongType.refusal()?.file == "indicators.json")
        #expect(wrongType.refusal()?.location == "$.indicators[2].unit")
    }

    @Test(arguments: ["\"NaN\"", "\"78%\"", "null"])
    func aTargetThatIsNotANumberIsRefused(written: String) throws {
        let pack = try Scratch("llr")
        try Self.editIndicator(pack) { indicator in
            var targets = indicator["targets"] as! [[String: Any]]
            targets[1]["value"] = "PLACEHOLDER"
            indicator["targets"] = targets
        }
        let text = try String(contentsOf: pack.file("indicators.json"), encoding: .utf8)
        try pack.write("indicators.json", text.replacingOccurrences(of: "\"PLACEHOLDER\"", with: written))
        let error = try #require(pack.refusal())
        #expect(error.file == "indicators.json")
        #expect(error.location == "$.indicators[0].targets[1].value", "\(error)")
    }

    @Test(arguments: [(150.0, "is not a percentage"), (-5.0, "is not a percentage"), (1e308 * 10, "is not a number")])
    func aTargetOutOfRangeIsRefused(value: Double, reason: String) throws {
        let pack = try Scratch("llr")
        try Self.editIndicator(pack) { indicator in
            var targets = indicator["targets"] as! [[String: Any]]
            targets[0]["value"] = value.isFinite ? value : 12345.5
            indicator["targets"] = targets
        }
        if !value.isFinite {
            // JSON has no infinity; a number too large for a Double is the nearest a file can come.
            let text = try String(contentsOf: pack.file("indicators.json"), encoding: .utf8)
            let first = try #require(text.range(of: "12345.5"))
            try pack.write("indicators.json", text.replacingCharacters(in: first, with: "1e999"))
        }
        let error = try #require(pack.refusal())
        #expect(error.file == "indicators.json")
        if value.isFinite {
            #expect(error.location == "$.indicators[0].targets[0].value", "\(error)")
            #expect(error.reason.contains(reason), "\(error)")
        } else {
            // The JSON reader refuses a number no Double holds before any field is decoded: the file is named.
            #expect(error.reason.contains("not valid JSON"), "\(error)")
        }
    }

    @Test func duplicateIndicatorCodesAreRefused() throws {
        let pack = try Scratch("llr")
        try Self.editIndicator(pack, at: 3) { $0["code"] = "ae-4-hour" }
        let error = try #require(pack.refusal())
        #expect(error.description == "indicators.json: $.indicators[3].code: \"ae-4-hour\" is listed twice")
    }

    @Test(arguments: ["", "ae 4 hour", "ae-4-hour\n", String(repeating: "x", count: 65)])
    func aMisshapenCodeIsRefused(code: String) throws {
        let pack = try Scratch("llr")
        try Self.editIndicator(pack, at: 1) { $0["code"] = code }
        let error = try #require(pack.refusal())
        #expect(error.location == "$.indicators[1].code", "\(error)")
    }

    @Test func targetsOutOfOrderAreRefused() throws {
        let pack = try Scratch("llr")
        try Self.editIndicator(pack) { indicator in
            var targets = indicator["targets"] as! [[String: Any]]
            targets.swapAt(0, 2)
            indicator["targets"] = targets
        }
        let error = try #require(pack.refusal())
        #expect(error.location == "$.indicators[0].targets[1].from", "\(error)")
        #expect(error.reason.contains("earliest first"))
    }

    // MARK: - age-sex.csv

    static let ageSex =
        "sex,age_band,people\n"
        + Sex.allCases.flatMap { sex in
            AgeBand.all.map { "\(sex.rawValue),\($0.publicationCode),\(1000 + $0.lowerAge)" }
        }
        .joined(separator: "\n") + "\n"

    @Test func anAgeSexReferenceLoadsAndRoundTrips() throws {
        let pack = try Scratch("llr")
        try pack.write("age-sex.csv", Self.ageSex)
        let loaded = try PackLoader.load(directory: pack.url)
        let ages = try #require(loaded.ageSex)
        #expect(ages.cells.count == 2 * AgeBand.all.count)
        #expect(ages.profile[.male, AgeBand(age: 40)!] == 1040)
        #expect(ages.reference(systemName: "LLR").description.contains("age-sex.csv"))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("age-sex-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try loaded.write(to: out)
        #expect(try PackLoader.load(directory: out) == loaded)
        #expect(try SystemPack(format: 1, document: loaded.document()) == loaded)
    }

    @Test(arguments: [
        ("female,0_4,-3", "line 2, column people", "not a count of people"),
        ("female,0_5,10", "line 2, column age_band", "not a five-year age band"),
        ("female,100+,10", "line 2, column age_band", "not a five-year age band"),
        ("female,0_4,1.5", "line 2, column people", "whole number"),
        ("female,0_4,", "line 2, column people", "not a count"),
        ("unknown,0_4,10", "line 2, column sex", "not a sex"),
        ("female,0_4,999999999999", "line 2, column people", "more than England's population"),
        ("female,0_4,10\nfemale,0-4,11", "line 3, column age_band", "already on line 2"),
    ])
    func aBadReferenceRowIsRefused(row: String, location: String, reason: String) throws {
        let pack = try Scratch("llr")
        try pack.write("age-sex.csv", "sex,age_band,people\n\(row)\n")
        let error = try #require(pack.refusal())
        #expect(error.file == "age-sex.csv")
        #expect(error.location == location, "\(error)")
        #expect(error.reason.contains(reason), "\(error)")
    }

    @Test func anEmptyOrHeadlessReferenceIsRefused() throws {
        let zero = try Scratch("llr")
        try zero.write("age-sex.csv", "sex,age_band,people\nfemale,0_4,0\n")
        #expect(zero.refusal()?.reason.contains("holds no people") == true)
        let headless = try Scratch("llr")
        try headless.write("age-sex.csv", "sex,band,count\nfemale,0_4,10\n")
        #expect(headless.refusal()?.description == "age-sex.csv: line 1: there is no column age_band")
    }

    // MARK: - pcn-map.csv

    @Test func aPCNMapIsRefusedOutsideAnEnglandHierarchy() throws {
        let pack = try Scratch("llr")
        try pack.write("pcn-map.csv", "PRACTICE_CODE,PCN_CODE,PCN_NAME\nL81001,U1,ONE PCN\n")
        let error = try #require(pack.refusal())
        #expect(error.file == "pcn-map.csv" && error.reason.contains("england"))
    }

    /// An England pack for QUY, with `pcn` as its `pcn-map.csv`.
    static func englandPack(pcn: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("england-\(UUID().uuidString)")
        let system = try PublishedICB(file: EnglandAllocationFile.bundled(), icb: "QUY")
        let pack = SystemPack(
            manifest: PackManifest(name: system.system.name, hierarchy: .england(icb: "QUY")),
            places: system.places.map { PlaceDefinition(code: $0.code, name: $0.name, districts: $0.districts) },
            organisations: [],
            finance: PackFinance(
                partners: [], generalPractice: nil, poolOfPartner: [:], agreement: .tieredByBudget, careNetworks: nil),
            indicators: try PackLoader.bundled("llr").indicators)
        try pack.write(to: url)
        try Data(pcn.utf8).write(to: url.appendingPathComponent("pcn-map.csv"))
        return url
    }

    @Test func anEnglandPackBuildsItsPCNsAndRefusesABadMap() throws {
        let practices = try PublishedICB(file: EnglandAllocationFile.bundled(), icb: "QUY").system
            .areas(atLevel: "practice").map(\.code).sorted()
        let good = try Self.englandPack(
            pcn: "PRACTICE_CODE,PCN_CODE,PCN_NAME\n\(practices[0]),U00001,ONE PCN\n\(practices[1]),U00001,ONE PCN\n"
                + "\(practices[2]),,Unallocated\n")
        defer { try? FileManager.default.removeItem(at: good) }
        let pack = try PackLoader.load(directory: good)
        #expect(pack.pcnMap?.rows.count == 3)
        let system = try pack.system()
        #expect(system.levels.map(\.key) == ["system", "place", "neighbourhood", "practice"])
        #expect(Set(system.children(of: "U00001").map(\.code)) == [practices[0], practices[1]])
        #expect(try SystemPack(format: 1, document: pack.document()) == pack)

        let twice = try Self.englandPack(
            pcn: "PRACTICE_CODE,PCN_CODE,PCN_NAME\n\(practices[0]),U1,A\n\(practices[0]),U2,B\n")
        defer { try? FileManager.default.removeItem(at: twice) }
        let error = try #require(PackLoaderTests.refusal(twice))
        #expect(error.file == "pcn-map.csv" && error.location.hasPrefix("line 3"), "\(error)")
    }
}

extension PackLoaderTests {
    /// The refusal of the pack in `url`, if it is refused.
    static func refusal(_ url: URL) -> PackError? {
        do {
            _ = try PackLoader.load(directory: url)
            return nil
        } catch { return error }
    }
}
