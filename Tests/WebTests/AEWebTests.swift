import Assurance
import ConcordatCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Ingest
import Partnership
import Storage
import Testing

@testable import Web

@Suite("A&E on the web: the trusts' published series, England's funnel, hostile months", .serialized)
struct AEWebTests {
    static func app(withValues: Bool = true) async throws -> some ApplicationProtocol {
        let store = try SQLiteStore()
        let kent = try kentMedway.get()
        try await store.replaceSystem(kent)
        if withValues {
            let file = try AEAttendances.bundled()
            try await store.saveIndicatorValues(
                AEStatistics.indicatorValues(
                    file, trusts: AEStatistics.trusts(kent.organisations, in: file), systemCode: kent.root.code))
        }
        return Application(router: try buildRouter(store: store))
    }

    @Test func thePageChartsEachTrustAndTheTotalAgainst95AndSaysWhatIsReal() async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/assurance/ae", method: .get) { response in
                #expect(response.status == .ok)
                let text = response.text
                #expect(
                    text.contains("These series are NHS England&#39;s published A&amp;E statistics")
                        || text.contains("These series are NHS England's published A&amp;E statistics"))
                #expect(text.contains("Open Government Licence v3.0"))
                #expect(text.contains("Apr 16 to Mar 19"))
                #expect(text.contains("These others remain synthetic"))
                #expect(text.contains("Cancer: treated within 62 days"))
                for name in [
                    "East Kent Hospitals University Foundation Trust (RVV)",
                    "Maidstone and Tunbridge Wells NHS Trust (RWF)",
                    "Medway NHS Foundation Trust (RPA)", "Dartford and Gravesham NHS Trust (RN7)",
                ] {
                    #expect(text.contains(name))
                }
                #expect(text.contains("The trusts together (NHS Kent and Medway Integrated Care Board)"))
                // Five subjects × two indicators, each an SPC chart with the 95% standard.
                #expect(text.components(separatedBy: "class=\"chart spc\"").count - 1 == 10)
                #expect(text.contains("95.0% — constitutional standard"))
                #expect(text.contains("Variation: ") && text.contains("Assurance: will consistently fail the target"))
                // The funnel: every provider, the trusts highlighted, the model named with its reason.
                #expect(text.contains("class=\"chart funnel\""))
                #expect(text.components(separatedBy: "class=\"highlight\"").count - 1 == 4)
                #expect(text.contains("additive random-effects overdispersion (Spiegelhalter 2005"))
                #expect(text.contains("limits from chance alone are very narrow"))
                #expect(
                    text.contains("England&#39;s providers, Mar 19") || text.contains("England's providers, Mar 19"))
            }
            try await client.execute(uri: "/assurance/ae?month=2016-04&type=1", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Apr 16"))
                #expect(response.text.contains("type 1 (major emergency departments)"))
                #expect(response.text.contains("<option value=\"2016-04\" selected>"))
            }
            try await client.execute(uri: "/assurance", method: .get) { response in
                #expect(response.text.contains("href=\"/assurance/ae\""))
            }
        }
    }

    @Test func withoutValuesThePageSaysHowToLoadThem() async throws {
        try await Self.app(withValues: false).test(.router) { client in
            try await client.execute(uri: "/assurance/ae", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("No A&amp;E values for the trusts yet"))
                #expect(response.text.contains("class=\"chart funnel\""))
            }
        }
    }

    @Test(arguments: [
        "month=2019-3", "month=2019-13", "month=", "month=March", "month=2019-03-01", "month=%00", "month=%27%3B--",
        "month=\(String(repeating: "9", count: 5000))", "type=2", "type=", "type=ALL", "month=2019-03&type=x",
    ])
    func aMalformedQueryIsA400ProblemNotA500(query: String) async throws {
        try await Self.app().test(.router) { client in
            for path in ["/assurance/ae", "/api/v1/ae/funnel"] {
                try await client.execute(uri: "\(path)?\(query)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(path)?\(query)")
                }
            }
        }
    }

    @Test(arguments: ["2016-03", "2019-04", "1900-01", "2199-12"])
    func aMonthWithNoDataIsA404SayingSo(month: String) async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/ae/funnel?month=\(month)", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.contains("problem+json") == true)
                #expect(response.text.contains("no A&E data for \(month)"))
            }
            try await client.execute(uri: "/assurance/ae?month=\(month)", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("2016-04 to 2019-03"))
            }
        }
    }

    @Test func theAPIGivesTheFunnelAndEachTrustsSPC() async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/ae/funnel?month=2019-03&type=all", method: .get) { response in
                #expect(response.status == .ok)
                let document = try response.json(AEFunnelDocument.self)
                #expect(document.month == "2019-03" && document.type == "all")
                #expect(document.providers.count > 200)
                let rvv = try #require(document.providers.first { $0.odsCode == "RVV" })
                #expect(rvv.organisation == "ekhuft" && rvv.attendances == 19367 && rvv.breaches == 4216)
                #expect(document.model.contains("additive"))
                #expect(document.providers.filter { $0.organisation != nil }.count == 4)
            }
            try await client.execute(uri: "/api/v1/indicators/ae-4-hour/organisations/mtw/spc", method: .get) {
                response in
                #expect(response.status == .ok)
                let document = try response.json(XmRChart.Document.self)
                #expect(document.points.count == 36)
                #expect(document.provisional == false)
            }
            try await client.execute(
                uri: "/api/v1/indicators/ae-4-hour/organisations/someone-else/spc", method: .get
            ) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/indicators/no-such/organisations/mtw/spc", method: .get) {
                response in
                #expect(response.status == .notFound)
            }
            // The system's own page shows the trusts' total as the system's A&E value.
            try await client.execute(uri: "/api/v1/indicators/ae-4-hour/areas/QKS/spc", method: .get) { response in
                #expect(response.status == .ok)
                let document = try response.json(XmRChart.Document.self)
                #expect(document.points.count == 36)
            }
        }
    }
}
