/// Where a unit falls against a funnel's two pairs of control limits, in Fingertips' words: beyond the
/// 99.8% limits ("3 sigma", p < 0.001 each side), beyond the 95% limits ("2 sigma", p < 0.025 each side), or
/// not significantly different from the average.
public enum FunnelSignificance: String, Sendable, Hashable, Codable, CaseIterable {
    /// Below the lower 99.8% limit.
    case low998
    /// Below the lower 95% limit, within 99.8%.
    case low95
    /// Within the 95% limits.
    case notSignificant
    /// Above the upper 95% limit, within 99.8%.
    case high95
    /// Above the upper 99.8% limit.
    case high998

    /// Fingertips' label (as PHEindicatormethods' `assign_funnel_significance` writes it).
    public var label: String {
        switch self {
        case .low998: "Low (0.001)"
        case .low95: "Low (0.025)"
        case .notSignificant: "Not significant"
        case .high95: "High (0.025)"
        case .high998: "High (0.001)"
        }
    }
}
