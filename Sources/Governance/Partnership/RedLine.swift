import ConcordatCore

/// A condition a party has set on what it will agree to, checked when a proposal is voted on. The county
/// council's, in the seed papers: a business case to HM Treasury Green Book standard; no social care money
/// spent outside social care or outside the council's area; exit arrangements in place before any joint
/// arrangement; and a financial case that does not risk the council's ability to set a legal and balanced
/// budget, as determined by its Section 151 officer (Kent County Council, 2017).
public struct RedLine: Sendable, Hashable, Codable {
    /// What is checked.
    public enum Condition: Sendable, Hashable, Codable {
        /// A business case to HM Treasury Green Book standard is said to be attached: the proposal's tick
        /// (older memoranda; kept so they load and judge as they did).
        case greenBookBusinessCase
        /// Exit arrangements exist before entering a joint arrangement.
        case exitArrangementsBeforeJointArrangement
        /// No spend from these pools outside their ring-fences (checked against Finance pools).
        case ringFencedPools([String])
        /// Computed: a business case is attached whose economic appraisal discounts at the social time
        /// preference rate, applies optimism bias and tests sensitivity (*The Green Book*, 2022).
        case greenBookAppraisal
        /// Computed: the party's Section 151 officer has determined the attached case affordable, and the
        /// probability that the party's net cost (as the finance partner `partner`, the party's own code when
        /// `nil`) exceeds its headroom is below `threshold` (a fraction).
        case section151(threshold: Double, partner: String?)
    }

    /// The party that drew it.
    public var party: String
    /// Its name, quoted when it blocks a vote.
    public var name: String
    /// What is checked.
    public var condition: Condition
    /// The kinds of decision it applies to (`nil`: every kind).
    public var appliesTo: [DecisionType]?
    /// The first day (by the day a proposal is tabled) it applies from (`nil`: always).
    public var inForceFrom: Day?
    /// The last day it applies to (`nil`: no end).
    public var inForceUntil: Day?

    /// Makes a red line.
    public init(
        party: String, name: String, condition: Condition, appliesTo: [DecisionType]? = nil,
        inForceFrom: Day? = nil, inForceUntil: Day? = nil
    ) {
        self.party = party
        self.name = name
        self.condition = condition
        self.appliesTo = appliesTo
        self.inForceFrom = inForceFrom
        self.inForceUntil = inForceUntil
    }

    /// Whether it applies to `proposal`: its kind of decision, tabled while the red line is in force.
    public func applies(to proposal: Proposal) -> Bool {
        (appliesTo.map { $0.contains(proposal.type) } ?? true)
            && (inForceFrom.map { proposal.tabled >= $0 } ?? true)
            && (inForceUntil.map { proposal.tabled <= $0 } ?? true)
    }

    /// Why `proposal` breaches this red line, or `nil` if it does not (or the red line does not apply).
    public func breach(by proposal: Proposal) -> String? {
        guard applies(to: proposal) else { return nil }
        switch condition {
        case .greenBookBusinessCase:
            return proposal.hasGreenBookBusinessCase ? nil : "no business case to Green Book standard is attached"
        case .exitArrangementsBeforeJointArrangement:
            return proposal.createsJointArrangement && !proposal.hasExitArrangements
                ? "it creates a joint arrangement without exit arrangements" : nil
        case .ringFencedPools(let pools):
            let breaches = proposal.ringFenceBreaches.filter { pools.contains($0.pool) }
            return breaches.isEmpty
                ? nil
                : "it would spend ring-fenced money against the rules: "
                    + breaches.map { "\($0.pool) — \($0.reason)" }.joined(separator: "; ")
        case .greenBookAppraisal:
            guard let attached = proposal.businessCase else { return "no business case is attached" }
            return attached.greenBookGaps.isEmpty
                ? nil
                : "the business case \(attached.id) falls short of the Green Book: "
                    + attached.greenBookGaps.joined(separator: "; ")
        case .section151(let threshold, let partner):
            let partner = partner ?? party
            guard let attached = proposal.businessCase else { return "no business case is attached" }
            var reasons: [String] = []
            if let determination = attached.determination(of: party) {
                if determination.outcome == .notAffordable {
                    reasons.append(
                        "\(party)'s Section 151 officer determined it not affordable: \(determination.reason)")
                }
            } else {
                reasons.append("\(party)'s Section 151 officer has recorded no determination")
            }
            if let breach = attached.breaches.first(where: { $0.partner == partner }) {
                if !(breach.probability < threshold) {
                    reasons.append(
                        "the probability that \(party)'s net cost (\(partner)) exceeds its headroom is "
                            + "\(Self.percent(breach.probability)), not under the threshold of \(Self.percent(threshold))"
                    )
                }
            } else {
                reasons.append("the financial case gives no breach probability for \(party) (\(partner))")
            }
            return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
        }
    }

    /// How the red line stands for `proposal`, in words: why it is met, breached or does not apply.
    public func judgement(of proposal: Proposal) -> (breached: Bool, why: String) {
        guard applies(to: proposal) else {
            return (false, "does not apply to this proposal (its kind or the day it was tabled)")
        }
        if let reason = breach(by: proposal) { return (true, reason) }
        switch condition {
        case .greenBookAppraisal:
            return (
                false,
                "the business case \(proposal.businessCase?.id ?? "") discounts at the STPR, applies optimism bias "
                    + "and tests sensitivity"
            )
        case .section151(let threshold, let partner):
            let partner = partner ?? party
            let probability = proposal.businessCase?.breaches.first { $0.partner == partner }?.probability ?? 0
            // The officer by office, not by username: judgements are shown on public pages.
            return (
                false,
                "\(party)'s Section 151 officer determined it affordable, and "
                    + "the breach probability \(Self.percent(probability)) is under \(Self.percent(threshold))"
            )
        default:
            return (false, "met")
        }
    }

    /// `0.123` as `12.3%`.
    static func percent(_ fraction: Double) -> String {
        let tenths = (fraction * 1000).rounded() / 10
        return "\(tenths.formatted())%"
    }
}

extension Double {
    fileprivate func formatted() -> String {
        self == rounded() ? String(Int(self)) : String(self)
    }
}
