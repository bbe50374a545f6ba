import ConcordatCore
import Finance

/// Allocations, ledgers and care-network matrices already computed, by their inputs. They depend only on
/// the system snapshot (fixed while a server runs) and the question, so each is computed once rather
/// than on every request. Bounded: cleared when it reaches 64 entries.
public actor FinanceCache {
    private var entries: [String: any Sendable] = [:]

    /// An empty cache.
    public init() {}

    /// The cached value for `key`, or `make()`'s, remembered.
    public func value<Value: Sendable>(_ key: String, _ make: () throws -> Value) rethrows -> Value {
        if let hit = entries[key] as? Value { return hit }
        let made = try make()
        if entries.count >= 64 { entries.removeAll() }
        entries[key] = made
        return made
    }
}
