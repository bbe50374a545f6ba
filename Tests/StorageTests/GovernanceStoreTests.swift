import ConcordatCore
import ConcordatTestSupport
import Foundation
import Governance
import Storage
import Testing

@Suite("Store contract: memorandum, decisions, risks and the work programme")
struct GovernanceStoreTests {
    static let day = Day(year: 2018, month: 1, day: 1)!

    static func memorandum(version: Int = 1) throws -> MemorandumOfUnderstanding {
        var memorandum = try MemorandumOfUnderstanding(
            seats: ["a", "b", "c"].map { .init(organisation: $0, kind: .party, joined: day) },
            rule: .simpleMajority(quorum: 2), joiningWindow: day...day)
        memorandum.version = version
        return memorandum
    }

    @Test(
        "memoranda adopt in version order; decisions and their register entries commit together",
        arguments: StoreContractTests.Adapter.allCases)
    func decisions(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            #expect(try await store.memorandum() == nil)
            #expect(try await store.registerHead() == nil)
            let first = try Self.memorandum()
            try await store.adoptMemorandum(first, routes: RatificationRoutes(routes: [:]), detail: "adopted")
            await #expect {
                try await store.adoptMemorandum(first, routes: .init(routes: [:]), detail: "again")
            } throws: {
                ($0 as? StoreError)?.code == .conflict
            }
            let second = try Self.memorandum(version: 2)
            try await store.adoptMemorandum(second, routes: .init(routes: [:]), detail: "reopened")
            #expect(try await store.memorandum()?.memorandum == second)

            let proposal = Proposal(id: "P1", title: "Pool social care", type: .engagement, tabled: Self.day)
            _ = try await store.updateDecision("P1") { existing in
                #expect(existing == nil)
                return (DecisionRecord(proposal: proposal), .proposal, "tabled")
            }
            await #expect(throws: VoteCount.Refusal.self) {
                _ = try await store.updateDecision("P1") { existing in
                    let voted = try existing!.voted(
                        [Vote(organisation: "z", choice: .yes)], present: [], overrides: [], memorandum: second)
                    return (voted, .vote, "never")
                }
            }
            let voted = try await store.updateDecision("P1") { existing in
                let record = try existing!.voted(
                    [Vote(organisation: "a", choice: .yes)], present: ["a", "b"], overrides: [], memorandum: second)
                return (record, .vote, "a voted yes")
            }
            #expect(try await store.decisions() == [voted])
            let entries = try await store.registerEntries()
            #expect(entries.map(\.kind.rawValue) == ["memorandum", "memorandum", "proposal", "vote"])
            #expect(entries.map(\.sequence) == [1, 2, 3, 4])
            #expect(try await store.registerHead() == entries.last)
            #expect(try await store.registerEntries(after: 2) == Array(entries.dropFirst(2)))
            #expect(try await store.registerEntries(after: 4).isEmpty)
            #expect(try await store.decision("P1") == voted)
            #expect(try await store.decision("P9") == nil)
            #expect(DecisionRegister(entries: entries).firstBrokenEntry == nil)
        }
    }

    @Test("concurrent decisions never fork the register's chain", arguments: StoreContractTests.Adapter.allCases)
    func concurrentRegister(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        let proposal = Proposal(id: "P\(index)", title: "T", type: .engagement, tabled: Self.day)
                        _ = try await store.updateDecision("P\(index)") { _ in
                            (DecisionRecord(proposal: proposal), .proposal, "tabled \(index)")
                        }
                    }
                }
                try await group.waitForAll()
            }
            let entries = try await store.registerEntries()
            #expect(entries.map(\.sequence) == Array(1...20))
            #expect(DecisionRegister(entries: entries).firstBrokenEntry == nil)
            #expect(try await store.decisions().count == 20)
        }
    }

    @Test("risks and the work programme are read back as written", arguments: StoreContractTests.Adapter.allCases)
    func risksAndProgramme(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            #expect(try await store.risks().isEmpty)
            #expect(try await store.workProgramme() == nil)
            let risk = Risk(
                id: "R2", title: "Winter demand", owner: "COO", area: "east-kent", controls: "surge plan",
                actions: "more beds", inherent: try RiskScore(likelihood: 4, consequence: 4),
                current: try RiskScore(likelihood: 3, consequence: 4),
                target: try RiskScore(likelihood: 2, consequence: 3),
                on: Self.day)
            _ = try await store.updateRisk("R2") { existing in
                #expect(existing == nil)
                return risk
            }
            let reviewed = try await store.updateRisk("R2") { existing in
                existing!.reviewed(
                    on: Day(year: 2018, month: 2, day: 1)!, current: try RiskScore(likelihood: 2, consequence: 4))
            }
            #expect(try await store.risks() == [reviewed])
            #expect(reviewed.history.count == 2)

            let programme = try #require(BundledPacks.kent.get().programme)
            _ = try await store.updateWorkProgramme { _ in (programme, (.programme, "East Kent", "adopted")) }
            #expect(try await store.workProgramme() == programme)
            _ = try await store.updateWorkProgramme { existing in (existing!, nil) }
            #expect(try await store.registerEntries().map(\.kind.rawValue) == ["programme"])
        }
    }
}
