/// What a proposal carries of the business case attached to it: enough to judge the Green Book and
/// Section 151 red lines when it is voted on, kept with the decision so the record shows what it was
/// judged on.
public struct AttachedBusinessCase: Sendable, Hashable, Codable {
    /// A partner's probability of breaching its headroom.
    public struct Breach: Sendable, Hashable, Codable {
        /// The partner's code.
        public var partner: String
        /// The share of runs above its headroom.
        public var probability: Double

        /// Makes a breach probability.
        public init(partner: String, probability: Double) {
            self.partner = partner
            self.probability = probability
        }
    }

    /// The case's reference.
    public var id: String
    /// Its title.
    public var title: String
    /// What its economic appraisal lacks of the Green Book standard (empty: discounted, optimism bias
    /// applied, sensitivity tested).
    public var greenBookGaps: [String]
    /// Each partner's breach probability from the financial case.
    public var breaches: [Breach]
    /// The Section 151 determinations recorded on it, oldest first.
    public var determinations: [Section151Determination]

    /// Makes an attachment.
    public init(
        id: String, title: String, greenBookGaps: [String], breaches: [Breach],
        determinations: [Section151Determination]
    ) {
        self.id = id
        self.title = title
        self.greenBookGaps = greenBookGaps
        self.breaches = breaches
        self.determinations = determinations
    }

    /// The latest determination recorded for `council`.
    public func determination(of council: String) -> Section151Determination? {
        determinations.last { $0.council == council }
    }
}
