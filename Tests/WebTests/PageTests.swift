import ConcordatCore
import ConcordatTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Ingest
import PopulationHealth
import Testing

@testable import Web

@Suite("The HTML pages")
struct PageTests {
    @Test("the home page shows the system map, reconciliation and PCNs outside the design size")
    func home() async throws {
        let kent = try kentMedway.get()
        let app = try await makeApp(kent)
        let outside = kent.areas(atLevel: "neighbourhood").filter { kent.isOutsideDesignSize($0.code) == true }
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = response.text
                #expect(html.contains("2,039,483 people registered"))
                #expect(html.contains("Reconciled"))
                for place in ["East Kent", "West Kent", "Medway &amp; Swale", "Dartford, Gravesham &amp; Swanley"] {
                    #expect(html.contains(place), "\(place)")
                }
                #expect(html.contains("\(outside.count) of 45 primary care networks fall outside the design size"))
                #expect(html.contains("MARGATE PCN"))
                #expect(html.contains("G82067"))  // the practice in no PCN, in the data-quality notes
            }
        }
    }

    @Test("a PCN page has a breadcrumb, a population pyramid in SVG with a text alternative, and its practices")
    func area() async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/areas/U40722", method: .get) { response in
                let html = response.text
                #expect(html.contains(#"<nav aria-label="Breadcrumb""#))
                #expect(
                    html.contains(#"<a href="/areas/dartford-gravesham-swanley">Dartford, Gravesham &amp; Swanley</a>"#)
                )
                #expect(html.contains("<svg"))
                #expect(
                    html.contains("<title id=\"pyramid-title\">Population pyramid: SWANLEY &amp; RURAL PCN</title>"))
                #expect(html.contains("37,248"))
                #expect(html.contains("SWANLEY MEDICAL PRACTICE"))
                #expect(html.contains("RIVER DARENT"))
                #expect(html.contains("Show the pyramid as a table"))
            }
        }
    }

    @Test("the partnership page lists signatories and advisers")
    func partnership() async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/partnership", method: .get) { response in
                let html = response.text
                #expect(html.contains("19 organisations: 14 signatories"))
                #expect(html.contains("2 advisers without a vote, and 3 other organisations"))
                #expect(html.contains("Kent County Council"))
                #expect(html.contains("No (adviser)"))
            }
        }
    }

    @Test("an unknown area is an HTML 404 page; the stylesheet is served")
    func notFoundAndStyles() async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/areas/NOPE", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("no area has the code &#39;NOPE&#39;") || response.text.contains("NOPE"))
            }
            try await client.execute(uri: "/styles.css", method: .get) { response in
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(response.text.contains("--blue:#005eb8"))
            }
        }
    }
}

@Suite("The population pyramid")
struct PopulationPyramidTests {
    @Test("bars are proportional to counts, males left and females right, with escaped titles")
    func bars() {
        var profile = PopulationProfile()
        profile[.male, AgeBand(index: 0)!] = 100
        profile[.female, AgeBand(index: 0)!] = 50
        profile[.female, AgeBand(index: 19)!] = 25
        let svg = PopulationPyramid(profile: profile, title: "A & B <test>").svg
        #expect(svg.contains("A &amp; B &lt;test&gt;"))
        #expect(svg.contains("<title>0–4: 100 male, 50 female</title>"))
        // The largest bar (100) spans the half-width; 50 spans half of it.
        let half = (640 - 56 - 24) / 2
        #expect(svg.contains(#"width="\#(half)" height="14" class="male""#))
        #expect(svg.contains(#"width="\#(half / 2)" height="14" class="female""#))
        #expect(svg.contains(#"width="\#(half / 4)" height="14" class="female""#))
        #expect(svg.contains("Registered population 175: 75 female, 100 male"))
    }

    @Test("thousands separators")
    func grouping() {
        #expect(2_039_483.grouped == "2,039,483")
        #expect(999.grouped == "999")
        #expect(1000.grouped == "1,000")
        #expect((-45_000).grouped == "-45,000")
    }
}

@Suite("The design-size chart")
struct DesignSizeChartTests {
    @Test("one bar per PCN grouped by place; bars outside 30,000–50,000 are marked outside")
    func bars() throws {
        let kent = try kentMedway.get()
        let svg = try #require(DesignSizeChart(system: kent).svg)
        let pcns = kent.areas(atLevel: "neighbourhood")
        let outside = pcns.filter { !(30_000...50_000).contains(kent.population(of: $0.code).total) }
        #expect(svg.components(separatedBy: "class=\"outside\"").count - 1 == outside.count)
        #expect(svg.components(separatedBy: "class=\"within\"").count - 1 == pcns.count - outside.count)
        #expect(svg.contains("<title>MARGATE PCN: 70,521 (outside the design size)</title>"))
        #expect(svg.contains("<title>ABC PCN: 49,830</title>"))
        #expect(svg.contains("\(outside.count) fall outside the design size of 30,000–50,000"))
        for place in kent.areas(atLevel: "place") { #expect(svg.contains(place.name.escapedForXML)) }
    }

    @Test("a system without a design size or population has no chart")
    func none() throws {
        #expect(DesignSizeChart(system: try BundledPacks.llrSystem.get()).svg == nil)
    }
}

@Suite("The funnel plot")
struct FunnelPlotTests {
    @Test("one dot per unit; units beyond the model's 99.8% limits are drawn larger and named; the model is named")
    func dots() throws {
        // Nine units at 10% and one at 13%: no overdispersion once the outlier is winsorised, so binomial limits.
        let points =
            (1...8).map { FunnelPlot.Point(label: "Typical \($0)", denominator: 10_000, numerator: 1_000) }
            + [
                .init(label: "High", denominator: 10_000, numerator: 1_300),
                .init(label: "Small & noisy", denominator: 100, numerator: 15),
            ]
        let model = try ComparisonFunnel(
            proportions: points.map { .init(numerator: Double($0.numerator), denominator: Double($0.denominator)) })
        #expect(!model.overdispersed)
        let plot = FunnelPlot(
            id: "f", title: "Emergency admissions", measure: "People with an emergency admission", model: model,
            points: points
        ).svg
        #expect(plot.components(separatedBy: "<circle").count - 1 == 10)
        #expect(plot.components(separatedBy: "class=\"outside\"").count - 1 == 1)
        #expect(plot.contains("Beyond the 99.8% limits: High."))
        #expect(plot.contains("binomial without overdispersion"))
        #expect(plot.contains("<title>Small &amp; noisy: 15.0% of 100</title>"))
        #expect(plot.components(separatedBy: "<polyline").count - 1 == 4)
    }
}
