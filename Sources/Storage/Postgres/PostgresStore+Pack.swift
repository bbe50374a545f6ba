import Foundation
import PostgresNIO

extension PostgresStore {
    /// Replaces the stored pack.
    public func savePack(_ pack: StoredPack) async throws {
        let text = String(decoding: pack.document, as: UTF8.self)
        try await write { [self] connection in
            try await connection.query(
                """
                INSERT INTO system_pack (id, format, document) VALUES (1, \(pack.format), \(text))
                ON CONFLICT (id) DO UPDATE SET format = EXCLUDED.format, document = EXCLUDED.document
                """, logger: logger)
        }
    }

    /// The stored pack, or `nil`.
    public func pack() async throws -> StoredPack? {
        try await readOne { [self] connection -> StoredPack? in
            guard let row = try await rows("SELECT format, document FROM system_pack WHERE id = 1", connection).first
            else { return nil }
            let (format, document) = try row.decode((Int, String).self)
            return StoredPack(format: format, document: Data(document.utf8))
        }
    }

    /// Migration v13: the system pack, one row.
    static let packMigration = (
        name: "v13: system pack",
        sql:
            "CREATE TABLE system_pack (id bigint PRIMARY KEY CHECK (id = 1), format bigint NOT NULL, document text NOT NULL);"
    )
}
