import Finance

/// Where the pooled budgets are kept, with every payment out of them.
public protocol FinanceStore: Sendable {
    /// The pools, by code.
    func pools() async throws -> [Pool]

    /// Adds a pool, or replaces one with the same code that has no payments yet.
    /// - Throws: ``StoreError`` `conflict` when the pool already has payments.
    func savePool(_ pool: Pool) async throws

    /// A pool's account: the pool and every payment admitted, in order.
    /// - Throws: ``StoreError`` `notFound` when there is no such pool.
    func poolAccount(code: String) async throws -> PoolAccount

    /// Admits a payment out of its pool, if it keeps every rule, in one transaction: the pool's ring-fences
    /// and balance are checked against the stored payments and the payment is recorded, or nothing is.
    /// - Parameter districtsOfArea: the districts of the practices under the payment's area.
    /// - Throws: ``PoolAccount/Refusal`` naming the rule broken; ``StoreError`` `notFound` for no such pool.
    func admitPayment(_ spend: PoolSpend, districtsOfArea: [String?]) async throws -> PoolAccount
}
