import Assurance
import ConcordatCore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Saves values (replacing any for the same indicator, area and month) in one transaction.
    public func saveIndicatorValues(_ values: [IndicatorValue]) async throws {
        try await write { [self] connection in try await save(values, connection) }
    }

    /// Every indicator value.
    public func indicatorValues() async throws -> [IndicatorValue] {
        try await readOne { [self] connection in
            try await rows(
                """
                SELECT indicator, subject, area, month, value, numerator, denominator FROM indicator_value
                ORDER BY indicator, subject, area, month
                """, connection
            ).map { row in
                let v = try row.decode((String, String, String, String, Double, Double?, Double?).self)
                return try IndicatorValueRecord(
                    indicator: v.0, subject: v.1, area: v.2, month: v.3, value: v.4, numerator: v.5, denominator: v.6
                ).indicatorValue()
            }
        }
    }

    /// Records a return with its values and escalations in one transaction.
    public func submitReturn(_ submitted: AssuranceReturn, escalations: [Escalation]) async throws -> AssuranceReturn {
        try submitted.checkText()
        let template = try AssuranceReturnRecord(submitted)
        return try await write { [self] connection in
            var record = template
            record.id = try await rows(
                """
                INSERT INTO assurance_return (place, month, "values", narrative, actions, status, submittedBy,
                    submittedAt, reviewedBy, reviewNote)
                VALUES (\(record.place), \(record.month), \(record.values), \(record.narrative), \(record.actions),
                    \(record.status), \(record.submittedBy), \(record.submittedAt), \(record.reviewedBy),
                    \(record.reviewNote))
                RETURNING id
                """, connection
            ).map { try $0.decode(Int64.self) }.first
            try await save(submitted.values, connection)
            for escalation in escalations {
                var row = EscalationRecord(escalation)
                row.returnID = record.id
                try await connection.query(
                    """
                    INSERT INTO escalation (indicator, area, month, reason, detail, returnID, status, raisedAt)
                    VALUES (\(row.indicator), \(row.area), \(row.month), \(row.reason), \(row.detail),
                        \(row.returnID), \(row.status), \(row.raisedAt))
                    """, logger: logger)
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
        return try await write { [self] connection in
            guard
                let record = try await returns(
                    connection,
                    """
                    UPDATE assurance_return SET status = \(status.rawValue), reviewedBy = \(reviewer),
                        reviewNote = \(note)
                    WHERE id = \(id)
                    RETURNING \(unescaped: Self.returnColumns)
                    """
                ).first
            else {
                throw StoreError.notFound("assurance return", String(id))
            }
            return try record.assuranceReturn()
        }
    }

    /// Every return, newest first.
    public func assuranceReturns() async throws -> [AssuranceReturn] {
        try await readOne { [self] connection in
            try await returns(
                connection, "SELECT \(unescaped: Self.returnColumns) FROM assurance_return ORDER BY id DESC"
            ).map { try $0.assuranceReturn() }
        }
    }

    /// Every escalation, newest first.
    public func escalations() async throws -> [Escalation] {
        try await readOne { [self] connection in
            try await rows(
                """
                SELECT id, indicator, area, month, reason, detail, returnID, status, raisedAt FROM escalation
                ORDER BY id DESC
                """, connection
            ).map { row in
                let v = try row.decode((Int64, String, String, String, String, String, Int64?, String, Date).self)
                return try EscalationRecord(
                    id: v.0, indicator: v.1, area: v.2, month: v.3, reason: v.4, detail: v.5, returnID: v.6,
                    status: v.7, raisedAt: v.8
                ).escalation()
            }
        }
    }

    private static let returnColumns = """
        id, place, month, "values", narrative, actions, status, submittedBy, submittedAt, reviewedBy, reviewNote
        """

    private func returns(_ connection: PostgresConnection, _ query: PostgresQuery) async throws
        -> [AssuranceReturnRecord]
    {
        try await rows(
            query, connection
        ).map { row in
            let v = try row.decode(
                (Int64, String, String, Data, String, String, String, String, Date, String?, String?).self)
            return AssuranceReturnRecord(
                id: v.0, place: v.1, month: v.2, values: v.3, narrative: v.4, actions: v.5, status: v.6,
                submittedBy: v.7, submittedAt: v.8, reviewedBy: v.9, reviewNote: v.10)
        }
    }

    private func save(_ values: [IndicatorValue], _ connection: PostgresConnection) async throws {
        for value in values {
            try await connection.query(
                """
                INSERT INTO indicator_value (indicator, subject, area, month, value, numerator, denominator)
                VALUES (\(value.indicator), \(value.subject.kind.rawValue), \(value.subject.code), \(value.month),
                    \(value.value), \(value.numerator), \(value.denominator))
                ON CONFLICT (indicator, subject, area, month) DO UPDATE SET value = excluded.value,
                    numerator = excluded.numerator, denominator = excluded.denominator
                """, logger: logger)
        }
    }
}
