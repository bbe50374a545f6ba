import Assurance
import ConcordatCore
import ConcordatTestSupport
import Foundation
import Partnership
import Storage
import SystemPack
import Testing

@Suite("Assurance returns: submitting and reviewing")
struct ReturnDeskTests {
    static let indicator = IndicatorCatalogue.standard[0]

    static func draft(
        place: String? = "east-kent", month: String? = "2026-07", value: Double? = 50, narrative: String? = "on plan"
    ) -> ReturnDraft {
        ReturnDraft(
            place: place, month: month, values: [.init(indicator: indicator.code, value: value)], narrative: narrative,
            actions: nil)
    }

    @Test("an organisation accountable for the place submits; it is stored as theirs with its escalations")
    func accountableSubmits() async throws {
        let (store, kent) = try await PoolPaymentTests.store()
        let actor = PoolPaymentTests.actor("ekhuft-analyst", .analyst, for: "ekhuft")
        let receipt = try await ReturnDesk(store: store).submit(Self.draft(), in: kent, by: actor)
        let id = try #require(receipt.assuranceReturn.id)
        #expect(receipt.assuranceReturn.submittedBy == "ekhuft-analyst")
        #expect(receipt.assuranceReturn.values.map(\.value) == [50])
        #expect(receipt.escalations.allSatisfy { $0.returnID == id })
        #expect(try await store.assuranceReturns().map(\.id) == [id])
    }

