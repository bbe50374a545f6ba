import Foundation
import GRDB

extension SQLiteStore {
    /// Records a new scenario, queued.
    public func addScenario(_ draft: StoredScenario.Draft) async throws -> StoredScenario {
        let definition = String(decoding: draft.definition, as: UTF8.self)
        let id = try await writer.write { db -> Int64 in
            try db.execute(
                sql: """
                    INSERT INTO scenario (name, definition, author, organisation, createdAt, status, progress)
                    VALUES (?, ?, ?, ?, ?, 'queued', 0)
                    """,
                arguments: [draft.name, definition, draft.author, draft.organisation, draft.createdAt])
            return db.lastInsertedRowID
        }
        return StoredScenario(
            id: id, name: draft.name, definition: draft.definition, author: draft.author,
            organisation: draft.organisation, createdAt: draft.createdAt, status: .queued, progress: 0, failure: nil,
            results: nil)
    }

    /// Every scenario, newest first.
    public func scenarios() async throws -> [StoredScenario] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.scenarioColumns) FROM scenario ORDER BY id DESC").map(
                Self.scenario)
        }
    }

    /// One scenario, or `nil`.
    public func scenario(id: Int64) async throws -> StoredScenario? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.scenarioColumns) FROM scenario WHERE id = ?", arguments: [id])
                .map(Self.scenario)
        }
    }

    /// Records where a scenario's run stands; `notFound` when there is no such scenario.
    @discardableResult public func updateScenario(_ id: Int64, _ update: StoredScenario.Update) async throws
        -> StoredScenario
    {
        let results = update.results.map { String(decoding: $0, as: UTF8.self) }
        return try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE scenario SET status = ?, progress = ?, failure = ?, results = ?
                    WHERE id = ? AND status <> 'cancelled'
                    """,
                arguments: [update.status.rawValue, update.progress, update.failure, results, id])
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(Self.scenarioColumns) FROM scenario WHERE id = ?", arguments: [id])
            else { throw StoreError.notFound("scenario", String(id)) }
            return try Self.scenario(row)
        }
    }

    /// Cancels a queued or running scenario; any other is left as it is. `notFound` when there is none.
    @discardableResult public func cancelScenario(_ id: Int64, reason: String) async throws -> StoredScenario {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE scenario SET status = 'cancelled', progress = 0, failure = ?, results = NULL
                    WHERE id = ? AND status IN ('queued', 'running')
                    """,
                arguments: [reason, id])
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(Self.scenarioColumns) FROM scenario WHERE id = ?", arguments: [id])
            else { throw StoreError.notFound("scenario", String(id)) }
            return try Self.scenario(row)
        }
    }

    static let scenarioColumns =
        "id, name, definition, author, organisation, createdAt, status, progress, failure, results"

    static func scenario(_ row: Row) throws -> StoredScenario {
        let status: String = row["status"]
        guard let known = StoredScenario.Status(rawValue: status) else {
            throw StoreError.corrupt("scenario \(row["id"] as Int64) has an unknown status '\(status)'")
        }
        return StoredScenario(
            id: row["id"], name: row["name"], definition: Data((row["definition"] as String).utf8),
            author: row["author"], organisation: row["organisation"], createdAt: row["createdAt"], status: known,
            progress: row["progress"], failure: row["failure"],
            results: (row["results"] as String?).map { Data($0.utf8) })
    }

    /// Migration v17: scenarios, their runs' status and their results.
    static func registerScenarioMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v17: scenarios") { db in
            try db.execute(
                sql: """
                    CREATE TABLE scenario (
                        id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, definition TEXT NOT NULL,
                        author TEXT NOT NULL, organisation TEXT, createdAt DATETIME NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
                        progress DOUBLE NOT NULL DEFAULT 0, failure TEXT, results TEXT)
                    """)
        }
    }

    /// Migration v20: a scenario may be `cancelled`. SQLite cannot change a column's check, so the table
    /// is made again with the wider one and its rows copied, identifiers kept.
    static func registerScenarioCancelMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v20: cancelled scenarios") { db in
            try db.execute(
                sql: """
                    CREATE TABLE scenario_v20 (
                        id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, definition TEXT NOT NULL,
                        author TEXT NOT NULL, organisation TEXT, createdAt DATETIME NOT NULL,
                        status TEXT NOT NULL
                            CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
                        progress DOUBLE NOT NULL DEFAULT 0, failure TEXT, results TEXT);
                    INSERT INTO scenario_v20 (\(scenarioColumns)) SELECT \(scenarioColumns) FROM scenario;
                    DROP TABLE scenario;
                    ALTER TABLE scenario_v20 RENAME TO scenario;
                    """)
        }
    }
}
