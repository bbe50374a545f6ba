import Foundation
import PostgresNIO

extension PostgresStore {
    /// Records a new scenario, queued.
    public func addScenario(_ draft: StoredScenario.Draft) async throws -> StoredScenario {
        let definition = String(decoding: draft.definition, as: UTF8.self)
        let id = try await write { [self] connection -> Int64 in
            let inserted = try await rows(
                """
                INSERT INTO scenario (name, definition, author, organisation, createdAt, status, progress)
                VALUES (\(draft.name), \(definition), \(draft.author), \(draft.organisation), \(draft.createdAt),
                    'queued', 0) RETURNING id
                """, connection)
            return try inserted[0].decode(Int64.self)
        }
        return StoredScenario(
            id: id, name: draft.name, definition: draft.definition, author: draft.author,
            organisation: draft.organisation, createdAt: draft.createdAt, status: .queued, progress: 0, failure: nil,
            results: nil)
    }

    /// Every scenario, newest first.
    public func scenarios() async throws -> [StoredScenario] {
        try await readOne { [self] connection in
            try await rows("SELECT \(unescaped: Self.scenarioColumns) FROM scenario ORDER BY id DESC", connection)
                .map(Self.scenario)
        }
    }

    /// One scenario, or `nil`.
    public func scenario(id: Int64) async throws -> StoredScenario? {
        try await readOne { [self] connection in
            try await rows("SELECT \(unescaped: Self.scenarioColumns) FROM scenario WHERE id = \(id)", connection)
                .first.map(Self.scenario)
        }
    }

    /// Records where a scenario's run stands; `notFound` when there is no such scenario.
    @discardableResult public func updateScenario(_ id: Int64, _ update: StoredScenario.Update) async throws
        -> StoredScenario
    {
        let results = update.results.map { String(decoding: $0, as: UTF8.self) }
        return try await write { [self] connection in
            let updated = try await rows(
                """
                UPDATE scenario SET status = \(update.status.rawValue), progress = \(update.progress),
                    failure = \(update.failure), results = \(results)
                WHERE id = \(id) AND status <> 'cancelled' RETURNING \(unescaped: Self.scenarioColumns)
                """, connection)
            return try await scenarioAsItStands(id, updated, connection)
        }
    }

    /// Cancels a queued or running scenario; any other is left as it is. `notFound` when there is none.
    @discardableResult public func cancelScenario(_ id: Int64, reason: String) async throws -> StoredScenario {
        try await write { [self] connection in
            let cancelled = try await rows(
                """
                UPDATE scenario SET status = 'cancelled', progress = 0, failure = \(reason), results = NULL
                WHERE id = \(id) AND status IN ('queued', 'running') RETURNING \(unescaped: Self.scenarioColumns)
                """, connection)
            return try await scenarioAsItStands(id, cancelled, connection)
        }
    }

    /// The row an update returned, or (when its condition left the scenario as it was) the scenario as it
    /// stands; `notFound` when there is none.
    private func scenarioAsItStands(_ id: Int64, _ changed: [PostgresRow], _ connection: PostgresConnection)
        async throws -> StoredScenario
    {
        if let row = changed.first { return try Self.scenario(row) }
        guard
            let row = try await rows(
                "SELECT \(unescaped: Self.scenarioColumns) FROM scenario WHERE id = \(id)", connection
            ).first
        else { throw StoreError.notFound("scenario", String(id)) }
        return try Self.scenario(row)
    }

    static let scenarioColumns =
        "id, name, definition, author, organisation, createdAt, status, progress, failure, results"

    static func scenario(_ row: PostgresRow) throws -> StoredScenario {
        let (id, name, definition, author, organisation, createdAt, status, progress, failure, results) =
            try row.decode((Int64, String, String, String, String?, Date, String, Double, String?, String?).self)
        guard let known = StoredScenario.Status(rawValue: status) else {
            throw StoreError.corrupt("scenario \(id) has an unknown status '\(status)'")
        }
        return StoredScenario(
            id: id, name: name, definition: Data(definition.utf8), author: author, organisation: organisation,
            createdAt: createdAt, status: known, progress: progress, failure: failure,
            results: results.map { Data($0.utf8) })
    }

    /// Migration v17: scenarios, their runs' status and their results.
    static let scenarioMigration = (
        name: "v17: scenarios",
        sql: """
        CREATE TABLE scenario (
            id bigserial PRIMARY KEY, name text NOT NULL, definition text NOT NULL, author text NOT NULL,
            organisation text, createdAt timestamptz NOT NULL,
            status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
            progress double precision NOT NULL DEFAULT 0, failure text, results text);
        """
    )

    /// Migration v20: a scenario may be `cancelled` (the column's check is made again with it).
    static let scenarioCancelMigration = (
        name: "v20: cancelled scenarios",
        sql: """
        ALTER TABLE scenario DROP CONSTRAINT IF EXISTS scenario_status_check;
        ALTER TABLE scenario ADD CONSTRAINT scenario_status_check
            CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled'));
        """
    )
}
