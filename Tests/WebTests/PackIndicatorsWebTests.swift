import Assurance
import ConcordatCore
import ConcordatTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Ingest
import Partnership
import Storage
import SystemPack
import Testing

@testable import Web

/// The assurance pages and API read the indicators from the pack kept with the system, and say so; with
/// no pack they use the standard catalogue, and say that instead.
@Suite("Assurance reads the pack's indicators")
struct PackIndicatorsWebTests {
    /// LLR's pack with an indicator of its own, and twelve months of it for the system.
    static func llrApp() async throws -> some ApplicationProtocol {
        var pack = try BundledPacks.llr.get()
        pack.indicators.append(
            Indicator(
                code: "virtual-ward-occupancy", name: "Virtual wards: beds occupied", numerator: "beds occupied",
                denominator: "beds", unit: .percent, improvement: .increase, source: "LLR virtual ward returns",
                targets: [.init(from: "2024-04", value: 80, label: "LLR virtual ward ambition")]))
        let store = try SQLiteStore()
        try await SystemPackStorage.replaceSystem(try pack.system(), pack: pack, in: store)
        try await store.saveIndicatorValues(
            (1...12).map {
                IndicatorValue(
                    indicator: "virtual-ward-occupancy", area: "LLR", month: "2025-\(String(format: "%02d", $0))",
                    value: Double(70 + $0 % 3))
            })
        return Application(router: try buildRouter(store: store))
    }

    @Test("LLR's own indicator is listed, charted and on the dashboard; Kent & Medway's type 1 A&E is not")
    func llr() async throws {
        let app = try await Self.llrApp()
        let expected = try BundledPacks.llr.get().indicators.map(\.code) + ["virtual-ward-occupancy"]
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/indicators", method: .get) { response in
                struct Items: Decodable { var items: [Indicator] }
                let items = try response.json(Items.self).items
                #expect(items.map(\.code) == expected)
            }
            try await client.execute(uri: "/assurance", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Virtual wards: beds occupied"))
                #expect(response.text.contains("from its system pack (indicators.json)"))
                #expect(!response.text.contains("No system pack is kept"))
            }
            try await client.execute(uri: "/assurance/LLR", method: .get) { response in
                #expect(response.text.contains("80.0% — LLR virtual ward ambition"))
            }
            try await client.execute(uri: "/api/v1/indicators/ae-4-hour-type-1/areas/LLR/spc", method: .get) {
                response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/indicators/virtual-ward-occupancy/areas/LLR/spc", method: .get) {
                response in
                #expect(response.status == .ok)
                let document = try response.json(XmRChart.Document.self)
                #expect(document.points.count == 12)
            }
        }
    }

    @Test("a system kept without a pack shows the standard catalogue and says it is not the system's own")
    func noPack() async throws {
        let system = try PublishedICB(file: EnglandAllocationFile.bundled(), icb: "QUY").system
        let app = try await makeApp(system)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/indicators", method: .get) { response in
                struct Items: Decodable { var items: [Indicator] }
                let items = try response.json(Items.self).items
                #expect(items == IndicatorCatalogue.standard)
            }
            try await client.execute(uri: "/assurance", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("No system pack is kept with this system"))
                #expect(response.text.contains("class=\"notice\" id=\"catalogue\""))
            }
        }
    }
}
