import ConcordatCore
import ConcordatTestSupport
import Ingest
import Testing

@Suite("The example partnerships, as the seed papers name them")
struct ExampleSystemTests {
    @Test(
        "East Kent ACP: 4 CCGs, 3 trusts, 6 primary care at scale providers, the county council, 2 advisers; and Kent & Medway's 3 other acute trusts"
    )
    func eastKent() throws {
        let organisations = try BundledPacks.kent.get().organisations
        func count(_ role: OrganisationRole) -> Int { organisations.filter { $0.role == role }.count }
        #expect(organisations.count == 19)
        #expect(count(.commissioner) == 4)
        #expect(count(.nhsTrust) == 6)
        #expect(count(.primaryCareAtScale) == 6)
        #expect(count(.localAuthority) == 1)
        #expect(count(.adviser) == 2)
        #expect(organisations.filter(\.isSignatory).count == 14)
        #expect(organisations.filter { $0.role == .adviser }.allSatisfy { !$0.isSignatory })
        #expect(Set(organisations.map(\.code)).count == organisations.count)
    }

    @Test("LLR: system › cluster › locality with 3 clusters and 11 localities; parties and partners")
    func llr() throws {
        let system = try BundledPacks.llrSystem.get()
        #expect(system.levels.map(\.key) == ["system", "cluster", "locality"])
        #expect(system.areas(atLevel: "cluster").count == 3)
        #expect(system.areas(atLevel: "locality").count == 11)
        #expect(system.areas(atLevel: "locality").allSatisfy { system.area($0.parentCode!)?.level == "cluster" })
        let parties = system.organisations.filter { $0.membership == .party }
        let partners = system.organisations.filter { $0.membership == .partner }
        #expect(parties.count == 5)  // three CCGs, UHL, LPT
        #expect(partners.map(\.code) == ["llr-local-authorities", "emas", "dhu"])
        #expect(system.population(of: "LLR").total == 0)
        #expect(system.publishedRegisteredTotal == nil)
    }
}
