import Foundation

/// A place's monthly assurance return to the system commissioner: its values for the month, what they
/// mean (narrative) and what it is doing (actions). The commissioner accepts it or asks for more.
public struct AssuranceReturn: Sendable, Hashable, Codable, Identifiable {
    /// Where a return stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Submitted, awaiting review.
        case submitted
        /// Accepted by the system commissioner.
        case accepted
        /// The commissioner asked for more information; the place resubmits.
        case moreInformationRequested = "more-information-requested"
    }

    /// The stored identifier (`nil` before it is stored).
    public var id: Int64?
    /// The place's code.
    public var place: String
    /// The month reported, `YYYY-MM`.
    public var month: String
    /// The values reported.
    public var values: [IndicatorValue]
    /// What the values mean, in the place's words.
    public var narrative: String
    /// What the place is doing about them.
    public var actions: String
    /// Where it stands.
    public var status: Status
    /// Who submitted it.
    public var submittedBy: String
    /// When.
    public var submittedAt: Date
    /// Who reviewed it, if anyone has.
    public var reviewedBy: String?
    /// The reviewer's note (what more is needed, or why it is accepted).
    public var reviewNote: String?

    /// Makes a return.
    public init(
        id: Int64? = nil, place: String, month: String, values: [IndicatorValue], narrative: String, actions: String,
        status: Status = .submitted, submittedBy: String, submittedAt: Date, reviewedBy: String? = nil,
        reviewNote: String? = nil
    ) {
        self.id = id
        self.place = place
        self.month = month
        self.values = values
        self.narrative = narrative
        self.actions = actions
        self.status = status
        self.submittedBy = submittedBy
        self.submittedAt = submittedAt
        self.reviewedBy = reviewedBy
        self.reviewNote = reviewNote
    }
}

/// An exception raised to the system commissioner, the partnership's "point of escalation": an
/// indicator showing special cause concern, or a target it will consistently fail. Escalations have the
/// fields of a risk-register entry so they can land in it.
public struct Escalation: Sendable, Hashable, Codable, Identifiable {
    /// Why it was raised.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The latest point shows special cause concern.
        case specialCauseConcern = "special-cause-concern"
        /// The process will consistently fail its target.
        case consistentlyFailing = "consistently-failing"
    }

    /// Where it stands.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Open: awaiting the commissioner.
        case open
        /// Closed.
        case closed
    }

    /// The stored identifier.
    public var id: Int64?
    /// The indicator.
    public var indicator: String
    /// The area.
    public var area: String
    /// The month it was raised for.
    public var month: String
    /// Why.
    public var reason: Reason
    /// What was seen, in words.
    public var detail: String
    /// The return that raised it, if one did.
    public var returnID: Int64?
    /// Where it stands.
    public var status: Status
    /// When it was raised.
    public var raisedAt: Date

    /// Makes an escalation.
    public init(
        id: Int64? = nil, indicator: String, area: String, month: String, reason: Reason, detail: String,
        returnID: Int64? = nil, status: Status = .open, raisedAt: Date
    ) {
        self.id = id
        self.indicator = indicator
        self.area = area
        self.month = month
        self.reason = reason
        self.detail = detail
        self.returnID = returnID
        self.status = status
        self.raisedAt = raisedAt
    }
}
