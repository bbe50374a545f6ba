/// How counts of people are shown outside the engine: counts from 1 to 4 are hidden as "<5", so no
/// one can be picked out of a small cell (NHS England / ONS disclosure control practice).
public struct SmallNumberSuppression: Sendable, Hashable {
    /// Counts at or above this are shown; 1 up to it are suppressed (zero is shown: it discloses no one).
    public var threshold: Int

    /// The standard rule: suppress 1–4.
    public static let standard = SmallNumberSuppression(threshold: 5)

    /// Makes a rule.
    public init(threshold: Int) { self.threshold = threshold }

    /// Whether `count` must be hidden.
    public func suppresses(_ count: Int) -> Bool { count > 0 && count < threshold }

    /// The count, or `nil` when it must be hidden.
    public func value(_ count: Int) -> Int? { suppresses(count) ? nil : count }

    /// The count as people should read it: "<5" when hidden.
    public func text(_ count: Int, grouped: (Int) -> String = { String($0) }) -> String {
        suppresses(count) ? "<\(threshold)" : grouped(count)
    }
}
