import ConcordatCore
import Finance

/// Allocations, ledgers and care-network matrices already computed, by their inputs. They depend only on
/// the system snapshot and the question, so each is computed once rather than on every request, and all
/// are forgotten when the snapshot changes (``keep(for:)``). Bounded: cleared when it reaches 64 entries.
public actor FinanceCache {
    private var entries: [String: any Sendable] = [:]
    private var snapshot: String?

    /// An empty cache.
    public init() {}

    /// Keeps the entries only if they were computed from `snapshot` (an identity of the system snapshot,
    /// which changes when a system, pack, dataset or analysis is loaded); otherwise forgets them all.
    public func keep(for snapshot: String) {
        if snapshot != self.snapshot {
            entries.removeAll()
            self.snapshot = snapshot
        }
    }

    /// The cached value for `key`, or `make()`'s, remembered.
    public func value<Value: Sendable>(_ key: String, _ make: () throws -> Value) rethrows -> Value {
        if let hit = entries[key] as? Value { return hit }
        let made = try make()
        if entries.count >= 64 { entries.removeAll() }
        entries[key] = made
        return made
    }
}
