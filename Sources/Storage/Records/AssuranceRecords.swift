import Assurance
import Foundation
import GRDB

/// The `indicator_value` table: one value per indicator, subject and month; `subject` is the subject's kind
/// (`area` or `organisation`, migration v16) and `area` its code.
struct IndicatorValueRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "indicator_value"
    var indicator: String
    var subject: String
    var area: String
    var month: String
    var value: Double
    var numerator: Double?
    var denominator: Double?

    func indicatorValue() throws -> IndicatorValue {
        guard let kind = IndicatorSubject.Kind(rawValue: subject) else {
            throw StoreError.corrupt(
                "indicator value \(indicator) \(area) \(month) has an unknown subject '\(subject)'")
        }
        return IndicatorValue(
            indicator: indicator, subject: IndicatorSubject(kind: kind, code: area), month: month, value: value,
            numerator: numerator, denominator: denominator)
    }
}

extension IndicatorValueRecord {
    init(_ value: IndicatorValue) {
        indicator = value.indicator
        subject = value.subject.kind.rawValue
        area = value.subject.code
        month = value.month
        self.value = value.value
        numerator = value.numerator
        denominator = value.denominator
    }
}

/// The `assurance_return` table: places' monthly returns, their values as JSON.
struct AssuranceReturnRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "assurance_return"
    var id: Int64?
    var place: String
    var month: String
    var values: Data
    var narrative: String
    var actions: String
    var status: String
    var submittedBy: String
    var submittedAt: Date
    var reviewedBy: String?
    var reviewNote: String?

    func assuranceReturn() throws -> AssuranceReturn {
        guard let status = AssuranceReturn.Status(rawValue: status) else {
            throw StoreError.corrupt("return \(id ?? 0) has an unknown status '\(status)'")
        }
        return AssuranceReturn(
            id: id, place: place, month: month, values: try JSONDecoder().decode([IndicatorValue].self, from: values),
            narrative: narrative, actions: actions, status: status, submittedBy: submittedBy, submittedAt: submittedAt,
            reviewedBy: reviewedBy, reviewNote: reviewNote)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AssuranceReturnRecord {
    init(_ value: AssuranceReturn) throws {
        id = value.id
        place = value.place
        month = value.month
        values = try JSONEncoder().encode(value.values)
        narrative = value.narrative
        actions = value.actions
        status = value.status.rawValue
        submittedBy = value.submittedBy
        submittedAt = value.submittedAt
        reviewedBy = value.reviewedBy
        reviewNote = value.reviewNote
    }
}

/// The `escalation` table: exceptions raised to the system commissioner.
struct EscalationRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "escalation"
    var id: Int64?
    var indicator: String
    var area: String
    var month: String
    var reason: String
    var detail: String
    var returnID: Int64?
    var status: String
    var raisedAt: Date

    func escalation() throws -> Escalation {
        guard let reason = Escalation.Reason(rawValue: reason), let status = Escalation.Status(rawValue: status) else {
            throw StoreError.corrupt("escalation \(id ?? 0) has an unknown reason or status")
        }
        return Escalation(
            id: id, indicator: indicator, area: area, month: month, reason: reason, detail: detail, returnID: returnID,
            status: status, raisedAt: raisedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension EscalationRecord {
    init(_ value: Escalation) {
        id = value.id
        indicator = value.indicator
        area = value.area
        month = value.month
        reason = value.reason.rawValue
        detail = value.detail
        returnID = value.returnID
        status = value.status.rawValue
        raisedAt = value.raisedAt
    }
}
