import ConcordatCore

/// A pool's account: its money in, every payment out, and where each pound came from. Payments are
/// admitted one at a time and refused — with the rule they break — if they break a ring-fence, are
/// not for a positive amount, or would take the pool below zero; so a ring-fence is never breached and
/// every pound spent is traceable to the contributions that paid for it.
public struct PoolAccount: Sendable, Hashable {
    /// The pool.
    public let pool: Pool
    /// The payments admitted, in order.
    public private(set) var payments: [PoolSpend] = []
    /// What each payment drew from each contribution, in pence: `funding[payment][contribution]`.
    public private(set) var funding: [[Int64]] = []
    /// What is left of each contribution, in pence.
    public private(set) var remaining: [Int64]

    /// Opens an account for `pool`.
    public init(pool: Pool) {
        self.pool = pool
        self.remaining = pool.contributions.map(\.amountPence)
    }

    /// Why a payment is refused: the rule it breaks, named, and why.
    public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        /// The pool.
        public var pool: String
        /// The rule broken: a ring-fence's name, "positive amount", "same pool" or "pool balance".
        public var rule: String
        /// Why, in words.
        public var reason: String

        /// The refusal in words.
        public var description: String { "refused by \(pool)'s rule '\(rule)': \(reason)" }
    }

    /// Admits `spend` if it keeps every rule; otherwise throws a ``Refusal`` and changes nothing.
    /// Each payment draws on the contributions in proportion to what is left of each (largest remainder),
    /// so no contribution is ever overdrawn.
    ///
    /// - Parameter districtsOfArea: the districts of the practices under the payment's area.
    public mutating func admit(_ spend: PoolSpend, districtsOfArea: [String?]) throws(Refusal) {
        guard spend.pool == pool.code else {
            throw Refusal(pool: pool.code, rule: "same pool", reason: "the payment is for pool \(spend.pool)")
        }
        guard spend.amountPence > 0 else {
            throw Refusal(pool: pool.code, rule: "positive amount", reason: "a payment must be more than £0.00")
        }
        for fence in pool.ringFences {
            if let reason = fence.breach(of: spend, districtsOfArea: districtsOfArea) {
                throw Refusal(pool: pool.code, rule: fence.name, reason: reason)
            }
        }
        try draw(spend)
    }

    /// The account with `spend` admitted, if it keeps every rule (``admit(_:districtsOfArea:)``); this
    /// account is left as it is. It is the rule a store applies, inside the transaction that records the
    /// payment, to the account as that transaction reads it, so two payments can never together break a
    /// rule that each keeps alone.
    public func admitting(_ spend: PoolSpend, districtsOfArea: [String?]) throws(Refusal) -> PoolAccount {
        var next = self
        try next.admit(spend, districtsOfArea: districtsOfArea)
        return next
    }

    /// Re-applies a payment admitted before (read back from storage): its ring-fences were checked when it
    /// was admitted; its amount and the pool's balance are checked again.
    public mutating func replay(_ spend: PoolSpend) throws(Refusal) {
        guard spend.pool == pool.code, spend.amountPence > 0 else {
            throw Refusal(pool: pool.code, rule: "positive amount", reason: "a stored payment is not valid")
        }
        try draw(spend)
    }

    private mutating func draw(_ spend: PoolSpend) throws(Refusal) {
        let left = remaining.reduce(0, +)
        guard spend.amountPence <= left else {
            throw Refusal(
                pool: pool.code, rule: "pool balance",
                reason: "\(Money(pence: spend.amountPence)) is more than the \(Money(pence: left)) left in the pool")
        }
        let drawn = Money(pence: spend.amountPence).split(by: remaining.map(Double.init))!.map(\.pence)
        for index in remaining.indices { remaining[index] -= drawn[index] }
        payments.append(spend)
        funding.append(drawn)
    }

    /// What has been spent.
    public var spent: Money { Money(pence: payments.reduce(0) { $0 + $1.amountPence }) }

    /// What is left.
    public var balance: Money { Money(pence: remaining.reduce(0, +)) }

    /// Where the money went, per contribution: for each partner that put money in, what it put in, what
    /// of it was spent and on what (by setting), and what is left. Every row adds up.
    public var trace: [TraceLine] {
        pool.contributions.indices.map { index in
            var bySetting: [String: Int64] = [:]
            for (payment, drawn) in zip(payments, funding) { bySetting[payment.setting, default: 0] += drawn[index] }
            return TraceLine(
                partner: pool.contributions[index].partner,
                contributedPence: pool.contributions[index].amountPence,
                spentPence: funding.reduce(0) { $0 + $1[index] },
                spentBySetting: bySetting, remainingPence: remaining[index])
        }
    }

    /// One contribution traced from source to spend.
    public struct TraceLine: Sendable, Hashable, Codable {
        /// The contributing partner.
        public var partner: String
        /// What it put in, in pence.
        public var contributedPence: Int64
        /// What of it has been spent, in pence.
        public var spentPence: Int64
        /// That spend by care setting, in pence.
        public var spentBySetting: [String: Int64]
        /// What of it is left, in pence.
        public var remainingPence: Int64
    }
}
