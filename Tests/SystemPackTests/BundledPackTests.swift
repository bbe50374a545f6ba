import Assurance
import ConcordatCore
import Finance
import Governance
import Ingest
import Testing

@testable import SystemPack

/// The bundled packs say what the Kent & Medway and LLR particulars said in code, value for value.
@Suite struct BundledPackTests {
    let kent: SystemPack
    let llr: SystemPack

    init() throws {
        kent = try PackLoader.bundled("kent-medway")
        llr = try PackLoader.bundled("llr")
    }

    @Test func kentsOrganisationsPlacesAndMemorandumAreTheExamples() throws {
        #expect(kent.organisations == EastKentPartnership.organisations)
        #expect(kent.placeRules == PlaceRules.kentAndMedway)
        let memorandum = try #require(kent.memorandum).memorandum()
        #expect(memorandum.rule == .twoThirds(quorum: 8))
        #expect(memorandum.seats.filter { $0.kind == .party }.count == 14)
        #expect(memorandum.redLines.map(\.condition).contains(.ringFencedPools(["kcc-social-care"])))
        let routes = try #require(kent.memorandum).routes
        #expect(routes.body(for: "kcc", type: .transferOfDecisionMaking) == "Full Council (reserved decision)")
        #expect(routes.body(for: "ekhuft", type: .transferOfDecisionMaking) == "Board")
        #expect(kent.programme == WorkProgramme.eastKentACP)
    }

    @Test func kentsMoneyIsTheExamples() throws {
        #expect(kent.finance.agreement == RiskShareAgreement.tieredByBudget)
        #expect(kent.finance.careNetworks == CareNetworkModel.leicesterLeicestershireRutland)
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

    @Test func llrIsTheExample() throws {
        #expect(try llr.system() == LeicesterLeicestershireRutland.system())
        #expect(llr.finance.careNetworks == CareNetworkModel.leicesterLeicestershireRutland)
        #expect(llr.finance.agreement == RiskShareAgreement.tieredByBudget)
        #expect(llr.pools.isEmpty && llr.demo == nil && llr.programme == nil)
    }
}
