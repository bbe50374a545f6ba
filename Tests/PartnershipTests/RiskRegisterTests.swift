import ConcordatCore
import Foundation
import Governance
import Partnership
import Storage
import Testing

@Suite("The risk register: adding and reviewing risks")
struct RiskRegisterTests {
    static let day = Day(year: 2026, month: 7, day: 1)!

    static func draft(
        id: String = "R-1", owner: String? = nil, area: String = "east-kent", likelihood: Int = 3,
        title: String = "Nurse vacancies"
    ) -> RiskDraft {
        RiskDraft(
            id: id, title: title, owner: "Chief nurse", ownerOrganisation: owner, area: area, controls: "",
            actions: "", inherent: .init(likelihood: 4, consequence: 4),
            current: .init(likelihood: likelihood, consequence: 4), target: .init(likelihood: 2, consequence: 2))
    }

    @Test("an organisation adds its own risk and reviews it; each is in the register, attributed")
    func addAndReview() async throws {
        let (store, kent) = try await PoolPaymentTests.store()
        let register = RiskRegister(store: store)
        let kcc = PoolPaymentTests.actor("kcc-analyst", .analyst, for: "kcc")
        let added = try await register.add(Self.draft(), in: kent, by: kcc, on: Self.day)
        #expect(added.ownerOrganisation == "kcc" && added.current.score == 12)
        let reviewed = try await register.review(
            "R-1", current: .init(likelihood: 5, consequence: 5), by: kcc, on: Self.day.adding(days: 7))
        #expect(reviewed.current.score == 25 && reviewed.history.count == 2)
        let entries = try await store.registerEntries()
        #expect(entries.map(\.kind) == [.risk, .riskReview])
        #expect(entries[0].detail == "added at 12 by kcc-analyst for kcc")
        #expect(entries[1].detail == "re-scored from 12 to 25 by kcc-analyst for kcc")
    }

    @Test("another organisation's risk, or a viewer, is refused; nothing is recorded")
    func wrongOrganisation() async throws {
        let (store, kent) = try await PoolPaymentTests.store()
        let register = RiskRegister(store: store)
        let ekhuft = PoolPaymentTests.actor("ekhuft-analyst", .analyst, for: "ekhuft")
        await #expect(throws: ActionRefused.self) {
            try await register.add(Self.draft(owner: "kcc"), in: kent, by: ekhuft, on: Self.day)
        }
        await #expect(throws: ActionRefused.self) {
            try await register.add(
                Self.draft(), in: kent, by: PoolPaymentTests.actor("v", .viewer, for: "kcc"), on: Self.day)
        }
        _ = try await register.add(
            Self.draft(), in: kent, by: PoolPaymentTests.actor("kcc-analyst", .analyst, for: "kcc"), on: Self.day)
        await #expect(throws: ActionRefused.self) {
            try await register.review("R-1", current: .init(likelihood: 1, consequence: 1), by: ekhuft, on: Self.day)
        }
        #expect(try await store.risks().first?.current.score == 12)
        #expect(try await store.registerEntries().map(\.kind) == [.risk])
    }

    @Test("malformed risks name the field refused; a risk added twice conflicts; nothing extra is recorded")
    func malformed() async throws {
        let (store, kent) = try await PoolPaymentTests.store()
        let register = RiskRegister(store: store)
        let secretary = SecretariatTests.secretary
        for (draft, field) in [
            (Self.draft(owner: "not-an-organisation"), "ownerOrganisation"),
            (Self.draft(area: "nowhere"), "area"),
            (Self.draft(id: ""), "id"),
            (Self.draft(title: "   "), "id"),
            (Self.draft(likelihood: 6), "current"),
            (Self.draft(likelihood: -1), "current"),
            (Self.draft(likelihood: .max), "current"),
        ] {
            let refusal = await #expect(throws: FieldsRefused.self) {
                try await register.add(draft, in: kent, by: secretary, on: Self.day)
            }
            #expect(refusal?.fields.map(\.field) == [field])
        }
        _ = try await register.add(Self.draft(), in: kent, by: secretary, on: Self.day)
        await #expect(throws: StoreError.self) {
            try await register.add(Self.draft(), in: kent, by: secretary, on: Self.day)
        }
        let zero = await #expect(throws: FieldsRefused.self) {
            try await register.review("R-1", current: .init(likelihood: 0, consequence: 3), by: secretary, on: Self.day)
        }
        #expect(zero?.fields.map(\.field) == ["current"])
        await #expect(throws: StoreError.self) {
            try await register.review(
                "R-404", current: .init(likelihood: 1, consequence: 1), by: secretary, on: Self.day)
        }
        #expect(try await store.risks().count == 1)
        #expect(try await store.registerEntries().count == 1)
    }
}
