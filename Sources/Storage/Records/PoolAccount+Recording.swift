import Finance

extension PoolAccount {
    /// The one payment `admitted` adds to this account, as read in a write transaction.
    /// - Throws: ``StoreError`` `conflict` when `admitted` is not this account with exactly one payment more.
    func paymentAdded(in admitted: PoolAccount) throws -> PoolSpend {
        guard admitted.pool == pool, admitted.payments.count == payments.count + 1,
            admitted.payments.starts(with: payments), let spend = admitted.payments.last
        else { throw StoreError.conflict("payment out of pool", pool.code) }
        try spend.checkText()
        return spend
    }
}
