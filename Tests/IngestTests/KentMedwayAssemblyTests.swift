import ConcordatCore
import ConcordatTestSupport
import Foundation
import Ingest
import Testing

/// The Kent & Medway system assembled from the shipped published files must reconcile, count for
/// count, with those files read independently here.
@Suite("Kent & Medway reconciles with the published files")
struct KentMedwayAssemblyTests {
    static let directory = PublishedReferenceData.bundledDirectory("kent-medway")!
    static let system = Result {
        try PublishedSystemAssembly.assemble(
            from: .bundled("kent-medway"), rules: BundledPacks.kentPlaceRules,
            organisations: BundledPacks.kent.get().organisations)
    }

    /// Raw lines of a shipped file, header dropped (these two files have no quoted fields).
    static func lines(_ name: String) throws -> [[Substring]] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
    }

    /// Practice → (ALL, FEMALE total, MALE total) straight from the age/sex file.
    static func publishedTotals() throws -> [String: (all: Int, female: Int, male: Int)] {
        var totals: [String: (all: Int, female: Int, male: Int)] = [:]
        for row in try lines(PublishedReferenceData.FileName.registeredPatients) where row[7] == "ALL" {
            let code = String(row[3])
            var entry = totals[code] ?? (0, 0, 0)
            let count = Int(row[8])!
            switch row[6] {
            case "ALL": entry.all = count
            case "FEMALE": entry.female = count
            default: entry.male = count
            }
            totals[code] = entry
        }
        return totals
    }

    @Test("2,039,483 registered patients, exactly as published, in 175 practices, 45 PCNs and 4 places")
    func headlineCounts() throws {
        let system = try Self.system.get()
        let published = try Self.publishedTotals()
        let publishedSum = published.values.reduce(0) { $0 + $1.all }
        #expect(publishedSum == 2_039_483)
        #expect(system.population(of: "QKS").total == publishedSum)
        #expect(system.publishedRegisteredTotal == publishedSum)
        #expect(system.areas(atLevel: "practice").count == 175)
        #expect(system.areas(atLevel: "neighbourhood").count == 45)
        #expect(
            system.areas(atLevel: "place").map(\.name) == [
                "Dartford, Gravesham & Swanley", "East Kent", "Medway & Swale", "West Kent",
            ])
        let placeSum = system.areas(atLevel: "place").reduce(0) { $0 + system.population(of: $1.code).total }
        #expect(placeSum == publishedSum)
    }

    @Test("every practice's total, female and male counts equal its published ALL rows")
    func practicesMatch() throws {
        let system = try Self.system.get()
        let published = try Self.publishedTotals()
        #expect(published.count == 175)
        for (code, expected) in published {
            let profile = system.population(of: code)
            #expect(profile.total == expected.all, "\(code)")
            #expect(profile.total(of: .female) == expected.female, "\(code)")
            #expect(profile.total(of: .male) == expected.male, "\(code)")
        }
    }

    @Test("every PCN's population is the sum of its practices in the mapping file")
    func pcnsMatch() throws {
        let system = try Self.system.get()
        let published = try Self.publishedTotals()
        let map = try CSVTable(
            parsing: Data(
                contentsOf: Self.directory.appendingPathComponent(PublishedReferenceData.FileName.practiceMap)),
            file: "map")
        let (practice, pcn) = (try map.column("PRACTICE_CODE"), try map.column("PCN_CODE"))
        var expected: [String: Int] = [:]
        for record in map.records where record[pcn] != "U" {
            expected[record[pcn], default: 0] += published[record[practice]]!.all
        }
        #expect(expected.count == 45)
        for (code, total) in expected {
            #expect(system.area(code)?.level == "neighbourhood")
            #expect(system.population(of: code).total == total, "\(code)")
        }
    }

    @Test("Swanley practices are in Dartford, Gravesham & Swanley; other Sevenoaks practices in West Kent")
    func swanleyRule() throws {
        let system = try Self.system.get()
        func place(_ practice: String) -> String? { system.lineage(of: practice).first { $0.level == "place" }?.code }
        #expect(place("G82028") == "dartford-gravesham-swanley")  // Swanley Medical Practice, BR8
        #expect(place("G82013") == "west-kent")  // Amherst Medical Practice, Sevenoaks TN13
        #expect(place("G82002") == "east-kent")  // St James' Surgery, Dover
    }

    @Test("practices in one file and not another are listed, not dropped")
    func reconciliationNotes() throws {
        let system = try Self.system.get()
        let current = Set(system.areas(atLevel: "practice").map(\.code))
        let weighted = try Self.lines(PublishedReferenceData.FileName.weightedPopulation).map { String($0[0]) }
        let weightedOnly = Set(weighted).subtracting(current)
        #expect(weightedOnly.count == 8)
        let payments = try CSVTable(
            parsing: Data(contentsOf: Self.directory.appendingPathComponent(PublishedReferenceData.FileName.payments)),
            file: "payments")
        let paymentsOnly = Set(payments.records.map { $0[try! payments.column("Practice Code")] }).subtracting(current)
        #expect(paymentsOnly.count == 28)
        let noted = Set(system.notes.filter { $0.kind == .missingFromSource }.map(\.subject))
        #expect(weightedOnly.isSubset(of: noted))
        #expect(paymentsOnly.isSubset(of: noted))
    }

    @Test("a practice in no PCN sits under its place; a practice whose PCN is in another place is reported")
    func unallocatedAndConflicts() throws {
        let system = try Self.system.get()
        #expect(system.area("G82067")?.parentCode == "dartford-gravesham-swanley")
        #expect(system.notes.contains { $0.kind == .noNeighbourhood && $0.subject == "G82067" })
        // River Darent Medical Group: Sevenoaks district (West Kent) but in Swanley & Rural PCN (mostly DGS).
        #expect(system.notes.contains { $0.kind == .placeConflict && $0.subject == "G82218" })
        #expect(system.area("U40722")?.parentCode == "dartford-gravesham-swanley")
    }

    @Test("PCNs outside the 30,000–50,000 design size are the ones whose published totals are outside it")
    func designSize() throws {
        let system = try Self.system.get()
        for pcn in system.areas(atLevel: "neighbourhood") {
            let total = system.population(of: pcn.code).total
            #expect(system.isOutsideDesignSize(pcn.code) == !(30_000...50_000).contains(total))
        }
        #expect(system.isOutsideDesignSize("U92100") == true)  // Athena PCN, one practice of 25,674
        #expect(system.isOutsideDesignSize("U47228") == false)  // ABC PCN, 49,830
    }

    @Test("an override places a practice by hand, and an unknown place in the override file is refused by line")
    func overrides() throws {
        let good = try CSVTable(
            parsing: Array("practice_code,place_code\nG82218,dartford-gravesham-swanley\n".utf8), file: "o.csv")
        let rules = try BundledPacks.kentPlaceRules.withOverrides(from: good)
        let system = try PublishedSystemAssembly.assemble(from: .bundled("kent-medway"), rules: rules)
        #expect(!system.notes.contains { $0.kind == .placeConflict && $0.subject == "G82218" })
        #expect(system.notes.contains { $0.kind == .placeOverridden && $0.subject == "G82218" })
        let bad = try CSVTable(parsing: Array("practice_code,place_code\nG82218,kent\n".utf8), file: "o.csv")
        #expect { try BundledPacks.kentPlaceRules.withOverrides(from: bad) } throws: { error in
            let error = error as? IngestError
            return error?.line == 2 && error?.field == "place_code"
        }
    }
}
