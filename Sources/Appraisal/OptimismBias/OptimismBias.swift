import Foundation

/// The optimism bias adjustments of one option: the fractions by which its capital and operating costs are
/// raised (and its works duration lengthened), with the published upper bounds for its project type as the
/// default (HM Treasury, *Supplementary Green Book Guidance: Optimism Bias*, 2003, Table 1; *The Green Book*,
/// 2022, chapter 5, "Optimism bias").
///
/// The guidance lets an appraiser use a lower value only where evidence shows the risks behind the bias are
/// managed; so a value below the upper bound can only be made with a recorded reason (the type refuses one
/// without). Works duration is recorded for the case but not applied to the streams: lengthening a profile
/// is the scenario model's work (see `docs/APPRAISAL.md`).
public struct OptimismBias: Sendable, Hashable, Encodable {
    /// The project type whose published bounds are the defaults.
    public let projectType: ProjectType
    /// The uplift on capital costs (0.24 raises capital costs by 24%).
    public let capital: Double
    /// The uplift on operating costs.
    public let operating: Double
    /// The uplift on works duration (recorded, not applied to the streams).
    public let worksDuration: Double
    /// The recorded reason for the values (required when any is below its published upper bound).
    public let reason: String?

    /// The published upper bounds for `projectType`: the Green Book's default when there is no better evidence.
    public init(upperBoundsFor projectType: ProjectType) {
        self.projectType = projectType
        self.capital = projectType.capitalUpperBound
        self.operating = projectType.operatingUpperBound
        self.worksDuration = projectType.worksDurationUpperBound
        self.reason = nil
    }

    /// Chosen values, each a fraction from 0 to 10 (1,000%); any value below the project type's published upper
    /// bound needs a `reason` (the evidence that the risks are mitigated), which is kept with the case.
    /// - Throws: ``AppraisalError`` `optimismBiasBelowDefault` for a lower value without a reason,
    ///   `invalidOptimismBias` for a negative or over-large value, `notFinite` for NaN.
    public init(
        projectType: ProjectType, capital: Double, operating: Double, worksDuration: Double? = nil,
        reason: String? = nil
    ) throws(AppraisalError) {
        let worksDuration = worksDuration ?? projectType.worksDurationUpperBound
        let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        let hasReason = !(trimmed ?? "").isEmpty
        for (field, value, upper) in [
            ("capital", capital, projectType.capitalUpperBound),
            ("operating", operating, projectType.operatingUpperBound),
            ("worksDuration", worksDuration, projectType.worksDurationUpperBound),
        ] {
            guard value.isFinite else {
                throw AppraisalError(.notFinite, field: "optimismBias.\(field)", reason: "the uplift is not a number")
            }
            guard (0...10).contains(value) else {
                throw AppraisalError(
                    .invalidOptimismBias, field: "optimismBias.\(field)",
                    reason: "an uplift must be between 0% and 1,000% (got \(percent(value)))")
            }
            guard value >= upper || hasReason else {
                throw AppraisalError(
                    .optimismBiasBelowDefault, field: "optimismBias.\(field)",
                    reason: "\(percent(value)) is below the published upper bound of \(percent(upper)) for "
                        + "\(projectType.rawValue); a lower value needs a recorded reason (the evidence that the "
                        + "risks are managed)")
            }
        }
        self.projectType = projectType
        self.capital = capital
        self.operating = operating
        self.worksDuration = worksDuration
        self.reason = hasReason ? trimmed : nil
    }

    /// The upper bounds of a combined project with standard and non-standard parts that cannot be separated:
    /// each part's upper bound weighted by its share of capital value (Mott MacDonald, 2002, §"Combined
    /// projects": 30% non-standard and 70% standard buildings give 0.3 × 51% + 0.7 × 24% = 32.1%).
    /// The shares must be non-negative and add up to 1; the first part with the largest share names the type,
    /// and the reason records the parts.
    /// - Throws: ``AppraisalError`` `invalidOptimismBias` when the shares are empty, negative or do not add to 1.
    public static func combined(_ parts: [(type: ProjectType, share: Double)]) throws(AppraisalError) -> OptimismBias {
        guard let dominant = parts.max(by: { $0.share < $1.share }) else {
            throw AppraisalError(.empty, field: "parts", reason: "a combined project needs at least one part")
        }
        for (index, part) in parts.enumerated() where !(part.share.isFinite && part.share >= 0) {
            throw AppraisalError(
                .invalidOptimismBias, field: "parts[\(index)].share", reason: "a share must be 0 or more")
        }
        let total = parts.reduce(0) { $0 + $1.share }
        guard abs(total - 1) < 1e-9 else {
            throw AppraisalError(
                .invalidOptimismBias, field: "parts", reason: "the shares add up to \(total), not 1")
        }
        var capital = 0.0
        var operating = 0.0
        var duration = 0.0
        for part in parts {
            capital += part.share * part.type.capitalUpperBound
            operating += part.share * part.type.operatingUpperBound
            duration += part.share * part.type.worksDurationUpperBound
        }
        return OptimismBias(
            unchecked: parts.first(where: { $0.share == dominant.share })!.type, capital: capital,
            operating: operating, worksDuration: duration,
            reason: "combined project: "
                + parts.map { "\(percent($0.share)) \($0.type.rawValue)" }.joined(separator: ", "))
    }

    private init(
        unchecked projectType: ProjectType, capital: Double, operating: Double, worksDuration: Double, reason: String?
    ) {
        self.projectType = projectType
        self.capital = capital
        self.operating = operating
        self.worksDuration = worksDuration
        self.reason = reason
    }

    /// The bias after risk mitigation: each uplift reduced by the fraction `reduction` of itself (Mott
    /// MacDonald, 2002: a 92% reduction of the 51% non-standard buildings upper bound leaves (100% − 92%) × 51%
    /// ≈ 4%). A reduction lowers the values below the upper bound, so it needs a reason.
    /// - Throws: ``AppraisalError`` when `reduction` is outside 0…1 or the reason is blank.
    public func mitigated(by reduction: Double, reason: String) throws(AppraisalError) -> OptimismBias {
        guard reduction.isFinite, (0...1).contains(reduction) else {
            throw AppraisalError(
                .invalidOptimismBias, field: "optimismBias.reduction", reason: "a reduction must be from 0 to 1")
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty || reduction == 0 else {
            throw AppraisalError(
                .optimismBiasBelowDefault, field: "optimismBias.reason",
                reason: "a mitigated (lower) optimism bias needs a recorded reason")
        }
        return OptimismBias(
            unchecked: projectType, capital: capital * (1 - reduction), operating: operating * (1 - reduction),
            worksDuration: worksDuration * (1 - reduction), reason: trimmed.isEmpty ? self.reason : trimmed)
    }

    /// No uplift at all, with the reason recorded (for example "costs are fixed by a signed contract").
    /// - Throws: ``AppraisalError`` `optimismBiasBelowDefault` when the reason is blank and the type has
    ///   a non-zero upper bound.
    public static func none(for projectType: ProjectType, reason: String) throws(AppraisalError) -> OptimismBias {
        try OptimismBias(projectType: projectType, capital: 0, operating: 0, worksDuration: 0, reason: reason)
    }
}

/// "24%", "32.1%".
func percent(_ fraction: Double) -> String {
    guard fraction.isFinite, fraction.magnitude < 1e12 else { return "\(fraction)" }
    let tenths = Int((fraction.magnitude * 1000).rounded())
    let sign = fraction < 0 && tenths > 0 ? "-" : ""
    return sign + (tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(tenths % 10)%")
}
