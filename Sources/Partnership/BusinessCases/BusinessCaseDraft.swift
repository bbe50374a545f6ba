import Appraisal
import ConcordatCore
import Governance

/// A business case as its author writes it, before the scenario is appraised: the reference, the title,
/// the strategic, commercial and management cases (with the milestones and risks the case adds), and how
/// optimism bias is to be applied.
public struct BusinessCaseDraft: Sendable, Hashable {
    /// Its reference (an identifier).
    public var id: String
    /// Its title.
    public var title: String
    /// The strategic case.
    public var strategic: String
    /// The commercial case.
    public var commercial: String
    /// The management case.
    public var management: BusinessCase.Management
    /// The project type for optimism bias (`outsourcing`, `standard-buildings`, …).
    public var projectType: String
    /// An optimism bias below the upper bound, in percent, with `optimismBiasReason`.
    public var optimismBiasPercent: Double?
    /// The evidence for an optimism bias below the upper bound.
    public var optimismBiasReason: String?

    /// The project types optimism bias is published for (*Supplementary Green Book Guidance: Optimism
    /// Bias*, 2003, Table 1), by the names ``projectType`` takes.
    public static var projectTypes: [String] { ProjectType.allCases.map(\.rawValue) }

    /// Makes a draft.
    public init(
        id: String, title: String, strategic: String = "", commercial: String = "",
        management: BusinessCase.Management = .init(text: ""), projectType: String = "outsourcing",
        optimismBiasPercent: Double? = nil, optimismBiasReason: String? = nil
    ) {
        self.id = id
        self.title = title
        self.strategic = strategic
        self.commercial = commercial
        self.management = management
        self.projectType = projectType
        self.optimismBiasPercent = optimismBiasPercent
        self.optimismBiasReason = optimismBiasReason
    }
}
