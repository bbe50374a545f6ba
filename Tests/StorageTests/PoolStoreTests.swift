import ConcordatCore
import Finance
import Foundation
import Storage
import Testing

@Suite("Store contract: pools, payments and analysis updates")
struct PoolStoreTests {
    static let pool = Pool(
        code: "kcc-social-care", name: "KCC adult social care", kind: .ringFenced, host: "886",
        contributions: [.init(partner: "886", amount: Money(pence: 1_000_000))],
        ringFences: [
            RingFence(name: "social care needs only", settings: ["adult_social_care"]),
            RingFence(name: "only within the KCC area", districts: ["Swale", "Thanet"]),
        ])

    static func payment(_ pence: Int64, area: String = "swale-pcn") -> PoolSpend {
        PoolSpend(
            pool: "kcc-social-care", partner: "886", setting: "adult_social_care", area: area, month: "2026-05",
            amount: Money(pence: pence), description: "home care")
    }

    /// Pays `spend` through the store with Finance's rule, as the Partnership use case does.
    static func admit(_ spend: PoolSpend, districtsOfArea districts: [String?], in store: any Store) async throws
        -> PoolAccount
    {
        try await store.recordPayment(from: spend.pool) { try $0.admitting(spend, districtsOfArea: districts) }
    }

    /// A rule's own refusal, to see it pass through the store unchanged.
    struct Declined: Error, Equatable {}

    @Test(
        "the rule is applied inside the write to the account as stored; the store records exactly the one payment it adds",
        arguments: StoreContractTests.Adapter.allCases)
    func ruleInsideTheWrite(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            try await store.savePool(Self.pool)
            _ = try await Self.admit(Self.payment(100_000), districtsOfArea: ["Swale"], in: store)
            // The rule sees the payment already stored.
            let seen = try await store.recordPayment(from: Self.pool.code) { account in
                guard account.payments == [Self.payment(100_000)] else { throw Declined() }
                return try account.admitting(Self.payment(5_000), districtsOfArea: ["Swale"])
            }
            #expect(seen.payments.count == 2 && seen.balance == Money(pence: 895_000))
            // A rule's own refusal passes through unchanged and records nothing.
            await #expect(throws: Declined.self) {
                try await store.recordPayment(from: Self.pool.code) { _ in throw Declined() }
            }
            // A rule that adds no payment, or two, or pays out of another pool, is refused by the store.
            await #expect(throws: StoreError.self) {
                try await store.recordPayment(from: Self.pool.code) { $0 }
            }
            await #expect(throws: StoreError.self) {
                try await store.recordPayment(from: Self.pool.code) { account in
                    try account.admitting(Self.payment(1), districtsOfArea: ["Swale"]).admitting(
                        Self.payment(2), districtsOfArea: ["Swale"])
                }
            }
            await #expect(throws: StoreError.self) {
                try await store.recordPayment(from: "nope") { $0 }
            }
            let stored = try await store.poolAccount(code: Self.pool.code)
            #expect(stored.payments == [Self.payment(100_000), Self.payment(5_000)])
        }
    }

    @Test(
        "payments are checked and recorded in one transaction; refusals record nothing",
        arguments: StoreContractTests.Adapter.allCases)
    func payments(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            try await store.savePool(Self.pool)
            #expect(try await store.pools() == [Self.pool])
            let account = try await PoolStoreTests.admit(Self.payment(400_000), districtsOfArea: ["Swale"], in: store)
            #expect(account.balance == Money(pence: 600_000))
            await #expect(throws: PoolAccount.Refusal.self) {
                try await PoolStoreTests.admit(Self.payment(10, area: "medway"), districtsOfArea: ["Medway"], in: store)
            }
            await #expect(throws: PoolAccount.Refusal.self) {
                try await PoolStoreTests.admit(Self.payment(600_001), districtsOfArea: ["Thanet"], in: store)
            }
            let stored = try await store.poolAccount(code: "kcc-social-care")
            #expect(stored.payments == [Self.payment(400_000)])
            #expect(stored.balance == Money(pence: 600_000))
            // A pool with payments cannot be replaced underneath them.
            await #expect(throws: StoreError.self) { try await store.savePool(Self.pool) }
            await #expect(throws: StoreError.self) { try await store.poolAccount(code: "nope") }
        }
    }

    @Test("concurrent payments can never together overdraw a pool", arguments: StoreContractTests.Adapter.allCases)
    func concurrent(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            try await store.savePool(Self.pool)
            let admitted = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<30 {
                    group.addTask {
                        (try? await PoolStoreTests.admit(Self.payment(100_000), districtsOfArea: ["Swale"], in: store))
                            != nil
                    }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(admitted == 10)
            #expect(try await store.poolAccount(code: "kcc-social-care").balance == .zero)
        }
    }

    @Test("an analysis can be replaced for the loaded dataset only", arguments: StoreContractTests.Adapter.allCases)
    func analysis(adapter: StoreContractTests.Adapter) async throws {
        try await adapter.withStore { store in
            let dataset = DatasetStoreContractTests.dataset(people: 10, seed: 1)
            try await store.replaceDataset(
                dataset, summary: DatasetSummary(of: dataset, fingerprint: "one", source: "a"))
            try await store.updateAnalysis(
                Data("{\"v\":2}".utf8),
                cohort: [RiskCohortMember(personID: "p1", practice: "G82002", risk: 0.4, rank: 1)],
                fingerprint: "one")
            #expect(try await store.datasetSummary()?.analysis == Data("{\"v\":2}".utf8))
            #expect(try await store.riskCohort(practice: "G82002").map(\.personID) == ["p1"])
            #expect(try await store.riskCohort(practice: "G82028").isEmpty)
            await #expect(throws: StoreError.self) {
                try await store.updateAnalysis(Data(), cohort: [], fingerprint: "two")
            }
            // Replacing the dataset replaces its cohort with it.
            try await store.replaceDataset(
                dataset, summary: DatasetSummary(of: dataset, fingerprint: "new", source: "b"))
            #expect(try await store.riskCohort(practice: "G82002").isEmpty)
        }
    }
}
