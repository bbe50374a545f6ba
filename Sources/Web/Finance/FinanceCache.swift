import ConcordatCore
import Finance

/// Allocations, ledgers and care-network matrices already computed, by their inputs. They depend only on
/// the system snapshot (fixed while the server runs) and the query, so the money pages and API compute
/// each once rather than on every request. Bounded: cleared when it reaches 64 entries.
actor FinanceCache {
    private var entries: [String: any Sendable] = [:]

    /// The cached value for `key`, or `make()`'s, remembered.
    func value<Value: Sendable>(_ key: String, _ make: () throws -> Value) rethrows -> Value {
        if let hit = entries[key] as? Value { return hit }
        let made = try make()
        if entries.count >= 64 { entries.removeAll() }
        entries[key] = made
        return made
    }
}

extension FinanceController {
    /// The allocation for a query, computed once.
    func allocation(_ finances: SystemFinances, _ total: Money, basis: SystemFinances.Basis = .published) async throws
        -> CapitationAllocation
    {
        try await cache.value("allocation|\(total.pence)|\(basis.rawValue)") {
            try finances.allocation(total, basis: basis)
        }
    }

    /// The ledger for a query, computed once.
    func ledger(_ finances: SystemFinances, _ total: Money, months: Int) async throws -> Ledger {
        let allocation = try await allocation(finances, total)
        return try await cache.value("ledger|\(total.pence)|\(months)") {
            try finances.ledger(allocation, monthsElapsed: months)
        }
    }

    /// The care-network matrix for an allocation, computed once.
    func networks(_ finances: SystemFinances, _ total: Money, basis: SystemFinances.Basis) async throws -> BudgetMatrix
    {
        let allocation = try await allocation(finances, total, basis: basis)
        return try await cache.value("networks|\(total.pence)|\(basis.rawValue)") {
            try finances.networkMatrix(allocation)
        }
    }
}
