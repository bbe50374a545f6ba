import Assurance
import Foundation
import Storage
import Testing

@Suite("Store contract: indicator values, returns and escalations")
struct AssuranceStoreTests {
    @Test(
        "values upsert; a return stores its values and escalations together; reviews update it",
        arguments: StoreContractTests.Adapter.allCases)
    func returns(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            try await store.saveIndicatorValues([
                IndicatorValue(indicator: "ae-4-hour", area: "east-kent", month: "2026-05", value: 75),
                IndicatorValue(indicator: "ae-4-hour", area: "east-kent", month: "2026-06", value: 74),
            ])
            try await store.saveIndicatorValues([
                IndicatorValue(indicator: "ae-4-hour", area: "east-kent", month: "2026-06", value: 73)
            ])
            #expect(try await store.indicatorValues().map(\.value) == [75, 73])
            let submitted = AssuranceReturn(
                place: "east-kent", month: "2026-07",
                values: [IndicatorValue(indicator: "ae-4-hour", area: "east-kent", month: "2026-07", value: 60)],
                narrative: "Winter came early.", actions: "Escalation beds opened.", submittedBy: "pat",
                submittedAt: Date(timeIntervalSince1970: 1_800_000_000))
            let escalation = Escalation(
                indicator: "ae-4-hour", area: "east-kent", month: "2026-07", reason: .specialCauseConcern,
                detail: "fell",
                raisedAt: Date(timeIntervalSince1970: 1_800_000_000))
            let stored = try await store.submitReturn(submitted, escalations: [escalation])
            let id = try #require(stored.id)
            #expect(try await store.indicatorValues().count == 3)
            #expect(try await store.escalations().map(\.returnID) == [id])
            let reviewed = try await store.reviewReturn(id: id, status: .accepted, by: "bea", note: "Thank you.")
            #expect(reviewed.status == .accepted && reviewed.reviewedBy == "bea")
            #expect(try await store.assuranceReturns() == [reviewed])
            await #expect(throws: StoreError.self) {
                try await store.reviewReturn(id: id + 1, status: .accepted, by: "bea", note: nil)
            }
        }
    }
}
