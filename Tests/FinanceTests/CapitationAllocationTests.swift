import ConcordatCore
import ConcordatTestSupport
import Finance
import Foundation
import Ingest
import Testing

@Suite("Weighted capitation down the hierarchy")
struct CapitationAllocationTests {
    static let data = Result { try PublishedReferenceData.bundled("kent-medway") }
    static let kent = Result {
        try PublishedSystemAssembly.assemble(from: data.get(), rules: BundledPacks.kentPlaceRules)
    }

    static func allocation(_ total: Money) throws -> CapitationAllocation {
        try CapitationAllocation(controlTotal: total, system: kent.get(), weights: data.get().weightedPopulations())
    }

    @Test("every level adds up to the level above, to the penny, and the system to the control total")
    func addsUp() throws {
        for total in [Money(pence: 310_000_000_000), Money(pence: 1), Money(pence: 999_999_999_999), .zero] {
            let allocation = try Self.allocation(total)
            let system = try Self.kent.get()
            #expect(allocation.line("QKS")?.budgetPence == total.pence)
            for line in allocation.lines {
                let children = system.children(of: line.code)
                guard !children.isEmpty else { continue }
                #expect(
                    children.reduce(0) { $0 + allocation.line($1.code)!.budgetPence } == line.budgetPence,
                    "\(line.code)")
            }
            #expect(allocation.lines.allSatisfy { $0.budgetPence >= 0 })
            #expect(allocation.unweighted.isEmpty)
        }
    }

    @Test("shares and need indices match the published weighted populations, read independently")
    func matchesPublished() throws {
        let table = try Self.data.get().weightedPopulation
        let (code, population, final) = (
            try table.column("Practice_Code"), try table.column("Population"), try table.column("Final WP")
        )
        let system = try Self.kent.get()
        let current = Set(system.areas(atLevel: "practice").map(\.code))
        var wp: [String: Double] = [:]
        var pop: [String: Double] = [:]
        for record in table.records where current.contains(record[code]) {
            wp[record[code]] = Double(record[final])!
            pop[record[code]] = Double(record[population])!
        }
        let systemWP = wp.values.reduce(0, +)
        let systemPop = pop.values.reduce(0, +)
        let eastKent = system.areas(atLevel: "practice").filter {
            system.lineage(of: $0.code).contains { $0.code == "east-kent" }
        }
        let ekWP = eastKent.reduce(0) { $0 + wp[$1.code]! }
        let ekPop = eastKent.reduce(0) { $0 + pop[$1.code]! }
        let total = Money(pence: 310_000_000_000)
        let line = try #require(try Self.allocation(total).line("east-kent"))
        #expect(abs(line.targetShare - ekWP / systemWP) < 1e-12)
        #expect(abs(line.needIndex - (ekWP / ekPop) / (systemWP / systemPop)) < 1e-12)
        // One split from the control total: within a penny of the exact share.
        #expect(abs(Double(line.budgetPence) - Double(total.pence) * ekWP / systemWP) <= 1)
    }

    @Test("a negative control total, or a system with no weights, is refused")
    func refusals() throws {
        #expect(throws: CapitationAllocation.Problem.negativeControlTotal) { try Self.allocation(Money(pence: -1)) }
        #expect(throws: CapitationAllocation.Problem.noWeightedPopulation) {
            try CapitationAllocation(
                controlTotal: Money(pence: 100), system: BundledPacks.llrSystem.get(), weights: [:])
        }
    }
}
