import ConcordatCore
import Finance
import Foundation
import PostgresNIO

extension PostgresStore {
    /// The pools, by code.
    public func pools() async throws -> [Pool] {
        try await readOne { [self] connection in
            try await rows("SELECT code, document FROM pool ORDER BY code", connection).map { row in
                let v = try row.decode((String, Data).self)
                return try PoolRecord(code: v.0, document: v.1).pool()
            }
        }
    }

    /// Adds or replaces a pool; a pool with payments cannot be replaced (`conflict`).
    public func savePool(_ pool: Pool) async throws {
        let record = try PoolRecord(pool)
        try await write { [self] connection in
            guard try await payments(of: pool.code, connection).isEmpty else {
                throw StoreError.conflict("pool with payments", pool.code)
            }
            try await connection.query(
                """
                INSERT INTO pool (code, document) VALUES (\(record.code), \(record.document))
                ON CONFLICT (code) DO UPDATE SET document = excluded.document
                """, logger: logger)
        }
    }

    /// A pool's account, read in one snapshot.
    public func poolAccount(code: String) async throws -> PoolAccount {
        try await read { [self] connection in try await account(code: code, connection) }
    }

    /// Records the payment `admit` admits to the account read in the same write transaction (under the
    /// write lock), so two payments can never together break a rule that each keeps alone.
    public func recordPayment(from code: String, admitting admit: @Sendable (PoolAccount) throws -> PoolAccount)
        async throws -> PoolAccount
    {
        try await withoutActuallyEscaping(admit) { admit in
            try await write { [self] connection in
                let account = try await account(code: code, connection)
                let admitted = try admit(account)
                let record = PoolPaymentRecord(try account.paymentAdded(in: admitted), recordedAt: Date())
                try await connection.query(
                    """
                    INSERT INTO pool_payment (pool, partner, setting, area, month, amountPence, description, recordedAt)
                    VALUES (\(record.pool), \(record.partner), \(record.setting), \(record.area), \(record.month),
                        \(record.amountPence), \(record.description), \(record.recordedAt))
                    """, logger: logger)
                return admitted
            }
        }
    }

    private func account(code: String, _ connection: PostgresConnection) async throws -> PoolAccount {
        let found = try await rows("SELECT code, document FROM pool WHERE code = \(code)", connection)
        guard let row = found.first else { throw StoreError.notFound("pool", code) }
        let (_, document) = try row.decode((String, Data).self)
        return try PoolRecord(code: code, document: document).account(
            payments: try await payments(of: code, connection))
    }

    private func payments(of pool: String, _ connection: PostgresConnection) async throws -> [PoolPaymentRecord] {
        try await rows(
            """
            SELECT id, pool, partner, setting, area, month, amountPence, description, recordedAt FROM pool_payment
            WHERE pool = \(pool) ORDER BY id
            """, connection
        ).map { row in
            let v = try row.decode((Int64, String, String, String, String, String, Int64, String, Date).self)
            return PoolPaymentRecord(
                id: v.0, pool: v.1, partner: v.2, setting: v.3, area: v.4, month: v.5, amountPence: v.6,
                description: v.7, recordedAt: v.8)
        }
    }
}
