import ConcordatCore
import Foundation
import Testing

@testable import Ingest

@Suite("Any ICB from NHS England's allocation file: choosing it, its places and PCNs, and refusing bad input")
struct PublishedICBTests {
    static let file = Result { try EnglandAllocationFile.bundled() }

    private func table(_ text: String, file: String = "places.csv") throws -> CSVTable {
        try CSVTable(parsing: Array(text.utf8), file: file)
    }

    @Test("the file holds 6,348 practices in 42 ICBs; Kent & Medway's rows are the Kent & Medway file's weights")
    func england() throws {
        let file = try Self.file.get()
        #expect(file.table.records.count == 6_348)
        #expect(file.icbs.count == 42)
        #expect(file.icbs.reduce(0) { $0 + $1.practices } == 6_348)
        let kent = try PublishedReferenceData.bundled("kent-medway").weightedPopulations()
        #expect(try file.weightedPopulations(ofICB: "QKS") == kent)
    }

    @Test("an ICB is found by code in any case, by full name, or by a part of one name only")
    func lookup() throws {
        let file = try Self.file.get()
        #expect(try file.icb(matching: "quy").code == "QUY")
        #expect(try file.icb(matching: "NHS Devon ICB").code == "QJK")
        #expect(try file.icb(matching: "Bristol").code == "QUY")
        #expect(throws: UnknownICB.self) { try file.icb(matching: "London") }  // five London ICBs
    }

    @Test("an unknown, empty or hostile code is refused, naming the nearest codes and never echoing the hostile one")
    func hostileCodes() throws {
        let file = try Self.file.get()
        do {
            _ = try file.icb(matching: "QUZ")
            Issue.record("QUZ was accepted")
        } catch {
            #expect(error.description.contains("'QUZ' is not the code or name of an ICB"))
            #expect(error.suggestions.map(\.code).contains("QUY"))
            #expect(error.description.contains("--list-icbs"))
        }
        #expect(throws: UnknownICB.self) { try file.icb(matching: "") }
        #expect(throws: UnknownICB.self) { try file.icb(matching: "   ") }
        for hostile in ["QUY'; DROP TABLE area;--", "<script>alert(1)</script>", "QUY\u{0}", "../../etc/passwd"] {
            do {
                _ = try file.icb(matching: hostile)
                Issue.record("\(hostile) was accepted")
            } catch {
                #expect(error.asked == nil)
                #expect(!error.description.contains(hostile))
                #expect(error.description.contains("characters no ICB code or name has"))
            }
        }
        #expect(throws: UnknownICB.self) { try PublishedICB(file: file, icb: "Q K S") }
    }

    @Test("a place map joins districts into places; districts it leaves out stay their own place")
    func placeMap() throws {
        let file = try Self.file.get()
        let ltla = try file.table.column("LTLA")
        let districts = Set(file.records(ofICB: "QUY").map { $0[ltla] })
        let map = try DistrictPlaceMap(
            table: table(
                "district,place_code,place_name\nNorth Somerset,outer,Outer BNSSG\nsouth gloucestershire,outer,Outer BNSSG\n"
            ), knownDistricts: districts)
        let system = try PublishedICB(file: file, icb: "QUY", places: map).system
        #expect(system.children(of: "QUY").map(\.code).sorted() == ["bristol-city-of", "outer"])
        #expect(system.children(of: "outer").count == 37)
    }

    @Test("a place map naming an unknown district, or with a bad line, is refused with its file, line and field")
    func badPlaceMaps() throws {
        let districts: Set<String> = ["Bristol, City of", "North Somerset", "South Gloucestershire"]
        let cases: [(String, Int?, String?, String)] = [
            ("district,place_code,place_name\nBristol, City of,b,B\n", 2, nil, "found 4"),  // unquoted comma: 4 fields
            ("district,place_code,place_name\nKent,k,Kent\n", 2, "district", "not a district of this ICB"),
            ("district,place_code,place_name\nNorth Somerset,,N\n", 2, "place_code", "empty"),
            ("district,place_code,place_name\nNorth Somerset,n s,N\n", 2, "place_code", "letters, digits"),
            (
                "district,place_code,place_name\nNorth Somerset,n,N\nNorth Somerset,m,M\n", 3, "district",
                "already placed on line 2"
            ),
            ("district,place_code,place_name\nNorth Somerset,n,N\nSouth Gloucestershire,n,S\n", 3, "place_name", "n"),
            ("district,place\nNorth Somerset,n\n", 1, "place_code", "no column"),
        ]
        for (text, line, field, reason) in cases {
            do {
                _ = try DistrictPlaceMap(table: table(text), knownDistricts: districts)
                Issue.record("accepted: \(text)")
            } catch let error as IngestError {
                #expect(error.file == "places.csv", "\(text)")
                #expect(error.line == line, "\(text)")
                if let field { #expect(error.field == field, "\(text)") }
                #expect(error.reason.contains(reason), "\(error.reason)")
            }
        }
    }

    @Test("a PCN map adds the network level; practices it does not place stay under their place, with a note")
    func networks() throws {
        let file = try Self.file.get()
        let rows = file.records(ofICB: "QUY")
        let code = try file.table.column("Practice_Code")
        let first = rows[0][code]
        let second = rows[1][code]
        let map = try PracticePCNMap(
            table: table(
                "PRACTICE_CODE,PCN_CODE,PCN_NAME\n\(first),U00001,ONE PCN\n\(second),U00001,ONE PCN\nG82002,U34235,DOVER TOWN PCN\n",
                file: "pcn.csv"))
        let system = try PublishedICB(file: file, icb: "QUY", networks: map).system
        #expect(system.levels.map(\.key) == ["system", "place", "neighbourhood", "practice"])
        #expect(system.area("U00001")?.level == "neighbourhood")
        #expect(Set(system.children(of: "U00001").map(\.code)) == [first, second])
        #expect(system.area("U34235") == nil)  // a Kent practice's PCN is not QUY's
        #expect(system.notes.filter { $0.kind == .noNeighbourhood }.count == 75)
        #expect(system.notes.contains { $0.message.contains("1 practice in pcn.csv is not a practice of") })
        #expect(throws: IngestError.self) {
            try PracticePCNMap(table: table("PRACTICE_CODE,PCN_CODE,PCN_NAME\n\(first),U1,A\n\(first),U2,B\n"))
        }
    }

    @Test("synth's age/sex mix spreads a list size exactly, by largest remainder over Kent & Medway's bands")
    func ages() throws {
        let ages = try AgeSexReference.shipped()
        #expect(ages.profile.total == 2_039_483)
        for count in [0, 1, 7, 12_345, 1_000_003] { #expect(ages.spread(count).total == count) }
        #expect(ages.description.hasPrefix("NHS Kent and Medway Integrated Care Board's registered population"))
        let system = try PublishedICB(file: Self.file.get(), icb: "QUY").system
        let cells = SyntheticPopulation.cellCounts(system: system, people: nil, ages: ages)
        #expect(cells.reduce(0) { $0 + $1.count } == system.population(of: "QUY").total)
        #expect(SyntheticPopulation.cellCounts(system: system, people: nil).isEmpty)
    }
}
