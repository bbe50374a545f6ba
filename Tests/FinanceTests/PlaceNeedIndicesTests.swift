import ConcordatCore
import ConcordatTestSupport
import Ingest
import Testing

@testable import Finance

@Suite("NHS England's place-based need indices, as the allocation tool computes them")
struct PlaceNeedIndicesTests {
    static func finances() throws -> SystemFinances {
        let data = try PublishedReferenceData.bundled("kent-medway")
        let pack = try BundledPacks.kent.get()
        let system = try PublishedSystemAssembly.assemble(
            from: data, rules: pack.placeRules, organisations: pack.organisations)
        return SystemFinances(system: system, publishedWeights: try data.weightedPopulations())
    }

    /// Expected values: the tool's formula applied by hand (a short Python script over
    /// `weighted-population-2025-26.csv`, summing each column over the place's current practices and over all
    /// 183 rows of the ICB, then rounding half-up with `decimal`), not this code's output.
    @Test(
        "each place's nine indices equal the tool's formula over the whole ICB file, closed practices included",
        arguments: [
            ("east-kent", [1.06, 1.16, 1.16, 0.87, 1.07, 1.05, 1.05, 1.04, 1.09]),
            ("medway-swale", [1.00, 0.94, 0.93, 1.11, 0.99, 1.00, 1.01, 0.99, 1.13]),
        ])
    func places(place: String, expected: [Double]) throws {
        let allocation = try Self.finances().allocation(Money(pence: 310_000_000_000))
        let indices = try #require(allocation.line(place)?.needIndices)
        #expect(
            [
                indices.generalAndAcute, indices.community, indices.mentalHealth, indices.maternity,
                indices.prescribing, indices.overall, indices.primaryMedicalCare, indices.primaryMedicalCareNeed,
                indices.healthInequalities,
            ] == expected)
    }

    @Test("the ICB includes closed practices: leaving them out moves Medway & Swale's maternity index")
    func closedPracticesCount() throws {
        let finances = try Self.finances()
        let current = Set(finances.system.areas(atLevel: "practice").map(\.code))
        #expect(finances.publishedWeights.count == 183 && current.count == 175)
        let cluster = finances.system.areas(atLevel: "practice").filter {
            finances.system.lineage(of: $0.code).contains { $0.code == "medway-swale" }
        }.map(\.code)
        let all = try #require(PlaceNeedIndices.of(cluster: cluster, icb: Array(finances.publishedWeights.values)))
        let openOnly = try #require(
            PlaceNeedIndices.of(
                cluster: cluster, icb: finances.publishedWeights.values.filter { current.contains($0.practice) }))
        #expect(all.maternity == 1.11 && openOnly.maternity == 1.09)
    }

    @Test("the system's own indices are 1 (every current practice against the ICB is close to it), keys as the tool's")
    func system() throws {
        let allocation = try Self.finances().allocation(Money(pence: 100))
        #expect(allocation.lines.allSatisfy { $0.needIndices != nil })
        let document = allocation.document
        #expect(document.allocations.first?.needIndices?.overall ?? 0 > 0.95)
    }

    @Test("rounding is half-up on the displayed digits, as a spreadsheet's ROUND")
    func rounding() {
        #expect(PlaceNeedIndices.roundedHalfUp(1.005) == 1.01)
        #expect(PlaceNeedIndices.roundedHalfUp(1.0049999) == 1.0)
        #expect(PlaceNeedIndices.roundedHalfUp(0.875) == 0.88)
        #expect(PlaceNeedIndices.roundedHalfUp(1.1250000001) == 1.13)
    }
}
