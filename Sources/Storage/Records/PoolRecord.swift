import Finance
import Foundation
import GRDB

/// The `pool` table: a pooled budget with its contributions and ring-fences (as JSON, read whole).
struct PoolRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "pool"
    var code: String
    var document: Data

    func pool() throws -> Pool {
        do { return try JSONDecoder().decode(Pool.self, from: document) } catch {
            throw StoreError.corrupt("the stored pool \(code) cannot be read: \(error)")
        }
    }

    /// The pool's account with `payments` (this pool's, in the order recorded) replayed against its rules.
    func account(payments: [PoolPaymentRecord]) throws -> PoolAccount {
        var account = PoolAccount(pool: try pool())
        for payment in payments {
            do { try account.replay(payment.spend) } catch {
                throw StoreError.corrupt("a stored payment of pool \(code) no longer keeps its rules: \(error)")
            }
        }
        return account
    }
}

extension PoolRecord {
    init(_ pool: Pool) throws {
        code = pool.code
        document = try JSONEncoder().encode(pool)
    }
}

/// The `pool_payment` table: every payment admitted out of a pool, in order.
struct PoolPaymentRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "pool_payment"
    var id: Int64?
    var pool: String
    var partner: String
    var setting: String
    var area: String
    var month: String
    var amountPence: Int64
    var description: String
    var recordedAt: Date

    var spend: PoolSpend {
        PoolSpend(
            pool: pool, partner: partner, setting: setting, area: area, month: month,
            amount: .init(pence: amountPence), description: description)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension PoolPaymentRecord {
    init(_ spend: PoolSpend, recordedAt: Date) {
        pool = spend.pool
        partner = spend.partner
        setting = spend.setting
        area = spend.area
        month = spend.month
        amountPence = spend.amountPence
        description = spend.description
        self.recordedAt = recordedAt
    }
}
