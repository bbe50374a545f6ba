import Assurance
import ConcordatCore
import Foundation
import Storage
import Testing

@Suite("Store contract: indicator values of organisations, and ODS codes (migration v16)")
struct ProviderIndicatorStoreTests {
    @Test(
        "an organisation's value and an area's with the same code and month are kept apart",
        arguments: StoreContractTests.Adapter.allCases)
    func subjects(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            try await store.saveIndicatorValues([
                IndicatorValue(indicator: "ae-4-hour", area: "QKS", month: "2019-03", value: 83.7),
                IndicatorValue(
                    indicator: "ae-4-hour", subject: .organisation("QKS"), month: "2019-03", value: 50,
                    numerator: 5, denominator: 10),
                IndicatorValue(
                    indicator: "ae-4-hour", subject: .organisation("ekhuft"), month: "2019-03", value: 78.2,
                    numerator: 15151, denominator: 19367),
            ])
            // Saving an organisation's value again replaces only that one.
            try await store.saveIndicatorValues([
                IndicatorValue(
                    indicator: "ae-4-hour", subject: .organisation("QKS"), month: "2019-03", value: 60,
                    numerator: 6, denominator: 10)
            ])
            let values = try await store.indicatorValues()
            #expect(values.count == 3)
            #expect(values.first { $0.subject == .area("QKS") }?.value == 83.7)
            #expect(values.first { $0.subject == .organisation("QKS") }?.value == 60)
            let ekhuft = try #require(values.first { $0.subject == .organisation("ekhuft") })
            #expect(ekhuft.numerator == 15151 && ekhuft.denominator == 19367)
            #expect(values.map(\.subject.kind) == [.area, .organisation, .organisation])
        }
    }

    @Test(
        "an organisation keeps its ODS code, and one without keeps none", arguments: StoreContractTests.Adapter.allCases
    )
    func odsCodes(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            try await store.replaceSystem(try StoreContractTests.kent.get())
            // The pack's trusts arrive with their ODS codes.
            let trust = try await store.organisation(code: "mtw")
            #expect(trust.odsCode == "RWF")
            #expect(try await store.organisations().compactMap(\.odsCode).sorted() == ["RN7", "RPA", "RVV", "RWF"])
            let another = Organisation(
                code: "lnwh", name: "London North West University Healthcare NHS Trust", role: .nhsTrust,
                isSignatory: false, odsCode: "R1K")
            try await store.insertOrganisation(another)
            #expect(try await store.organisation(code: "lnwh") == another)
            var changed = trust
            changed.odsCode = nil
            try await store.updateOrganisation(changed)
            #expect(try await store.organisation(code: "mtw").odsCode == nil)
        }
    }

    @Test func aValueWrittenBeforeSubjectsReadsAsAnAreas() throws {
        let old = #"{"indicator":"ae-4-hour","area":"east-kent","month":"2026-07","value":60}"#
        let value = try JSONDecoder().decode(IndicatorValue.self, from: Data(old.utf8))
        #expect(value.subject == .area("east-kent"))
        let provider = IndicatorValue(
            indicator: "ae-4-hour", subject: .organisation("ekhuft"), month: "2019-03", value: 1)
        let again = try JSONDecoder().decode(IndicatorValue.self, from: try JSONEncoder().encode(provider))
        #expect(again == provider)
        let unknown = #"{"indicator":"x","area":"a","subject":"planet","month":"2026-07","value":1}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(IndicatorValue.self, from: Data(unknown.utf8)) }
    }
}
