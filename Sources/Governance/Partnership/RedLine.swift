/// A condition a party has set on what it will agree to, checked when a proposal is tabled. The county
/// council's, in the seed papers: a business case to HM Treasury Green Book standard; no social care money
/// spent outside social care or outside the council's area; exit arrangements in place before any joint
/// arrangement.
public struct RedLine: Sendable, Hashable, Codable {
    /// What is checked.
    public enum Condition: Sendable, Hashable, Codable {
        /// A business case to HM Treasury Green Book standard is attached.
        case greenBookBusinessCase
        /// Exit arrangements exist before entering a joint arrangement.
        case exitArrangementsBeforeJointArrangement
        /// No spend from these pools outside their ring-fences (checked against Finance pools).
        case ringFencedPools([String])
    }

    /// The party that drew it.
    public var party: String
    /// Its name, quoted when it blocks a vote.
    public var name: String
    /// What is checked.
    public var condition: Condition

    /// Makes a red line.
    public init(party: String, name: String, condition: Condition) {
        self.party = party
        self.name = name
        self.condition = condition
    }

    /// Why `proposal` breaches this red line, or `nil` if it does not.
    public func breach(by proposal: Proposal) -> String? {
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
        }
    }
}
