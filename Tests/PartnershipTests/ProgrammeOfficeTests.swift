import ConcordatCore
import ConcordatTestSupport
import Foundation
import Governance
import Partnership
import Storage
import SystemPack
import Testing

@Suite("The work programme: milestones and gateways")
struct ProgrammeOfficeTests {
    static let day = Day(year: 2026, month: 7, day: 1)!

    /// The Kent & Medway store with its memorandum and its programme, M1 owned by KCC.
    static func store() async throws -> (SQLiteStore, HealthSystem, [String]) {
        let (store, kent, parties) = try await SecretariatTests.store()
        var programme = try #require(try PackLoader.bundled("kent-medway").programme)
        programme.milestones[0].ownerOrganisation = "kcc"
        let seeded = programme
        _ = try await store.updateWorkProgramme { _ in (seeded, nil) }
        return (store, kent, parties)
    }

    @Test("no programme kept is refused as such")
    func noProgramme() async throws {
        let (store, _) = try await PoolPaymentTests.store()
        let office = ProgrammeOffice(store: store)
        await #expect(throws: ProgrammeOffice.Refusal.noProgramme) { try await office.programme() }
        await #expect(throws: ProgrammeOffice.Refusal.noProgramme) {
            try await office.update(milestone: "M1", to: .done, by: SecretariatTests.secretary, on: Self.day)
        }
    }

    @Test("a milestone's owner updates it, another organisation may not; each update is in the register")
    func milestones() async throws {
        let (store, _, _) = try await Self.store()
        let office = ProgrammeOffice(store: store)
        let milestone = try await store.workProgramme()!.milestones[0]
        let ekhuft = PoolPaymentTests.actor("ekhuft-analyst", .analyst, for: "ekhuft")
        await #expect(throws: ActionRefused.self) {
            try await office.update(milestone: milestone.id, to: .done, by: ekhuft, on: Self.day)
        }
        // An organisation may not update a milestone the secretariat owns.
        let second = try await store.workProgramme()!.milestones[1]
        await #expect(throws: ActionRefused.self) {
            try await office.update(
                milestone: second.id, to: .done, by: PoolPaymentTests.actor("k", .analyst, for: "kcc"), on: Self.day)
        }
        await #expect(throws: StoreError.self) {
            try await office.update(milestone: "M-404", to: .done, by: SecretariatTests.secretary, on: Self.day)
        }
        let before = try await store.registerEntries().count
        let updated = try await office.update(
            milestone: milestone.id, to: .inProgress, by: PoolPaymentTests.actor("kcc-pm", .analyst, for: "kcc"),
            on: Self.day)
        #expect(updated.milestones[0].status == .inProgress)
        let entries = try await store.registerEntries()
        #expect(entries.count == before + 1)
        #expect(
            entries.last?.kind == .milestone && entries.last?.detail == "not-started → in-progress by kcc-pm for kcc")
    }

    @Test("a gateway is passed only by the secretariat, with a ratified gateway decision that exists")
    func gateways() async throws {
        let (store, kent, _) = try await Self.store()
        let office = ProgrammeOffice(store: store)
        let gateway = try await store.workProgramme()!.gateways[0].id
        await #expect(throws: ActionRefused.self) {
            try await office.pass(
                gateway: gateway, byDecision: "EK-G", by: PoolPaymentTests.actor("kcc-a", .analyst, for: "kcc"),
                on: Self.day)
        }
        await #expect(throws: ProgrammeOffice.Refusal.noDecision("EK-G")) {
            try await office.pass(gateway: gateway, byDecision: "EK-G", by: SecretariatTests.secretary, on: Self.day)
        }
        var proposal = SecretariatTests.proposal
        proposal.id = "EK-G"
        proposal.type = .gateway
        _ = try await Secretariat(store: store).table(
            proposal, plannedSpends: [], in: kent, by: SecretariatTests.secretary)
        let unratified = await #expect(throws: WorkProgramme.Refusal.self) {
            try await office.pass(gateway: gateway, byDecision: "EK-G", by: SecretariatTests.secretary, on: Self.day)
        }
        #expect(unratified?.description.contains("only by a ratified decision") == true)
        await #expect(throws: WorkProgramme.Refusal.self) {
            try await office.pass(gateway: "G-404", byDecision: "EK-G", by: SecretariatTests.secretary, on: Self.day)
        }
        #expect(try await store.workProgramme()!.gateways[0].passedBy == nil)
    }

    @Test("with no memorandum adopted no gateway can be passed")
    func noMemorandum() async throws {
        let (store, _) = try await PoolPaymentTests.store()
        let office = ProgrammeOffice(store: store)
        await #expect(throws: Secretariat.Refusal.noMemorandum) {
            try await office.pass(gateway: "G1", byDecision: "EK-1", by: SecretariatTests.secretary, on: Self.day)
        }
    }
}
