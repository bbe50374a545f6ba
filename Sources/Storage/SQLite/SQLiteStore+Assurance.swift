import Assurance
import ConcordatCore
import Foundation
import GRDB

extension SQLiteStore {
    /// Saves values in one transaction.
    public func saveIndicatorValues(_ values: [IndicatorValue]) async throws {
        try await writer.write { db in for value in values { try IndicatorValueRecord(value).save(db) } }
    }

    /// Every indicator value.
    public func indicatorValues() async throws -> [IndicatorValue] {
        try await writer.read { db in
            try IndicatorValueRecord.order(Column("indicator"), Column("subject"), Column("area"), Column("month"))
                .fetchAll(db).map { try $0.indicatorValue() }
        }
    }

    /// Records a return with its values and escalations in one transaction.
    public func submitReturn(_ submitted: AssuranceReturn, escalations: [Escalation]) async throws -> AssuranceReturn {
        try submitted.checkText()
        var fresh = try AssuranceReturnRecord(submitted)
        fresh.id = nil
        let template = fresh
        return try await writer.write { db in
            var record = template
            try record.insert(db)
            for value in submitted.values { try IndicatorValueRecord(value).save(db) }
            for escalation in escalations {
                var row = EscalationRecord(escalation)
                row.returnID = record.id
                try row.insert(db)
            }
            return try record.assuranceReturn()
        }
    }

    /// Records a review; `notFound` for no such return.
    public func reviewReturn(id: Int64, status: AssuranceReturn.Status, by reviewer: String, note: String?) async throws
        -> AssuranceReturn
    {
        try TextLimit.name.check(reviewer, field: "reviewedBy")
        if let note { try TextLimit.text.check(note, field: "note") }
        return try await writer.write { db in
            guard var record = try AssuranceReturnRecord.fetchOne(db, key: id) else {
                throw StoreError.notFound("assurance return", String(id))
            }
            record.status = status.rawValue
            record.reviewedBy = reviewer
            record.reviewNote = note
            try record.update(db)
            return try record.assuranceReturn()
        }
    }

    /// Every return, newest first.
    public func assuranceReturns() async throws -> [AssuranceReturn] {
        try await writer.read { db in
            try AssuranceReturnRecord.order(Column("id").desc).fetchAll(db).map { try $0.assuranceReturn() }
        }
    }

    /// Every escalation, newest first.
    public func escalations() async throws -> [Escalation] {
        try await writer.read { db in
            try EscalationRecord.order(Column("id").desc).fetchAll(db).map { try $0.escalation() }
        }
    }
}
