import ConcordatCore
import Finance
import Foundation
import Hummingbird
import HummingbirdTesting
import Ingest
import Testing

@testable import Web

/// QUY's rows read from the shipped CSV in the test itself, so expectations come from the published
/// numbers, not from the builder: practice, district, population and final weighted population (as
/// exact decimals).
private struct QUYRow {
    var practice: String
    var district: String
    var population: Decimal
    var weighted: Decimal

    static let all = Result { () throws -> [QUYRow] in
        let data = try Data(contentsOf: EnglandAllocationFile.bundledURL)
        let table = try CSVTable(parsing: data, file: "weighted-population-2025-26.csv")
        let (icb, code, district, population, weighted) = (
            try table.column("ICB"), try table.column("Practice_Code"), try table.column("LTLA"),
            try table.column("Population"), try table.column("Final WP")
        )
        return try table.records.filter { $0[icb] == "QUY" }.map {
            QUYRow(
                practice: $0[code], district: $0[district],
                population: try #require(Decimal(string: $0[population], locale: Locale(identifier: "en_GB"))),
                weighted: try #require(Decimal(string: $0[weighted], locale: Locale(identifier: "en_GB"))))
        }
    }
}

@Suite("Any ICB from NHS England's file: Bristol, North Somerset and South Gloucestershire (QUY)")
struct ThirdICBTests {
    static let built = Result { try PublishedICB(file: EnglandAllocationFile.bundled(), icb: "QUY") }

    @Test("QUY has the file's practices, one place per district, and its list sizes without bands")
    func builds() throws {
        let rows = try QUYRow.all.get()
        let icb = try Self.built.get()
        let system = icb.system
        #expect(rows.count == 77)
        #expect(system.code == "QUY")
        #expect(system.name == "NHS Bristol, North Somerset and South Gloucestershire ICB")
        #expect(system.levels.map(\.key) == ["system", "place", "practice"])
        #expect(Set(system.areas(atLevel: "practice").map(\.code)) == Set(rows.map(\.practice)))
        let places = system.children(of: "QUY")
        #expect(Set(places.map(\.name)) == Set(rows.map(\.district)))
        #expect(Set(places.map(\.code)) == ["bristol-city-of", "north-somerset", "south-gloucestershire"])
        // Each practice's population rounded to whole people, summed.
        let expected = rows.reduce(0) { total, row in
            var value = row.population
            var rounded = Decimal()
            NSDecimalRound(&rounded, &value, 0, .plain)
            return total + NSDecimalNumber(decimal: rounded).intValue
        }
        let root = system.population(of: "QUY")
        #expect(root.total == expected)
        #expect(root.unbanded == expected)
        #expect(root.bandedTotal == 0)
        #expect(system.publishedRegisteredTotal == nil)
        for place in places {
            let districtRows = rows.filter { $0.district == place.name }
            #expect(system.children(of: place.code).count == districtRows.count, "\(place.code)")
        }
        #expect(icb.weightedPopulations.count == 77)
        #expect(system.notes.contains { $0.message.contains("no age or sex bands") })
    }

    @Test("£1,234,567,890.13 is shared by place weighted population ÷ ICB weighted population, to the penny")
    func allocatesToThePenny() throws {
        let rows = try QUYRow.all.get()
        let system = try Self.built.get().system
        let total = Money(pence: 123_456_789_013)
        // The weights reach the allocation through the function the web app uses.
        let finances = try SystemFinances(system: system, analysis: nil, pack: nil)
        let allocation = try finances.allocation(total)
        let places = system.children(of: "QUY")
        let budgets = places.map { allocation.line($0.code)?.budgetPence ?? -1 }
        #expect(budgets.reduce(0, +) == total.pence)

        // Independently, in exact decimals: quota = total × place WP ÷ ICB WP; floors, then the
        // leftover pennies to the largest remainders.
        let icbWeighted = rows.reduce(Decimal(0)) { $0 + $1.weighted }
        let quotas = places.map { place -> Decimal in
            let placeRows = rows.filter { $0.district == place.name }
            let placeWeighted = placeRows.reduce(Decimal(0)) { $0 + $1.weighted }
            return Decimal(total.pence) * placeWeighted / icbWeighted
        }
        var floors = quotas.map { quota -> Int64 in
            var value = quota
            var down = Decimal()
            NSDecimalRound(&down, &value, 0, .down)
            return NSDecimalNumber(decimal: down).int64Value
        }
        let remainders = zip(quotas, floors).map { $0 - Decimal($1) }
        var left = total.pence - floors.reduce(0, +)
        for index in remainders.indices.sorted(by: { remainders[$0] > remainders[$1] }) where left > 0 {
            floors[index] += 1
            left -= 1
        }
        #expect(budgets == floors)
        // Every level adds up to the one above.
        for area in system.areas where !system.children(of: area.code).isEmpty {
            let sum = system.children(of: area.code).reduce(Int64(0)) {
                $0 + (allocation.line($1.code)?.budgetPence ?? 0)
            }
            #expect(sum == allocation.line(area.code)?.budgetPence, "\(area.code)")
        }
        #expect(allocation.unweighted.isEmpty)
    }

    @Test("QUY's pages are served, and say the age/sex bands are absent instead of drawing an empty pyramid")
    func servesPages() async throws {
        let rows = try QUYRow.all.get()
        let system = try Self.built.get().system
        let app = try await makeApp(system)
        let practice = try #require(rows.first).practice
        try await app.test(.router) { client in
            for uri in ["/", "/areas/QUY", "/areas/bristol-city-of", "/areas/\(practice)"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(!response.text.contains("class=\"chart pyramid\""), "\(uri)")
                    #expect(!response.text.contains("No registered population has been loaded"), "\(uri)")
                }
            }
            try await client.execute(uri: "/areas/QUY", method: .get) { response in
                #expect(response.text.contains("id=\"bands-absent\""))
                #expect(response.text.contains("5-year age groups"))
                #expect(!response.text.contains("<dt>Female</dt>"))
            }
            try await client.execute(uri: "/money?controlTotal=%C2%A31%2C234%2C567%2C890.13", method: .get) {
                response in
                #expect(response.status == .ok)
                #expect(response.text.contains("£1,234,567,890.13"))
                #expect(response.text.contains("South Gloucestershire"))
            }
            try await client.execute(uri: "/api/v1/system", method: .get) { response in
                #expect(response.status == .ok)
                let document = try response.json(SystemDocument.self)
                #expect(document.code == "QUY")
                #expect(document.places.count == 3)
                #expect(document.registeredPopulation == system.population(of: "QUY").total)
                #expect(document.registeredPopulation > 1_000_000)
            }
            try await client.execute(uri: "/api/v1/allocation?controlTotal=%C2%A31234567890.13", method: .get) {
                response in
                #expect(response.status == .ok)
                let document = try response.json(CapitationAllocation.Document.self)
                #expect(document.controlTotalPence == 123_456_789_013)
                let places = document.allocations.filter { $0.level == "place" }
                #expect(places.count == 3)
                #expect(places.reduce(0) { $0 + $1.budgetPence } == 123_456_789_013)
            }
        }
    }
}
