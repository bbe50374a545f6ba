import ConcordatCore
import Foundation
import Governance

/// The rows one governance write puts in the store, worked out the same way for every adapter: each
/// adapter reads what it needs (the latest memorandum version, the decision's row, the register's last
/// entry) in its write transaction, asks here for the rows to write, and writes them with its own SQL.
/// The register's entry is built by `DecisionRegister.entry(after:_:at:)`, so the chain is Governance's.
enum RegisterWrite {
    /// The memorandum's row and the register draft recording its adoption, when its version follows
    /// `latestVersion` (nil when none is adopted yet).
    /// - Throws: ``StoreError`` `conflict` for a version out of turn; a text-limit refusal from the memorandum.
    static func adoption(
        of memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes, detail: String, latestVersion: Int?,
        at date: Date
    ) throws -> (record: MemorandumRecord, draft: DecisionRegister.Draft) {
        try memorandum.checkText()
        guard memorandum.version == (latestVersion ?? 0) + 1 else {
            throw StoreError.conflict("memorandum version", String(memorandum.version))
        }
        let record = MemorandumRecord(
            version: memorandum.version, document: try JSONEncoder().encode(memorandum),
            routes: try JSONEncoder().encode(routes), adoptedAt: date)
        return (record, .init(adopting: memorandum, detail: detail))
    }

    /// The decision `id`'s new row (keeping when it was first tabled), the record `change` made of the
    /// stored one (`row`, nil when there is none), and the register draft recording the change.
    /// - Throws: what `change` throws; a text-limit refusal; ``StoreError`` `conflict` when `change` returns
    ///   another decision.
    static func decisionChange(
        _ id: String, row: DecisionRecordRow?,
        _ change: (DecisionRecord?) throws -> (record: DecisionRecord, kind: DecisionRegister.Kind, detail: String),
        at date: Date
    ) throws -> (row: DecisionRecordRow, record: DecisionRecord, draft: DecisionRegister.Draft) {
        let (record, kind, detail) = try change(try row?.decision())
        try record.checkText()
        guard record.id == id else { throw StoreError.conflict("decision identifier", record.id) }
        let written = DecisionRecordRow(
            id: id, document: try JSONEncoder().encode(record), tabledAt: row?.tabledAt ?? date)
        return (written, record, .init(decision: record, kind: kind, detail: detail))
    }

    /// The register entry that `draft` appends after `last` (numbering and the hash chain continue from
    /// it), as its row, and the head record the register moves to.
    static func append(_ draft: DecisionRegister.Draft, after last: DecisionRegister.Entry?, at date: Date)
        -> (entry: RegisterEntryRecord, head: DecisionRegister.Head)
    {
        let entry = DecisionRegister.entry(after: last, draft, at: date)
        return (RegisterEntryRecord(entry), DecisionRegister.Head(count: entry.sequence, hash: entry.hash))
    }

    /// The error when moving the head record changed no row.
    static let headMissing = StoreError.corrupt("the register's head record is missing")
}
