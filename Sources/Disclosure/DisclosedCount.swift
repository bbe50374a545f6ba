/// A count as it may leave the engine: shown (already rounded), suppressed as small, or withheld so that
/// a suppressed cell cannot be worked out from others.
public enum DisclosedCount: Sendable, Hashable, Codable {
    /// The rounded count.
    case shown(Int)
    /// The true count is from 1 to the policy's threshold.
    case suppressed
    /// Withheld although not small, because publishing it would let a suppressed cell be recovered by
    /// differencing (secondary suppression).
    case withheld

    /// The published number, or `nil` when suppressed or withheld.
    public var value: Int? {
        if case .shown(let value) = self { return value }
        return nil
    }

    /// The count for people to read: the number (with `grouped` applied) or the given word for a hidden
    /// count.
    public func text(hidden: String = "suppressed", grouped: (Int) -> String = { String($0) }) -> String {
        value.map(grouped) ?? hidden
    }
}
