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
        let memorandum = try #require(kent.memorandum)
        #expect(try memorandum.memorandum() == EastKentGovernance.memorandum(organisations: kent.organisations))
        #expect(memorandum.routes == EastKentGovernance.routes(organisations: kent.organisations))
        #expect(kent.programme == WorkProgramme.eastKentACP)
    }

    @Test func kentsMoneyIsTheExamples() throws {
        #expect(kent.finance.agreement == KentMedwayFinance.agreement)
        #expect(kent.finance.careNetworks == CareNetworkModel.leicesterLeicestershireRutland)
        #expect(kent.finance.partners.map(\.code) == KentMedwayFinance.partners.map(\.code))
        #expect(kent.finance.partners.map(\.name) == KentMedwayFinance.partners.map(\.name))
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
        #expect(kent.pools(spend: spend) == KentMedwayFinance.pools(spend: spend))
        for cell in cells {
            #expect(kent.finance.partner(of: cell) == KentMedwayFinance.partner(of: cell))
        }
        for partner in ["886", "887", "RVV", "QKS"] {
            #expect(kent.finance.pool(ofPartner: partner) == KentMedwayFinance.pool(ofPartner: partner))
            #expect(kent.finance.partnerName(partner) == KentMedwayFinance.partnerName(partner))
        }
    }

    @Test func llrIsTheExample() throws {
        #expect(try llr.system() == LeicesterLeicestershireRutland.system())
        #expect(llr.finance.careNetworks == CareNetworkModel.leicesterLeicestershireRutland)
        #expect(llr.finance.agreement == KentMedwayFinance.agreement)
        #expect(llr.pools.isEmpty && llr.demo == nil && llr.programme == nil)
    }
}
