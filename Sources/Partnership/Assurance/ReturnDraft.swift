import Foundation

/// An assurance return as a place's organisation drafts it, before it is checked: every field may be
/// missing or wrong, and ``ReturnDesk/submit(_:in:by:at:)`` says which.
public struct ReturnDraft: Sendable, Hashable {
    /// One indicator's value for the month.
    public struct Value: Sendable, Hashable {
        /// The indicator's code in the catalogue.
        public var indicator: String?
        /// The value (NaN or infinite is refused).
        public var value: Double?

        /// Makes a value.
        public init(indicator: String?, value: Double?) {
            self.indicator = indicator
            self.value = value
        }
    }

    /// The place the return is for (a child of the system's root).
    public var place: String?
    /// The month, `YYYY-MM`.
    public var month: String?
    /// The indicators' values.
    public var values: [Value]
    /// What the values mean (required).
    public var narrative: String?
    /// What is being done about them.
    public var actions: String?

    /// Makes a draft.
    public init(place: String?, month: String?, values: [Value], narrative: String?, actions: String?) {
        self.place = place
        self.month = month
        self.values = values
        self.narrative = narrative
        self.actions = actions
    }
}
