import ConcordatCore
import Finance
import Storage

/// Paying out of a pooled budget: shared by `POST /api/v1/pools/{code}/payments` and `concordat pool pay`.
/// The payer must be allowed to pay out of the pool's host's money (``AccessPolicy`` `payFromPool`); the
/// payment must be for an area of the system, a care setting and a month; and the pool's ring-fences and
/// balance (Finance's rule, ``PoolAccount/admitting(_:districtsOfArea:)``) are applied inside the store's
/// write, to the account as it stands then, so concurrent payments can never together overdraw a pool.
public struct PoolPayment: Sendable {
    /// The store the pools are kept in.
    public var store: any Store

    /// Pays out of pools in `store`.
    public init(store: any Store) { self.store = store }

    /// The pool `code`, once `actor` is known to be allowed to pay out of it; `nil` when there is no such
    /// pool. (A caller that checks the payment's fields itself asks this first, so a payer who may not pay
    /// is told so before being told what is wrong with the payment.)
    /// - Throws: ``ActionRefused`` when `actor` may not pay out of the pool's host's money.
    public func pool(_ code: String, payableBy actor: Actor) async throws -> Pool? {
        guard let pool = try await store.pools().first(where: { $0.code == code }) else { return nil }
        try AccessPolicy.require(actor, .payFromPool(host: pool.host))
        return pool
    }

    /// Pays `spend` out of its pool for `actor`, in `system`, and returns the pool's account with it.
    /// - Throws: ``StoreError`` `notFound` when there is no such pool; ``ActionRefused`` when `actor` may not
    ///   pay out of it; `FieldRefusal` naming the field when the payment is not for an area of the system,
    ///   a care setting or a month; ``PoolAccount/Refusal`` naming the rule broken. Nothing is recorded
    ///   unless it returns.
    public func pay(_ spend: PoolSpend, by actor: Actor, in system: HealthSystem) async throws -> PoolAccount {
        guard try await pool(spend.pool, payableBy: actor) != nil else { throw StoreError.notFound("pool", spend.pool) }
        try Self.check(spend, in: system)
        let districts = system.districts(under: spend.area)
        return try await store.recordPayment(from: spend.pool) { account in
            try account.admitting(spend, districtsOfArea: districts)
        }
    }

    /// Checks that `spend` is for an area of `system`, a care setting and a month.
    /// - Throws: `FieldRefusal` naming the first field that is not.
    static func check(_ spend: PoolSpend, in system: HealthSystem) throws(FieldRefusal) {
        guard system.area(spend.area) != nil else {
            throw FieldRefusal(field: "area", reason: "names no area of the system ('\(spend.area)')")
        }
        guard CareSetting(code: spend.setting) != nil else {
            throw FieldRefusal(field: "setting", reason: "'\(spend.setting)' is not a care setting")
        }
        guard Month.isValid(spend.month) else {
            throw FieldRefusal(field: "month", reason: "'\(spend.month)' is not of the form YYYY-MM")
        }
    }
}
