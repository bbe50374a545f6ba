import ConcordatCore
import ConcordatTestSupport
import Foundation
import Governance
import Storage
import Testing

@Suite("Store contract: business cases, their attachment, Section 151 determinations and offices (v18)")
struct BusinessCaseStoreTests {
    static let day = Day(year: 2026, month: 12, day: 2)!

    static func stored(_ id: String, title: String = "Home first") -> StoredBusinessCase {
        StoredBusinessCase(
            businessCase: BusinessCase(
                id: id, title: title, strategic: "Why", commercial: "How bought",
                management: .init(
                    text: "Board",
                    milestones: [
                        .init(id: "\(id)-M1", title: "Teams", workstream: "Frailty", owner: "Director", due: day)
                    ],
                    risks: [
                        .init(
                            id: "\(id)-R1", title: "Staff", owner: "Director", area: "east-kent", likelihood: 2,
                            consequence: 3)
                    ]),
                economic: EconomicAppraisal(
                    discounting: "STPR", discountFactors: [1, 0.9662], businessAsUsual: "BAU",
                    options: [
                        .init(
                            name: "S", additionalPresentCostPence: 10, additionalPresentBenefitPence: 20,
                            presentOptimismBiasPence: 3, netPresentSocialValuePence: 10, benefitCostRatio: 2)
                    ], appraised: "S",
                    optimismBias: .init(projectType: "outsourcing", capital: 0, operating: 0.41, reason: nil),
                    tornado: [
                        .init(parameter: "f", low: 0, central: 0.1, high: 0.2, npsvAtLowPence: -1, npsvAtHighPence: 3)
                    ],
                    switchingValues: [.init(parameter: "f", central: 0.1, value: nil)]),
                financial: FinancialPosition(
                    partners: [.init(partner: "886", years: [.init(year: 2027, cashPence: 5, budgetPence: 6)])],
                    breaches: [
                        .init(
                            partner: "886", runs: 10, breaches: 1, headroomPence: 6, intervalLow: 0.01,
                            intervalHigh: 0.4)
                    ]),
                author: "analyst", organisation: "kcc", created: Date(timeIntervalSince1970: 1_800_000_000)),
            scenarioDefinition: #"{"format":1}"#, appraisalReport: #"{"name":"S"}"#)
    }

    @Test(
        "cases round-trip; attach and determine update the decision and the register together",
        arguments: StoreContractTests.Adapter.allCases)
    func roundTrip(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            let stored = Self.stored("BC-1")
            try await store.insertBusinessCase(stored, detail: "drafted")
            #expect(try await store.businessCase("BC-1") == stored)
            await #expect { try await store.insertBusinessCase(stored, detail: "again") } throws: {
                ($0 as? StoreError)?.code == .conflict
            }
            #expect(try await store.businessCases().map(\.businessCase.id) == ["BC-1"])
            #expect(try await store.businessCase("nope") == nil)

            // A determination before the case is attached is the case's register entry.
            let determination = Section151Determination(
                businessCase: "BC-1", council: "kcc", username: "s151", at: Date(timeIntervalSince1970: 1_800_000_100),
                outcome: .affordable, reason: "Fine")
            let after = try await store.recordDetermination(determination, detail: "determined") { decision, _ in
                decision
            }
            #expect(after.determinations == [determination])

            let proposal = Proposal(id: "P1", title: "Home first", type: .serviceRedesign, tabled: Self.day)
            _ = try await store.updateDecision("P1") { _ in (DecisionRecord(proposal: proposal), .proposal, "tabled") }
            let attached = try await store.attachBusinessCase("BC-1", to: "P1") { existing, stored in
                var record = try #require(existing)
                record.proposal.businessCase = stored.businessCase.attachment(determinations: stored.determinations)
                return (record, "attached")
            }
            #expect(attached.proposal.businessCase?.determinations == [determination])
            #expect(try await store.decision("P1")?.proposal.businessCase?.id == "BC-1")
            #expect(try await store.businessCase("BC-1")?.proposal == "P1")
            // Once each way.
            try await store.insertBusinessCase(Self.stored("BC-2"), detail: "drafted")
            await #expect {
                _ = try await store.attachBusinessCase("BC-2", to: "P1") { existing, _ in (existing!, "x") }
            } throws: { ($0 as? StoreError)?.code == .conflict }
            await #expect {
                _ = try await store.attachBusinessCase("BC-1", to: "P2") { existing, _ in (existing!, "x") }
            } throws: { ($0 as? StoreError)?.code == .conflict }
            await #expect {
                _ = try await store.attachBusinessCase("BC-9", to: "P1") { existing, _ in (existing!, "x") }
            } throws: { ($0 as? StoreError)?.code == .notFound }

            // A later determination refreshes the attached decision, sealed as the decision's entry.
            let second = Section151Determination(
                businessCase: "BC-1", council: "kcc", username: "s151", at: Date(timeIntervalSince1970: 1_800_000_200),
                outcome: .notAffordable, reason: "Reserves gone")
            _ = try await store.recordDetermination(second, detail: "determined again") { decision, stored in
                var decision = decision
                decision.proposal.businessCase = stored.businessCase.attachment(determinations: stored.determinations)
                return decision
            }
            #expect(
                try await store.decision("P1")?.proposal.businessCase?.determination(of: "kcc")?.outcome
                    == .notAffordable)
            let kinds = try await store.registerEntries().map(\.kind)
            #expect(
                kinds == [
                    .businessCase, .section151Determination, .proposal, .businessCaseAttached, .businessCase,
                    .section151Determination,
                ])
            #expect(try await store.auditRegister().verifies)
        }
    }

    @Test(
        "over-long text and a blank reason are refused and nothing is written",
        arguments: StoreContractTests.Adapter.allCases)
    func refusals(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            await #expect(throws: FieldRefusal.self) {
                try await store.insertBusinessCase(
                    Self.stored("BC-1", title: String(repeating: "x", count: 1_000_000)), detail: "x")
            }
            await #expect(throws: FieldRefusal.self) {
                try await store.insertBusinessCase(Self.stored("bad id"), detail: "x")
            }
            try await store.insertBusinessCase(Self.stored("BC-1"), detail: "drafted")
            await #expect(throws: FieldRefusal.self) {
                _ = try await store.recordDetermination(
                    .init(
                        businessCase: "BC-1", council: "kcc", username: "s", at: Date(), outcome: .affordable,
                        reason: " "),
                    detail: "x"
                ) { decision, _ in decision }
            }
            await #expect {
                _ = try await store.recordDetermination(
                    .init(
                        businessCase: "BC-9", council: "kcc", username: "s", at: Date(), outcome: .affordable,
                        reason: "r"),
                    detail: "x"
                ) { decision, _ in decision }
            } throws: { ($0 as? StoreError)?.code == .notFound }
            #expect(try await store.businessCase("BC-1")?.determinations.isEmpty == true)
            #expect(try await store.registerEntries().count == 1)
        }
    }

    @Test("office holders are kept and an appointment replaced", arguments: StoreContractTests.Adapter.allCases)
    func offices(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            #expect(try await store.officeHolders().isEmpty)
            try await store.appoint(OfficeHolder(username: "s151", office: .section151Officer, organisation: "kcc"))
            try await store.appoint(OfficeHolder(username: "s151", office: .section151Officer, organisation: "medway"))
            #expect(
                try await store.officeHolders() == [
                    OfficeHolder(username: "s151", office: .section151Officer, organisation: "medway")
                ])
        }
    }
}
