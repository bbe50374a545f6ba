import Foundation
import GRDB

extension SQLiteStore {
    /// Replaces the stored pack.
    public func savePack(_ pack: StoredPack) async throws {
        let text = String(decoding: pack.document, as: UTF8.self)
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO system_pack (id, format, document) VALUES (1, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET format = excluded.format, document = excluded.document
                    """, arguments: [pack.format, text])
        }
    }

    /// The stored pack, or `nil`.
    public func pack() async throws -> StoredPack? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT format, document FROM system_pack WHERE id = 1").map { row in
                StoredPack(format: row["format"], document: Data((row["document"] as String).utf8))
            }
        }
    }

    /// Migration v13: the system pack, one row.
    static func registerPackMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v13: system pack") { db in
            try db.execute(
                sql: """
                    CREATE TABLE system_pack (
                        id INTEGER PRIMARY KEY CHECK (id = 1), format INTEGER NOT NULL, document TEXT NOT NULL)
                    """)
        }
    }
}
