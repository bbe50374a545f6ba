/// A risk as an organisation puts it on the register, before it is checked: scores are the raw 1–5
/// likelihood and consequence given, so that ``RiskRegister/add(_:in:by:on:)`` can say which is wrong.
public struct RiskDraft: Sendable, Hashable {
    /// A likelihood and a consequence, each to be scored 1 to 5.
    public struct Score: Sendable, Hashable {
        /// How likely, 1 (rare) to 5 (almost certain).
        public var likelihood: Int
        /// How bad, 1 (negligible) to 5 (catastrophic).
        public var consequence: Int

        /// Makes a score.
        public init(likelihood: Int, consequence: Int) {
            self.likelihood = likelihood
            self.consequence = consequence
        }
    }

    /// The risk's reference.
    public var id: String
    /// What could happen.
    public var title: String
    /// The named person who owns it.
    public var owner: String
    /// The owning organisation's code; `nil` for the actor's own organisation.
    public var ownerOrganisation: String?
    /// The area it is held in.
    public var area: String
    /// The controls in place.
    public var controls: String
    /// The actions planned.
    public var actions: String
    /// The score before controls.
    public var inherent: Score
    /// The score now.
    public var current: Score
    /// The score aimed for.
    public var target: Score

    /// Makes a draft.
    public init(
        id: String, title: String, owner: String, ownerOrganisation: String?, area: String, controls: String,
        actions: String, inherent: Score, current: Score, target: Score
    ) {
        self.id = id
        self.title = title
        self.owner = owner
        self.ownerOrganisation = ownerOrganisation
        self.area = area
        self.controls = controls
        self.actions = actions
        self.inherent = inherent
        self.current = current
        self.target = target
    }
}
