import ConcordatCore
import Foundation
import Governance
import Ingest
import Storage
import SystemPack
import Testing

@testable import Web

@Suite("The decision book")
struct DecisionBookTests {
    @Test("brought up to date entry by entry, it always equals a fresh read of the store")
    func incremental() async throws {
        let store = try SQLiteStore()
        let kent = try kentMedway.get()
        try await store.replaceSystem(kent)
        var memorandum = try kentPack.memorandum!.memorandum()
        let routes = kentPack.memorandum!.routes
        try await store.adoptMemorandum(memorandum, routes: routes, detail: "adopted")
        let book = DecisionBook(store: store)
        func matchesFreshRead() async throws {
            let kept = try await book.contents()
            let fresh = try await DecisionBook(store: store).contents()
            #expect(kept.head == fresh.head)
            #expect(kept.views.map(\.record) == fresh.views.map(\.record))
            #expect(kept.views.map(\.status) == fresh.views.map(\.status))
            #expect(kept.views.map(\.blockingRedLines) == fresh.views.map(\.blockingRedLines))
        }
        try await matchesFreshRead()
        let parties = memorandum.seats.filter { $0.kind == .party }.map(\.organisation)
        for index in 1...3 {
            let proposal = Proposal(
                id: "P\(index)", title: "Proposal \(index)", type: .engagement,
                tabled: Day(year: 2018, month: 6, day: 14)!, hasGreenBookBusinessCase: index != 2,
                hasExitArrangements: true)
            _ = try await store.updateDecision(proposal.id) { _ in (DecisionRecord(proposal: proposal), .proposal, "")
            }
        }
        try await matchesFreshRead()
        let adopted = memorandum
        let decided = try await store.updateDecision("P1") { existing in
            let voted = try existing!.voted(
                parties.map { Vote(organisation: $0, choice: .yes) }, present: parties, overrides: [],
                memorandum: adopted)
            return (voted, .vote, "all yes")
        }
        #expect(try await book.contents().views.first { $0.record.id == "P1" }?.record == decided)
        try await matchesFreshRead()
        // A new memorandum version changes every decision's judgement: read afresh.
        memorandum.version += 1
        try await store.adoptMemorandum(memorandum, routes: routes, detail: "version 2")
        let kentProgramme = try #require(kentPack.programme)
        _ = try await store.updateWorkProgramme { _ in (kentProgramme, (.programme, "M1", "adopted")) }
        try await matchesFreshRead()
        #expect(try await book.contents().views.map(\.record.id) == ["P1", "P2", "P3"])
    }
}
