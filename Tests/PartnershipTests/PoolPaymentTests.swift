import ConcordatCore
import ConcordatTestSupport
import Finance
import Foundation
import Ingest
import Partnership
import Storage
import Testing

@Suite("Paying out of a pool")
struct PoolPaymentTests {
    /// Kent & Medway with the East Kent partnership's organisations.
    static let kent = BundledPacks.kentSystem

    /// KCC's social care money: £10,000, for adult social care only.
    static let pool = Pool(
        code: "kcc-care", name: "KCC adult social care", kind: .ringFenced, host: "kcc",
        contributions: [.init(partner: "kcc", amount: Money(pence: 1_000_000))],
        ringFences: [RingFence(name: "social care needs only", settings: [CareSetting.adultSocialCare.code])])

    static func spend(_ pence: Int64, setting: CareSetting = .adultSocialCare, area: String = "east-kent")
        -> PoolSpend
    {
        PoolSpend(
            pool: pool.code, partner: "kcc", setting: setting.code, area: area, month: "2026-11",
            amount: Money(pence: pence), description: "home care")
    }

    static func actor(_ username: String, _ role: Role, for organisation: String?) -> Actor {
        Actor(UserAccount(username: username, role: role, organisation: organisation, passwordHash: ""))
    }

    static func store() async throws -> (SQLiteStore, HealthSystem) {
        let kent = try kent.get()
        let store = try SQLiteStore()
        try await store.replaceSystem(kent)
        try await store.savePool(pool)
        return (store, kent)
    }

    @Test("the host's finance officer pays; the store records it and the account shows it")
    func hostPays() async throws {
        let (store, kent) = try await Self.store()
        let account = try await PoolPayment(store: store).pay(
            Self.spend(250_000), by: Self.actor("kcc-finance", .finance, for: "kcc"), in: kent)
        #expect(account.balance == Money(pence: 750_000))
        #expect(try await store.poolAccount(code: Self.pool.code).payments == [Self.spend(250_000)])
    }

    @Test(
        "another organisation's finance officer, or a role that may not pay, is refused and nothing is recorded",
        arguments: [
            ("ekhuft-finance", Role.finance, "ekhuft" as String?), ("secretary", .boardSecretary, nil),
            ("kcc-rep", .partnerRepresentative, "kcc"), ("nobody", .finance, nil),
        ])
    func refusedActors(username: String, role: Role, organisation: String?) async throws {
        let (store, kent) = try await Self.store()
        let payment = PoolPayment(store: store)
        let actor = Self.actor(username, role, for: organisation)
        await #expect(throws: ActionRefused.self) { try await payment.pay(Self.spend(100), by: actor, in: kent) }
        await #expect(throws: ActionRefused.self) { try await payment.pool(Self.pool.code, payableBy: actor) }
        #expect(try await store.poolAccount(code: Self.pool.code).payments.isEmpty)
    }

    @Test(
        "a payment for no area, a setting the ring-fence excludes, more than is left or no pool is refused, unrecorded")
    func refusedPayments() async throws {
        let (store, kent) = try await Self.store()
        let payment = PoolPayment(store: store)
        let finance = Self.actor("kcc-finance", .finance, for: "kcc")
        let nowhere = await #expect(throws: FieldRefusal.self) {
            try await payment.pay(Self.spend(100, area: "nowhere"), by: finance, in: kent)
        }
        #expect(nowhere?.field == "area")
        let fenced = await #expect(throws: PoolAccount.Refusal.self) {
            try await payment.pay(Self.spend(100, setting: .ae), by: finance, in: kent)
        }
        #expect(fenced?.rule == "social care needs only")
        let overdrawn = await #expect(throws: PoolAccount.Refusal.self) {
            try await payment.pay(Self.spend(1_000_001), by: finance, in: kent)
        }
        #expect(overdrawn?.rule == "pool balance")
        var elsewhere = Self.spend(100)
        elsewhere.pool = "no-such-pool"
        await #expect(throws: StoreError.self) { try await payment.pay(elsewhere, by: finance, in: kent) }
        #expect(try await payment.pool("no-such-pool", payableBy: finance) == nil)
        #expect(try await store.poolAccount(code: Self.pool.code).payments.isEmpty)
    }

    @Test("concurrent payments through the use case can never together overdraw the pool")
    func concurrent() async throws {
        let (store, kent) = try await Self.store()
        let payment = PoolPayment(store: store)
        let finance = Self.actor("kcc-finance", .finance, for: "kcc")
        let paid = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<25 {
                group.addTask { (try? await payment.pay(Self.spend(100_000), by: finance, in: kent)) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(paid == 10)
        #expect(try await store.poolAccount(code: Self.pool.code).balance == .zero)
    }
}
