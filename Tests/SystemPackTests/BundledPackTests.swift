import Assurance
import ConcordatCore
import Finance
import Governance
import Ingest
import Testing

@testable import SystemPack

/// The bundled packs carry the Kent & Medway and LLR particulars as their papers publish them.
@Suite struct BundledPackTests {
    let kent: SystemPack
    let llr: SystemPack

    init() throws {
        kent = try PackLoader.bundled("kent-medway")
        llr = try PackLoader.bundled("llr")
    }

    @Test func kentsOrganisationsPlacesAndMemorandum() throws {
        // The East Kent ACP's 16 members: 14 signatories, each accountable for East Kent, and 2 advisers; and
        // Kent & Medway's three other acute trusts (non-signatories, each serving its place).
        let organisations = kent.organisations
        #expect(organisations.count == 19)
        #expect(Set(organisations.map(\.code)).count == 19)
        #expect(organisations.first?.code == "ashford-ccg")
        #expect(organisations.filter(\.isSignatory).count == 14)
        #expect(organisations.filter(\.isSignatory).allSatisfy { $0.places == ["east-kent"] })
        #expect(organisations.filter { $0.role == .adviser }.map(\.code) == ["stp-ppag", "kent-lmc"])
        #expect(organisations.filter { $0.role == .primaryCareAtScale }.count == 6)
        // Four places; Swanley (BR8, in Sevenoaks district) belongs to Dartford, Gravesham & Swanley.
        let places = kent.placeRules.places
        #expect(places.map(\.code) == ["east-kent", "dartford-gravesham-swanley", "medway-swale", "west-kent"])
        #expect(places.map(\.name) == ["East Kent", "Dartford, Gravesham & Swanley", "Medway & Swale", "West Kent"])
        #expect(places[0].districts == ["Ashford", "Canterbury", "Dover", "Folkestone and Hythe", "Thanet"])
        #expect(places[3].districts == ["Maidstone", "Tonbridge and Malling", "Tunbridge Wells", "Sevenoaks"])
        #expect(places.map(\.postcodeDistricts) == [[], ["BR8"], [], []])
        #expect(kent.placeRules.overrides.isEmpty)
        #expect(
            kent.placeRules.place(practice: "G0", district: "Sevenoaks", postcode: "BR8 7AH")?.0.code
                == "dartford-gravesham-swanley")
        #expect(
            kent.placeRules.place(practice: "G0", district: "Sevenoaks", postcode: "TN13 1AA")?.0.code == "west-kent")
        let memorandum = try #require(kent.memorandum).memorandum()
        #expect(memorandum.rule == .twoThirds(quorum: 8))
        #expect(memorandum.seats.filter { $0.kind == .party }.count == 14)
        #expect(memorandum.redLines.map(\.condition).contains(.ringFencedPools(["kcc-social-care"])))
        let routes = try #require(kent.memorandum).routes
        #expect(routes.body(for: "kcc", type: .transferOfDecisionMaking) == "Full Council (reserved decision)")
        #expect(routes.body(for: "ekhuft", type: .transferOfDecisionMaking) == "Board")
        // The East Kent ACP work programme: four phases from October 2017 to June 2020, five
        // workstreams, 14 milestones due at the end of their month, three gateways.
        let programme = try #require(kent.programme)
        #expect(programme.phases.map(\.name) == ["Forming", "Mobilising", "Transition", "Fully Operational"])
        #expect(programme.phases.first?.start == Day(year: 2017, month: 10, day: 1))
        #expect(programme.phases.last?.end == Day(year: 2020, month: 6, day: 30))
        #expect(programme.workstreams.count == 5)
        #expect(programme.milestones.map(\.id) == (1...14).map { "M\($0)" })
        #expect(programme.milestones.first?.due == Day(year: 2017, month: 12, day: 31))
        #expect(programme.milestones.last?.due == Day(year: 2018, month: 6, day: 30))
        #expect(programme.milestones[7].due == Day(year: 2019, month: 1, day: 31))
        #expect(programme.milestones.allSatisfy { $0.owner == "ACP programme office" })
        #expect(programme.gateways.map(\.id) == ["G1", "G2", "G3"])
    }

    @Test func kentsMoney() throws {
        #expect(kent.finance.agreement == RiskShareAgreement.tieredByBudget)
        // The six care networks of LLR's system design; Children & Maternity takes all spend on under-18s.
        let networks = try #require(kent.finance.careNetworks).networks
        #expect(
            networks.map(\.code) == [
                "urgent-emergency", "planned-cancer", "mental-health", "integrated-teams", "home-first",
                "children-maternity",
            ])
        #expect(
            networks.map(\.name) == [
                "Urgent & Emergency Care", "Planned Care & Cancer", "Mental Health", "Integrated Teams", "Home First",
                "Children & Maternity",
            ])
        #expect(networks[3].settings == ["gp", "community", "prescribing"])
        #expect(networks.map(\.ageBelow) == [nil, nil, nil, nil, nil, 18])
        #expect(kent.finance.partners.count == 10)
        #expect(kent.indicators == IndicatorCatalogue.standard)
        let cells = [
            ("adult_social_care", "886", 1_234_567_891), ("adult_social_care", "887", 98_765_433),
            ("community", "RYY", 500_000_007), ("community", "RVV", 3_333), ("gp", "P1", 77),
            ("prescribing", "RVV", 5),
        ].map { setting, provider, pence in
            SpendSummary.Cell(
                practice: "P1", setting: setting, provider: provider, month: "2026-01", child: false,
                pence: Int64(pence))
        }
        let spend = SpendSummary(months: ["2026-01"], cells: cells)
        // As the Swift example sized them (checked equal before it was removed): each council's social
        // care spend, and a tenth of community spend from each side of the Better Care Fund.
        let pools = kent.pools(spend: spend)
        #expect(pools.map(\.code) == ["kcc-social-care", "medway-social-care", "kent-bcf"])
        #expect(pools[0].total == Money(pence: 1_234_567_891))
        #expect(pools[1].total == Money(pence: 98_765_433))
        #expect(pools[2].contributions.map(\.amountPence) == [50_000_334, 50_000_334])
        #expect(pools[2].contributions.map(\.partner) == ["QKS", "886"])
        #expect(
            cells.map(kent.finance.partner(of:)) == [
                "886", "887", "RYY", "RVV", "general-practice", "general-practice",
            ])
        #expect(kent.finance.pool(ofPartner: "886") == "kcc-social-care")
        #expect(kent.finance.pool(ofPartner: "RVV") == nil)
        #expect(kent.finance.partnerName("QKS") == "QKS")
        #expect(kent.finance.partnerName("RPA") == "Medway NHS Foundation Trust")
    }

    @Test func llrsHierarchyAndOrganisations() throws {
        // System › cluster › locality: 3 clusters of 4, 4 and 3 localities; parties and partners as named.
        let system = try llr.system()
        #expect(system.code == "LLR")
        #expect(system.name == "Leicester, Leicestershire & Rutland")
        #expect(system.levels.map(\.key) == ["system", "cluster", "locality"])
        #expect(system.areas(atLevel: "cluster").map(\.code) == ["cluster-1", "cluster-2", "cluster-3"])
        let localities = system.areas(atLevel: "locality")
        #expect(localities.map(\.code) == (1...11).map { "locality-\($0)" })
        #expect(
            ["cluster-1", "cluster-2", "cluster-3"].map { c in localities.filter { $0.parentCode == c }.count } == [
                4, 4, 3,
            ])
        #expect(
            system.organisations.map(\.code) == [
                "leicester-city-ccg", "west-leicestershire-ccg", "llr-ccg-3", "uhl", "lpt", "llr-local-authorities",
                "emas", "dhu",
            ])
        #expect(system.organisations.filter { $0.membership == .party }.count == 5)
        #expect(system.notes.map(\.kind) == [.placeOverridden])
        #expect(llr.finance.careNetworks == kent.finance.careNetworks)
        #expect(llr.finance.agreement == RiskShareAgreement.tieredByBudget)
        #expect(llr.pools.isEmpty && llr.demo == nil && llr.programme == nil)
    }
}
