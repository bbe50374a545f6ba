import ConcordatCore
import Finance
import Foundation
import GRDB

extension SQLiteStore {
    /// The pools, by code.
    public func pools() async throws -> [Pool] {
        try await writer.read { db in try PoolRecord.order(Column("code")).fetchAll(db).map { try $0.pool() } }
    }

    /// Adds or replaces a pool; a pool with payments cannot be replaced (`conflict`).
    public func savePool(_ pool: Pool) async throws {
        let record = try PoolRecord(pool)
        try await writer.write { db in
            if try PoolPaymentRecord.filter(Column("pool") == pool.code).fetchCount(db) > 0 {
                throw StoreError.conflict("pool with payments", pool.code)
            }
            try record.save(db)
        }
    }

    /// A pool's account, read in one transaction.
    public func poolAccount(code: String) async throws -> PoolAccount {
        try await writer.read { db in try Self.account(code: code, db) }
    }

    /// Records the payment `admit` admits to the account read in the same write transaction, so two
    /// payments can never together break a rule that each keeps alone.
    public func recordPayment(from code: String, admitting admit: @Sendable (PoolAccount) throws -> PoolAccount)
        async throws -> PoolAccount
    {
        try await writer.write { db in
            let account = try Self.account(code: code, db)
            let admitted = try admit(account)
            var record = PoolPaymentRecord(try account.paymentAdded(in: admitted), recordedAt: Date())
            try record.insert(db)
            return admitted
        }
    }

    private static func account(code: String, _ db: Database) throws -> PoolAccount {
        guard let record = try PoolRecord.fetchOne(db, key: code) else { throw StoreError.notFound("pool", code) }
        return try record.account(
            payments: try PoolPaymentRecord.filter(Column("pool") == code).order(Column("id")).fetchAll(db))
    }
}
