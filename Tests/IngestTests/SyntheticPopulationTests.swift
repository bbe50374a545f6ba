import ConcordatCore
import ConcordatTestSupport
import Foundation
import Testing

@testable import Ingest

@Suite("The synthetic population", .serialized)
struct SyntheticPopulationTests {
    static let kent = Result {
        try PublishedSystemAssembly.assemble(from: .bundled("kent-medway"), rules: BundledPacks.kentPlaceRules)
    }

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("concordat-synth-\(UUID().uuidString)")
    }

    /// Every row of a CSV as string fields, header dropped.
    static func rows(_ url: URL) throws -> [[String]] {
        var rows: [[String]] = []
        try CSVStream(url: url).forEachRow(
            onHeader: { _ in }, onRow: { row in rows.append((0..<row.count).map { row.string($0) }) })
        return rows
    }

    @Test("with no --people the cells reproduce the published list sizes exactly")
    func fullCellsMatchPublished() throws {
        let kent = try Self.kent.get()
        let cells = SyntheticPopulation.cellCounts(system: kent, people: nil)
        #expect(cells.reduce(0) { $0 + $1.count } == 2_039_483)
        for cell in cells.prefix(500) {
            #expect(kent.population(of: cell.practice)[cell.sex, cell.band] == cell.count)
        }
        let sample = SyntheticPopulation.cellCounts(system: kent, people: 10_000)
        #expect(sample.reduce(0) { $0 + $1.count } == 10_000)
    }

    @Test("a generated extract has valid NHS numbers, the published practice × sex × band counts, and is deterministic")
    func generatedExtract() throws {
        // A real system cut down to three practices keeps this test quick while covering every row kind.
        let kent = try Self.kent.get()
        let practices = ["G82002", "G82028", "G82067"]
        let small = try HealthSystem(
            code: kent.code, name: kent.name, levels: kent.levels,
            areas: kent.areas.filter { $0.level != "practice" || practices.contains($0.code) },
            populations: Dictionary(uniqueKeysWithValues: practices.map { ($0, kent.population(of: $0)) }))
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = SyntheticPopulationSpec.kentMedway(seed: 42)
        let summary = try SyntheticPopulation.write(system: small, spec: spec, to: folder.appendingPathComponent("a"))
        let patients = try Self.rows(folder.appendingPathComponent("a/patients.csv"))
        #expect(summary.people == patients.count)
        #expect(patients.count == practices.reduce(0) { $0 + kent.population(of: $1).total })
        var counts: [String: PopulationProfile] = [:]
        for row in patients {
            #expect(NHSNumber.isValid(row[1]), "\(row[1])")
            #expect(row[0] == row[1])
            let age = spec.referenceDate.age(birthYear: Int(row[2])!, birthMonth: Int(row[3])!)
            counts[row[7], default: PopulationProfile()][Sex(rawValue: row[4])!, AgeBand(age: age)!] += 1
        }
        for practice in practices {
            // Practice by practice, sex by sex, five-year band by band: exactly the published counts.
            #expect(counts[practice] == kent.population(of: practice), "\(practice)")
        }
        #expect(Set(patients.map(\.[0])).count == patients.count)

        let again = try SyntheticPopulation.write(system: small, spec: spec, to: folder.appendingPathComponent("b"))
        #expect(again == summary)
        for file in SyntheticPopulation.fileNames {
            let first = try Data(contentsOf: folder.appendingPathComponent("a/\(file)"))
            let second = try Data(contentsOf: folder.appendingPathComponent("b/\(file)"))
            #expect(first == second, "\(file) differs between two runs with the same seed")
        }
        let other = try SyntheticPopulation.write(
            system: small, spec: SyntheticPopulationSpec.kentMedway(seed: 43), to: folder.appendingPathComponent("c"))
        #expect(other != summary)
    }

    @Test("illness and cost rise with age and deprivation; every catalogue condition occurs")
    func gradients() throws {
        let kent = try Self.kent.get()
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SyntheticPopulation.write(
            system: kent, spec: SyntheticPopulationSpec.kentMedway(seed: 7, people: 60_000), to: folder)
        let patients = try Self.rows(folder.appendingPathComponent("patients.csv"))
        let diagnoses = try Self.rows(folder.appendingPathComponent("diagnoses.csv"))
        let events = try Self.rows(folder.appendingPathComponent("events.csv"))
        var age: [String: Int] = [:]
        var decile: [String: Int] = [:]
        for row in patients {
            age[row[0]] = 2026 - Int(row[2])!
            decile[row[0]] = Int(row[6])!
        }
        var conditions: [String: Int] = [:]
        for row in diagnoses { conditions[row[0], default: 0] += 1 }
        var cost: [String: Int] = [:]
        for row in events { cost[row[0], default: 0] += Int(row[5])! }
        func mean(_ values: [String: Int], where keep: (String) -> Bool) -> Double {
            let people = patients.map(\.[0]).filter(keep)
            return Double(people.reduce(0) { $0 + values[$1, default: 0] }) / Double(max(1, people.count))
        }
        #expect(mean(conditions) { age[$0]! >= 75 } > 3 * mean(conditions) { (18..<40).contains(age[$0]!) })
        #expect(mean(cost) { age[$0]! >= 75 } > 2 * mean(cost) { (18..<40).contains(age[$0]!) })
        let adults = { (id: String) in (40..<75).contains(age[id]!) }
        #expect(
            mean(conditions) { adults($0) && decile[$0]! <= 2 } > 1.3
                * mean(conditions) { adults($0) && decile[$0]! >= 9 })
        #expect(mean(cost) { adults($0) && decile[$0]! <= 2 } > mean(cost) { adults($0) && decile[$0]! >= 9 })
        let codes = Set(diagnoses.map(\.[2]))
        for condition in SyntheticCondition.catalogue {
            #expect(condition.codes.contains { codes.contains($0) }, "\(condition.name) never occurs")
        }
        let settings = Set(events.map(\.[1]))
        #expect(settings == Set(CareSetting.allCases.map(\.code)))
    }
}
