import Foundation

/// Holds back whoever keeps failing a credential check: exponential back-off, per key (an account or a
/// client address).
///
/// The first `freeFailures` failures cost nothing. From then on each failure holds the key back for
/// `firstHold` × 2^(failures − freeFailures), at most `longestHold`; while held, every attempt is refused
/// unchecked (the right password too), so guessing runs at a few tries an hour at most. A key forgets
/// its failures `forgetAfter` seconds after the last one, and an account forgets them when it signs in.
///
/// Checks under way count too: once a key has failed, it may have only as many checks running at once as
/// it has free failures left (one, when none are left), so a burst of guesses sent together cannot slip
/// in before the first of them fails. A key that has not failed may run any number at once.
///
/// A value type with the time passed in: no clock, no lock, no I/O, so it is tested step by step.
struct Throttle: Sendable {
    /// How hard the throttle is.
    struct Policy: Sendable {
        /// Failures allowed before any hold.
        var freeFailures: Int
        /// The first hold, in seconds.
        var firstHold: TimeInterval
        /// The longest hold, in seconds.
        var longestHold: TimeInterval
        /// Seconds after the last failure when a key's failures are forgotten.
        var forgetAfter: TimeInterval
        /// The most keys remembered; past it the oldest are dropped (an attacker cannot exhaust memory).
        var capacity: Int

        /// For an account: 5 free failures, then 1 s, 2 s, 4 s … up to 15 minutes.
        static let account = Policy(
            freeFailures: 5, firstHold: 1, longestHold: 15 * 60, forgetAfter: 3600, capacity: 50_000)
        /// For a client address, which an office behind one NAT shares: 20 free failures, then as for an account.
        static let address = Policy(
            freeFailures: 20, firstHold: 1, longestHold: 15 * 60, forgetAfter: 3600, capacity: 50_000)
    }

    private struct Entry: Sendable {
        var failures = 0
        var lastFailure: Date
        var heldUntil: Date?
        /// Checks begun and not yet ended.
        var running = 0
    }

    let policy: Policy
    private var entries: [String: Entry] = [:]

    init(_ policy: Policy) { self.policy = policy }

    /// How many seconds `key` must wait at `now` before it may begin a check, or `nil` when it may.
    func hold(_ key: String, at now: Date) -> TimeInterval? {
        guard var entry = entries[key] else { return nil }
        if now.timeIntervalSince(entry.lastFailure) >= policy.forgetAfter { entry.failures = 0 }
        if let until = entry.heldUntil, until > now, entry.failures > 0 { return until.timeIntervalSince(now) }
        if entry.failures > 0, entry.running >= max(1, policy.freeFailures - entry.failures) { return 1 }
        return nil
    }

    /// Notes that a check of `key` begins at `now` (end it with ``failed(_:at:)``, ``succeeded(_:)`` or
    /// ``ended(_:)``).
    mutating func began(_ key: String, at now: Date) {
        entries[key, default: Entry(lastFailure: now)].running += 1
        if entries.count > policy.capacity { forget(before: now) }
    }

    /// Notes a failed check of `key` at `now`.
    mutating func failed(_ key: String, at now: Date) {
        var entry = entries[key] ?? Entry(lastFailure: now)
        if now.timeIntervalSince(entry.lastFailure) >= policy.forgetAfter {
            entry.failures = 0
            entry.heldUntil = nil
        }
        entry.running = max(0, entry.running - 1)
        entry.failures += 1
        entry.lastFailure = now
        let over = entry.failures - policy.freeFailures
        if over >= 0 {
            // 2^over, without overflowing for a key that has failed a great many times.
            let hold = min(policy.firstHold * pow(2, Double(min(over, 40))), policy.longestHold)
            entry.heldUntil = now.addingTimeInterval(hold)
        }
        entries[key] = entry
        if entries.count > policy.capacity { forget(before: now) }
    }

    /// Notes a successful check of `key`: its failures are forgotten.
    mutating func succeeded(_ key: String) {
        guard var entry = entries[key] else { return }
        entry.running = max(0, entry.running - 1)
        entry.failures = 0
        entry.heldUntil = nil
        entries[key] = entry.running > 0 ? entry : nil
    }

    /// Notes that a check of `key` ended well, leaving its failures as they are (an address that signed one
    /// account in is still the address that failed for others).
    mutating func ended(_ key: String) {
        guard var entry = entries[key] else { return }
        entry.running = max(0, entry.running - 1)
        entries[key] = entry.running > 0 || entry.failures > 0 ? entry : nil
    }

    /// How many failures `key` has to its name (for tests and logs).
    func failures(_ key: String) -> Int { entries[key]?.failures ?? 0 }

    /// Drops the keys whose failures are forgotten by `now` and, if still too many, the oldest.
    private mutating func forget(before now: Date) {
        entries = entries.filter {
            $0.value.running > 0 || now.timeIntervalSince($0.value.lastFailure) < policy.forgetAfter
        }
        if entries.count > policy.capacity {
            let keep = entries.sorted { $0.value.lastFailure > $1.value.lastFailure }.prefix(policy.capacity * 9 / 10)
            entries = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
        }
    }
}
