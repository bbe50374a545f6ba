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

    /// Records one payment out of the pool `code`, in one write transaction, if `admit` admits it: `admit`
    /// gets the pool's account as the transaction reads it and returns the account with the payment
    /// admitted (Finance's rule: ``PoolAccount/admitting(_:districtsOfArea:)``), or throws, and then nothing
    /// is recorded. Writes are serialised, so two payments can never together break a rule that each keeps
    /// alone. The store keeps no rule of its own but that `admit` add exactly one payment.
    /// - Returns: the account with the payment.
    /// - Throws: what `admit` throws (``PoolAccount/Refusal`` naming the rule broken); ``StoreError``
    ///   `notFound` for no such pool, `conflict` when `admit` returns an account that is not this one with
    ///   one payment more.
    func recordPayment(from code: String, admitting admit: @Sendable (PoolAccount) throws -> PoolAccount)
        async throws -> PoolAccount
}
