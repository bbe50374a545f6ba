import ConcordatCore
import Foundation
import GRDB

extension SQLiteStore {
    /// Replaces the dataset in one transaction: a reader sees the old dataset or the new, never a mix.
    public func replaceDataset(_ dataset: IntegratedDataset, summary: DatasetSummary, cohort: [RiskCohortMember])
        async throws
    {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM dataset; DELETE FROM dataset_column; DELETE FROM dataset_practice;")
            try db.execute(sql: "DELETE FROM risk_cohort")
            for member in cohort { try RiskCohortRecord(member).insert(db) }
            try DatasetRecord(summary).insert(db)
            // Each column is bound in place, not copied first: SQLite takes its own copy, one column at a time.
            try DatasetColumns.forEachColumn(of: dataset) { name, bytes in
                let data =
                    bytes.isEmpty
                    ? Data()
                    : Data(
                        bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes.baseAddress!), count: bytes.count,
                        deallocator: .none)
                try DatasetColumnRecord(name: name, data: data).insert(db)
            }
            for (code, people) in summary.peopleByPractice {
                try DatasetPracticeRecord(practiceCode: code, people: people).insert(db)
            }
        }
    }

    /// The loaded dataset's summary, read in one transaction.
    public func datasetSummary() async throws -> DatasetSummary? {
        try await writer.read { db in
            guard let record = try DatasetRecord.fetchOne(db) else { return nil }
            var byPractice: [String: Int] = [:]
            for row in try DatasetPracticeRecord.fetchAll(db) { byPractice[row.practiceCode] = row.people }
            return record.summary(peopleByPractice: byPractice)
        }
    }

    /// The loaded dataset, read in one transaction and checked column by column.
    public func loadDataset() async throws -> IntegratedDataset? {
        let columns = try await writer.read { db -> [String: Data]? in
            guard try DatasetRecord.fetchCount(db) > 0 else { return nil }
            var columns: [String: Data] = [:]
            for record in try DatasetColumnRecord.fetchAll(db) { columns[record.name] = record.data }
            return columns
        }
        return try columns.map(DatasetColumns.decode)
    }

    /// Replaces the analysis of the loaded dataset; throws `notFound` when it is not the one loaded.
    public func updateAnalysis(_ analysis: Data, cohort: [RiskCohortMember], fingerprint: String) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE dataset SET analysis = ? WHERE fingerprint = ?", arguments: [analysis, fingerprint])
            guard db.changesCount == 1 else { throw StoreError.notFound("dataset", fingerprint) }
            try db.execute(sql: "DELETE FROM risk_cohort")
            for member in cohort { try RiskCohortRecord(member).insert(db) }
        }
    }

    /// A practice's cohort, highest risk first.
    public func riskCohort(practice: String) async throws -> [RiskCohortMember] {
        try await writer.read { db in
            try RiskCohortRecord.filter(Column("practice") == practice).order(Column("rank")).fetchAll(db).map(\.member)
        }
    }
}
