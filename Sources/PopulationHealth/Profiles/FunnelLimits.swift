import Foundation

/// Control limits for comparing units (practices, PCNs, places) on a proportion, against the system
/// value, by the size of each unit: the funnel plot of Spiegelhalter DJ, "Funnel plots for comparing
/// institutional performance", Statistics in Medicine 2005;24:1185–1202, with the normal approximation
/// p₀ ± z·√(p₀(1 − p₀)/n) for 95% (z = 1.96) and 99.8% (z = 3.09) limits, clipped to [0, 1].
public struct FunnelLimits: Sendable, Hashable {
    /// The lower and upper 95% limits.
    public var inner: ClosedRange<Double>
    /// The lower and upper 99.8% limits.
    public var outer: ClosedRange<Double>

    /// z for two-sided 95%.
    public static let z95 = 1.959_964
    /// z for two-sided 99.8%.
    public static let z998 = 3.090_232

    /// The limits around `target` (a proportion) for a unit of `denominator` people.
    public init(target: Double, denominator: Int) {
        let spread = denominator > 0 ? (target * (1 - target) / Double(denominator)).squareRoot() : .infinity
        func range(_ z: Double) -> ClosedRange<Double> { max(0, target - z * spread)...min(1, target + z * spread) }
        inner = range(Self.z95)
        outer = range(Self.z998)
    }

    /// Where a unit's observed proportion falls.
    public enum Position: String, Sendable, Codable, Hashable {
        /// Within the 95% limits: no evidence of a difference.
        case within
        /// Above the 95% limit (possible difference) but within 99.8%.
        case above95
        /// Above the 99.8% limit: a difference chance is unlikely to explain.
        case above998
        /// Below the 95% limit but within 99.8%.
        case below95
        /// Below the 99.8% limit.
        case below998
    }

    /// The position of `observed`.
    public func position(of observed: Double) -> Position {
        if observed > outer.upperBound { return .above998 }
        if observed > inner.upperBound { return .above95 }
        if observed < outer.lowerBound { return .below998 }
        if observed < inner.lowerBound { return .below95 }
        return .within
    }
}
