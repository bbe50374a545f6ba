/// The eight Bridges to Health population segments (Lynn J et al., "The Bridges to Health model",
/// Milbank Quarterly 2007;85:185–208): groups of people with similar needs from services.
public enum BridgesToHealthSegment: UInt8, CaseIterable, Sendable, Codable, Hashable {
    /// Healthy.
    case healthy
    /// Maternal and infant health.
    case maternalAndInfant
    /// Acutely ill but mostly curable.
    case acutelyIll
    /// Chronic conditions, normal function.
    case chronicConditions
    /// Stable but serious disability.
    case stableButSeriousDisability
    /// A short period of decline before dying (most often cancer).
    case shortDeclineBeforeDying
    /// Limited reserve and serious exacerbations (organ system failure).
    case limitedReserveWithExacerbations
    /// A long decline: frailty and dementia.
    case longDeclineFrailtyDementia

    /// The segment's name as the model gives it.
    public var label: String {
        switch self {
        case .healthy: "Healthy"
        case .maternalAndInfant: "Maternal and infant health"
        case .acutelyIll: "Acutely ill"
        case .chronicConditions: "Chronic conditions, normal function"
        case .stableButSeriousDisability: "Stable but serious disability"
        case .shortDeclineBeforeDying: "Short period of decline before dying"
        case .limitedReserveWithExacerbations: "Limited reserve with exacerbations"
        case .longDeclineFrailtyDementia: "Long decline: frailty and dementia"
        }
    }
}
