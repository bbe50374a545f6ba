import ConcordatCore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Replaces the dataset in one transaction: a reader sees the old dataset or the new, never a mix.
    public func replaceDataset(_ dataset: IntegratedDataset, summary: DatasetSummary, cohort: [RiskCohortMember])
        async throws
    {
        let columns = DatasetColumns.encode(dataset)
        try await write { [self] connection in
            for table in ["dataset", "dataset_column", "dataset_practice"] {
                try await connection.query(PostgresQuery(unsafeSQL: "DELETE FROM \(table)"), logger: logger)
            }
            try await replaceCohort(cohort, connection)
            let record = DatasetRecord(summary)
            try await connection.query(
                """
                INSERT INTO dataset (fingerprint, importedAt, source, people, diagnoses, events, analysis)
                VALUES (\(record.fingerprint), \(record.importedAt), \(record.source), \(record.people),
                    \(record.diagnoses), \(record.events), \(record.analysis))
                """, logger: logger)
            for (name, data) in columns {
                try await connection.query(
                    "INSERT INTO dataset_column (name, data) VALUES (\(name), \(data))", logger: logger)
            }
            let practices = summary.peopleByPractice.sorted { $0.key < $1.key }
            try await connection.query(
                """
                INSERT INTO dataset_practice (practiceCode, people)
                SELECT * FROM unnest(\(practices.map(\.key))::text[], \(practices.map(\.value))::bigint[])
                """, logger: logger)
        }
    }

    /// The loaded dataset's summary, read in one snapshot.
    public func datasetSummary() async throws -> DatasetSummary? {
        try await read { [self] connection in
            guard let record = try await datasetRecord(connection) else { return nil }
            var byPractice: [String: Int] = [:]
            for row in try await rows("SELECT practiceCode, people FROM dataset_practice", connection) {
                let (code, people) = try row.decode((String, Int).self)

                byPractice[code] = people
            }
            return record.summary(peopleByPractice: byPractice)
        }
    }

    /// The loaded dataset, read in one snapshot and checked column by column.
    public func loadDataset() async throws -> IntegratedDataset? {
        let columns = try await read { [self] connection -> [String: Data]? in
            guard try await count("dataset", connection) > 0 else { return nil }
            var columns: [String: Data] = [:]
            for row in try await rows("SELECT name, data FROM dataset_column", connection) {
                let (name, data) = try row.decode((String, Data).self)

                columns[name] = data
            }
            return columns
        }
        return try columns.map(DatasetColumns.decode)
    }

    /// Replaces the analysis of the loaded dataset; throws `notFound` when it is not the one loaded.
    public func updateAnalysis(_ analysis: Data, cohort: [RiskCohortMember], fingerprint: String) async throws {
        try await write { [self] connection in
            let updated = try await rows(
                "UPDATE dataset SET analysis = \(analysis) WHERE fingerprint = \(fingerprint) RETURNING 1", connection
            ).map { try $0.decode(Int.self) }
            guard updated.count == 1 else { throw StoreError.notFound("dataset", fingerprint) }
            try await replaceCohort(cohort, connection)
        }
    }

    /// A practice's cohort, highest risk first.
    public func riskCohort(practice: String) async throws -> [RiskCohortMember] {
        try await readOne { [self] connection in
            var members: [RiskCohortMember] = []
            for row in try await rows(
                "SELECT personID, practice, risk, rank FROM risk_cohort WHERE practice = \(practice) ORDER BY rank",
                connection
            ) {
                let (person, practice, risk, rank) = try row.decode((String, String, Double, Int).self)

                members.append(RiskCohortMember(personID: person, practice: practice, risk: risk, rank: rank))
            }
            return members
        }
    }

    private func replaceCohort(_ cohort: [RiskCohortMember], _ connection: PostgresConnection) async throws {
        try await connection.query("DELETE FROM risk_cohort", logger: logger)
        guard !cohort.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO risk_cohort (personID, practice, risk, rank)
            SELECT * FROM unnest(\(cohort.map(\.personID))::text[], \(cohort.map(\.practice))::text[],
                \(cohort.map(\.risk))::float8[], \(cohort.map(\.rank))::bigint[])
            """, logger: logger)
    }

    private func datasetRecord(_ connection: PostgresConnection) async throws -> DatasetRecord? {
        for row in try await rows(
            "SELECT fingerprint, importedAt, source, people, diagnoses, events, analysis FROM dataset LIMIT 1",
            connection
        ) {
            let (fingerprint, importedAt, source, people, diagnoses, events, analysis) = try row.decode(
                (String, Date, String, Int, Int, Int, Data?).self)

            return DatasetRecord(
                fingerprint: fingerprint, importedAt: importedAt, source: source, people: people,
                diagnoses: diagnoses, events: events, analysis: analysis)
        }
        return nil
    }
}