    @Test(
        "an organisation not accountable for the place, or a viewer, is refused and nothing is stored",
        arguments: [("lmc", Role.analyst, "kent-lmc" as String?), ("nobody", .analyst, nil), ("v", .viewer, "ekhuft")])
    func refusedSubmitters(username: String, role: Role, organisation: String?) async throws {
        let (store, kent) = try await PoolPaymentTests.store()
        let actor = PoolPaymentTests.actor(username, role, for: organisation)
        await #expect(throws: ActionRefused.self) {
            try await ReturnDesk(store: store).submit(Self.draft(), in: kent, by: actor)
        }
        #expect(try await store.assuranceReturns().isEmpty)
    }

    @Test("a malformed return names every field refused, and nothing is stored")
    func malformed() async throws {
        let (store, kent) = try await PoolPaymentTests.store()
        let desk = ReturnDesk(store: store)
        let secretary = SecretariatTests.secretary
        for (draft, fields) in [
            (
                Self.draft(place: "no-such-place", month: "2026-13", value: .nan, narrative: " "),
                ["place", "month", "values[0].value", "narrative"]
            ),
            (
                Self.draft(place: nil, month: nil, value: nil, narrative: nil),
                ["place", "month", "values[0].value", "narrative"]
            ),
            (Self.draft(value: .infinity), ["values[0].value"]),
            (Self.draft(month: "２０２６-07"), ["month"]),
            (ReturnDraft(place: "east-kent", month: "2026-07", values: [], narrative: "x", actions: nil), ["values"]),
            (
                ReturnDraft(
                    place: "east-kent", month: "2026-07", values: [.init(indicator: "not-one", value: 1)],
                    narrative: "x", actions: nil), ["values[0].indicator"]
            ),
        ] {
            let refusal = await #expect(throws: FieldsRefused.self) {
                try await desk.submit(draft, in: kent, by: secretary)
            }
            #expect(refusal?.fields.map(\.field) == fields)
        }
        if Self.indicator.unit == .percent {
            let refusal = await #expect(throws: FieldsRefused.self) {
                try await desk.submit(Self.draft(value: -1), in: kent, by: secretary)
            }
            #expect(refusal?.fields.map(\.field) == ["values[0].value"])
        }
        #expect(try await store.assuranceReturns().isEmpty)
    }

    @Test("a return is checked against the system's own catalogue: LLR's pack indicator in, Kent & Medway's out")
    func systemsOwnCatalogue() async throws {
        var pack = try BundledPacks.llr.get()
        pack.indicators.append(
            Indicator(
                code: "virtual-ward-occupancy", name: "Virtual wards: beds occupied", numerator: "beds occupied",
                denominator: "beds", unit: .percent, improvement: .increase, source: "LLR virtual ward returns"))
        let system = try pack.system()
        let store = try SQLiteStore()
        try await SystemPackStorage.replaceSystem(system, pack: pack, in: store)
        #expect(
            try await SystemPackStorage.indicators(in: store, for: system).source == .pack(name: pack.manifest.name))
        let desk = ReturnDesk(store: store)
        let place = try #require(system.children(of: system.root.code).first).code
        func draft(_ code: String, _ value: Double) -> ReturnDraft {
            ReturnDraft(
                place: place, month: "2026-07", values: [.init(indicator: code, value: value)], narrative: "x",
                actions: nil)
        }
        let kentOnly = await #expect(throws: FieldsRefused.self) {
            try await desk.submit(draft("ae-4-hour-type-1", 70), in: system, by: SecretariatTests.secretary)
        }
        #expect(kentOnly?.fields.map(\.field) == ["values[0].indicator"])
        #expect(kentOnly?.fields.first?.reason.contains("Leicester, Leicestershire & Rutland's indicators") == true)
        let overHundred = await #expect(throws: FieldsRefused.self) {
            try await desk.submit(draft("virtual-ward-occupancy", 101), in: system, by: SecretariatTests.secretary)
        }
        #expect(overHundred?.fields.map(\.field) == ["values[0].value"])
        let receipt = try await desk.submit(
            draft("virtual-ward-occupancy", 81), in: system, by: SecretariatTests.secretary)
        #expect(receipt.assuranceReturn.values.map(\.indicator) == ["virtual-ward-occupancy"])
    }

    @Test("with no pack kept, the standard catalogue is used and said to be")
    func standardCatalogue() {
        let watched = WatchedIndicators(pack: nil)
        #expect(watched.source == .standard && watched.indicators == IndicatorCatalogue.standard)
        #expect(watched.provenance.contains("No system pack is kept"))
        #expect(watched.indicator("ae-4-hour-type-1") != nil && watched.indicator("nope") == nil)
    }

    @Test("a text over its limit is refused by the store, and nothing is stored")
    func hugeNarrative() async throws {
        let (store, kent) = try await PoolPaymentTests.store()
        await #expect(throws: FieldRefusal.self) {
            try await ReturnDesk(store: store).submit(
                Self.draft(narrative: String(repeating: "é", count: 10_000_000)), in: kent,
                by: SecretariatTests.secretary)
        }
        #expect(try await store.assuranceReturns().isEmpty)
    }

    @Test("the secretariat reviews; other roles, 'submitted', and asking for more without a note are refused")
    func review() async throws {
        let (store, kent) = try await PoolPaymentTests.store()
        let desk = ReturnDesk(store: store)
        let receipt = try await desk.submit(Self.draft(), in: kent, by: SecretariatTests.secretary)
        let id = try #require(receipt.assuranceReturn.id)
        for role in [Role.analyst, .finance, .partnerRepresentative, .viewer] {
            await #expect(throws: ActionRefused.self) {
                try await desk.review(
                    id, as: .accepted, note: nil, by: PoolPaymentTests.actor("x", role, for: "ekhuft"))
            }
        }
        let submitted = await #expect(throws: FieldsRefused.self) {
            try await desk.review(id, as: .submitted, note: nil, by: SecretariatTests.secretary)
        }
        #expect(submitted?.fields.map(\.field) == ["status"])
        let noNote = await #expect(throws: FieldsRefused.self) {
            try await desk.review(id, as: .moreInformationRequested, note: "  ", by: SecretariatTests.secretary)
        }
        #expect(noNote?.fields.map(\.field) == ["note"])
        #expect(try await store.assuranceReturns().first?.status == .submitted)
        await #expect(throws: StoreError.self) {
            try await desk.review(id + 99, as: .accepted, note: nil, by: SecretariatTests.secretary)
        }
        let reviewed = try await desk.review(
            id, as: .moreInformationRequested, note: "explain July", by: SecretariatTests.secretary)
        #expect(reviewed.status == .moreInformationRequested && reviewed.reviewedBy == "secretary")
        #expect(reviewed.reviewNote == "explain July")
    }
}
