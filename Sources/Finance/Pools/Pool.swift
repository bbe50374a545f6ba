import ConcordatCore

/// A pooled budget with a host partner: partners put money in (their contributions) and the host
/// spends it under the pool's ring-fences — a Section 75 pooled fund, the Better Care Fund, a
/// council's social care budget, or a budget aligned but not pooled.
public struct Pool: Sendable, Hashable, Codable, Identifiable {
    /// What kind of arrangement holds the pool.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A pooled fund under section 75 of the NHS Act 2006.
        case section75 = "section-75"
        /// The Better Care Fund (itself a section 75 pool, with national conditions).
        case betterCareFund = "better-care-fund"
        /// A partner's own budget, ring-fenced and shown alongside the others.
        case ringFenced = "ring-fenced"
        /// Budgets aligned to shared plans but not pooled.
        case aligned
    }

    /// One partner's money put into the pool.
    public struct Contribution: Sendable, Hashable, Codable {
        /// The contributing partner's code.
        public var partner: String
        /// The amount, in pence.
        public var amountPence: Int64

        /// Makes a contribution.
        public init(partner: String, amount: Money) {
            self.partner = partner
            self.amountPence = amount.pence
        }
    }

    /// A short key.
    public var code: String
    /// The pool's name.
    public var name: String
    /// The arrangement.
    public var kind: Kind
    /// The partner that hosts (holds and accounts for) the pool.
    public var host: String
    /// The money put in.
    public var contributions: [Contribution]
    /// The conditions on spending it; spend must keep every one.
    public var ringFences: [RingFence]

    /// The identity is the code.
    public var id: String { code }

    /// Makes a pool.
    public init(
        code: String, name: String, kind: Kind, host: String, contributions: [Contribution],
        ringFences: [RingFence] = []
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.host = host
        self.contributions = contributions
        self.ringFences = ringFences
    }

    /// Everything put in.
    public var total: Money { Money(pence: contributions.reduce(0) { $0 + $1.amountPence }) }
}

/// One payment out of a pool.
public struct PoolSpend: Sendable, Hashable, Codable {
    /// The pool paid from.
    public var pool: String
    /// The partner (provider) paid.
    public var partner: String
    /// The care setting the money buys (an event setting code).
    public var setting: String
    /// The area whose people it serves (a place, neighbourhood or practice code).
    public var area: String
    /// The month, `YYYY-MM`.
    public var month: String
    /// The amount, in pence.
    public var amountPence: Int64
    /// What it is for.
    public var description: String

    /// Makes a payment.
    public init(
        pool: String, partner: String, setting: String, area: String, month: String, amount: Money,
        description: String = ""
    ) {
        self.pool = pool
        self.partner = partner
        self.setting = setting
        self.area = area
        self.month = month
        self.amountPence = amount.pence
        self.description = description
    }
}
