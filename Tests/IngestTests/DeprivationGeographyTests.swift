import ConcordatCore
import ConcordatTestSupport
import Foundation
import Testing

@testable import Ingest

@Suite("Real LSOAs and IMD 2025 deciles in the synthetic population", .serialized)
struct DeprivationGeographyTests {
    static func table(_ rows: [String]) throws -> CSVTable {
        try CSVTable(
            parsing: Array(
                (["lsoa21_code,lsoa21_name,IMD_decile,IMD_rank,IMD_score"] + rows).joined(separator: "\n").utf8),
            file: "lsoa.csv")
    }

    @Test("the shipped file holds Kent & Medway's 1,107 LSOAs in 13 districts, found by name")
    func shipped() throws {
        let geography = try DeprivationGeography.shipped()
        #expect(geography.lsoas.count == 1_107)
        #expect(geography.districts.count == 13)
        #expect(geography.lsoas(inDistrict: "Medway").count == 169)
        #expect(geography.lsoas(inDistrict: "Folkestone & Hythe").count == 67)
        #expect(geography.lsoas(inDistrict: "Leicester").isEmpty)
        // MHCLG IMD 2025: Medway 015B (E01016017) is in decile 1, rank 1,977.
        let first = try #require(geography.lsoas.first { $0.code == "E01016017" })
        #expect(first.name == "Medway 015B" && first.imdDecile == 1 && first.imdRank == 1_977)
        #expect(geography.core20Share(ofDistrict: "Thanet")! > geography.core20Share(ofDistrict: "Sevenoaks")!)
    }

    @Test("a bad row is refused with its line and field")
    func refusals() throws {
        let cases: [(String, String)] = [
            ("E0101601,Medway 015A,2,3801,43.0", "lsoa21_code"),
            ("E01016016,Medway,2,3801,43.0", "lsoa21_name"),
            ("E01016016,Medway 015A,11,3801,43.0", "IMD_decile"),
            ("E01016016,Medway 015A,0,3801,43.0", "IMD_decile"),
            ("E01016016,Medway 015A,2,-5,43.0", "IMD_rank"),
            ("E01016016,Medway 015A,2,3801,nan", "IMD_score"),
        ]
        for (row, field) in cases {
            #expect {
                try DeprivationGeography(table: Self.table([row]))
            } throws: { error in
                guard let error = error as? IngestError else { return false }
                return error.line == 2 && error.field == field
            }
        }
        #expect(throws: IngestError.self) {
            try DeprivationGeography(
                table: Self.table(["E01016016,Medway 015A,2,3801,43.0", "E01016016,Medway 015B,2,3801,43.0"]))
        }
        #expect(throws: IngestError.self) { try DeprivationGeography(table: Self.table([])) }
    }

    @Test("every person lives in a real LSOA of their practice's district, and Core20 per place matches the LSOAs")
    func synthesis() throws {
        let kent = try SyntheticPopulationTests.kent.get()
        let geography = try DeprivationGeography.shipped()
        let byCode = Dictionary(uniqueKeysWithValues: geography.lsoas.map { ($0.code, $0) })
        let folder = SyntheticPopulationTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SyntheticPopulation.write(
            system: kent, spec: SyntheticPopulationSpec.kentMedway(seed: 5, people: 40_000, deprivation: geography),
            to: folder)
        let patients = try SyntheticPopulationTests.rows(folder.appendingPathComponent("patients.csv"))
        #expect(patients.count == 40_000)
        var people: [String: Int] = [:]
        var core20: [String: Int] = [:]
        var expected: [String: Double] = [:]
        for row in patients {
            let practice = try #require(kent.area(row[7]))
            let district = try #require(practice.district)
            let lsoa = try #require(byCode[row[5]], "\(row[5]) is not a real LSOA")
            #expect(lsoa.name.hasPrefix(district), "\(lsoa.name) is not in \(district)")
            #expect(Int(row[6]) == lsoa.imdDecile)
            let place = try #require(kent.lineage(of: practice.code).first { $0.level == "place" }?.code)
            people[place, default: 0] += 1
            if lsoa.imdDecile <= 2 { core20[place, default: 0] += 1 }
            expected[place, default: 0] += try #require(geography.core20Share(ofDistrict: district))
        }
        #expect(people.count == 4)
        for (place, n) in people {
            // Uniform over the district's LSOAs: the expected share is the mean of the people's district shares;
            // allow four binomial standard errors.
            let share = Double(core20[place, default: 0]) / Double(n)
            let target = expected[place]! / Double(n)
            let tolerance = 4 * (target * (1 - target) / Double(n)).squareRoot()
            #expect(abs(share - target) <= tolerance, "\(place): \(share) against \(target)")
        }
    }

    @Test("a practice whose district the geography does not cover falls back to synthetic LSOAs, deterministically")
    func fallback() throws {
        let kent = try SyntheticPopulationTests.kent.get()
        let practice = try #require(kent.areas.first { $0.level == "practice" && $0.district != nil })
        var moved = practice
        moved.district = "Nowhere"
        let system = try HealthSystem(
            code: kent.code, name: kent.name, levels: kent.levels,
            areas: kent.areas.filter { $0.level != "practice" } + [moved],
            populations: [moved.code: kent.population(of: practice.code)])
        let folder = SyntheticPopulationTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = SyntheticPopulationSpec.kentMedway(
            seed: 9, people: 500, deprivation: try DeprivationGeography.shipped())
        _ = try SyntheticPopulation.write(system: system, spec: spec, to: folder.appendingPathComponent("a"))
        _ = try SyntheticPopulation.write(system: system, spec: spec, to: folder.appendingPathComponent("b"))
        let patients = try SyntheticPopulationTests.rows(folder.appendingPathComponent("a/patients.csv"))
        #expect(patients.count == 500)
        #expect(patients.allSatisfy { $0[5].hasPrefix("E0199") && (1...10).contains(Int($0[6])!) })
        #expect(
            try Data(contentsOf: folder.appendingPathComponent("a/patients.csv"))
                == Data(contentsOf: folder.appendingPathComponent("b/patients.csv")))
    }
}
