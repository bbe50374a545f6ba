import GRDB

extension SQLiteStore {
    /// The schema, one migration per change, never edited once released.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: system registry and partnership") { db in
            try db.create(table: "health_system") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("levels", .text).notNull()
                t.column("publishedRegisteredTotal", .integer)
                t.column("loadedAt", .datetime).notNull()
            }
            try db.create(table: "area") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("level", .text).notNull()
                t.column("parentCode", .text).references("area", onDelete: .cascade)
                t.column("postcode", .text)
                t.column("district", .text)
            }
            try db.create(table: "population_cell") { t in
                t.column("areaCode", .text).notNull().references("area", onDelete: .cascade)
                t.column("sex", .text).notNull().check { ["female", "male"].contains($0) }
                t.column("ageBand", .integer).notNull().check { $0 >= 0 && $0 < 20 }
                t.column("count", .integer).notNull().check { $0 >= 0 }
                t.primaryKey(["areaCode", "sex", "ageBand"])
            }
            try db.create(table: "organisation") { t in
                t.autoIncrementedPrimaryKey("position")
                t.column("code", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("role", .text).notNull()
                t.column("isSignatory", .boolean).notNull()
                t.column("membership", .text)
                t.column("source", .text)
            }
            try db.create(table: "data_quality_note") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("message", .text).notNull()
            }
            try db.create(table: "reference_source") { t in
                t.primaryKey("file", .text)
                t.column("publication", .text).notNull()
                t.column("rows", .integer).notNull()
            }
        }
        migrator.registerMigration("v2: integrated dataset") { db in
            try db.create(table: "dataset") { t in
                t.primaryKey("fingerprint", .text)
                t.column("importedAt", .datetime).notNull()
                t.column("source", .text).notNull()
                t.column("people", .integer).notNull()
                t.column("diagnoses", .integer).notNull()
                t.column("events", .integer).notNull()
            }
            try db.create(table: "dataset_column") { t in
                t.primaryKey("name", .text)
                t.column("data", .blob).notNull()
            }
            try db.create(table: "dataset_practice") { t in
                t.primaryKey("practiceCode", .text)
                t.column("people", .integer).notNull()
            }
        }
        migrator.registerMigration("v3: population health profiles") { db in
            try db.alter(table: "dataset") { t in t.add(column: "analysis", .blob) }
        }
        migrator.registerMigration("v4: pools and payments") { db in
            try db.create(table: "pool") { t in
                t.primaryKey("code", .text)
                t.column("document", .blob).notNull()
            }
            try db.create(table: "pool_payment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("pool", .text).notNull().references("pool", onDelete: .cascade)
                t.column("partner", .text).notNull()
                t.column("setting", .text).notNull()
                t.column("area", .text).notNull()
                t.column("month", .text).notNull()
                t.column("amountPence", .integer).notNull()
                t.column("description", .text).notNull()
                t.column("recordedAt", .datetime).notNull()
            }
            try db.create(index: "pool_payment_by_pool", on: "pool_payment", columns: ["pool", "id"])
        }
        migrator.registerMigration("v5: accounts, access log, risk cohort") { db in
            try db.create(table: "user_account") { t in
                t.primaryKey("username", .text)
                t.column("role", .text).notNull()
                t.column("organisation", .text)
                t.column("passwordHash", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "access_log") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("username", .text).notNull()
                t.column("action", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("detail", .text).notNull()
            }
            try db.create(table: "risk_cohort") { t in
                t.primaryKey("personID", .text)
                t.column("practice", .text).notNull()
                t.column("risk", .double).notNull()
                t.column("rank", .integer).notNull()
            }
            try db.create(index: "risk_cohort_by_practice", on: "risk_cohort", columns: ["practice", "rank"])
        }
        migrator.registerMigration("v6: indicators, assurance returns, escalations") { db in
            try db.create(table: "indicator_value") { t in
                t.column("indicator", .text).notNull()
                t.column("area", .text).notNull()
                t.column("month", .text).notNull()
                t.column("value", .double).notNull()
                t.column("numerator", .double)
                t.column("denominator", .double)
                t.primaryKey(["indicator", "area", "month"])
            }
            try db.create(table: "assurance_return") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("place", .text).notNull()
                t.column("month", .text).notNull()
                t.column("values", .blob).notNull()
                t.column("narrative", .text).notNull()
                t.column("actions", .text).notNull()
                t.column("status", .text).notNull()
                t.column("submittedBy", .text).notNull()
                t.column("submittedAt", .datetime).notNull()
                t.column("reviewedBy", .text)
                t.column("reviewNote", .text)
            }
            try db.create(table: "escalation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("indicator", .text).notNull()
                t.column("area", .text).notNull()
                t.column("month", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("detail", .text).notNull()
                t.column("returnID", .integer).references("assurance_return")
                t.column("status", .text).notNull()
                t.column("raisedAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v7: memorandum, decisions, decision register") { db in
            try db.create(table: "memorandum") { t in
                t.primaryKey("version", .integer)
                t.column("document", .blob).notNull()
                t.column("routes", .blob).notNull()
                t.column("adoptedAt", .datetime).notNull()
            }
            try db.create(table: "decision") { t in
                t.primaryKey("id", .text)
                t.column("document", .blob).notNull()
                t.column("tabledAt", .datetime).notNull()
            }
            try db.create(table: "register_entry") { t in
                t.primaryKey("sequence", .integer)
                t.column("recordedAt", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("detail", .text).notNull()
                t.column("previousHash", .text).notNull()
                t.column("hash", .text).notNull()
            }
            // Append only: the application never changes or removes an entry.
            try db.execute(
                sql: """
                    CREATE TRIGGER register_entry_no_update BEFORE UPDATE ON register_entry
                    BEGIN SELECT RAISE(ABORT, 'the decision register is append only'); END;
                    CREATE TRIGGER register_entry_no_delete BEFORE DELETE ON register_entry
                    BEGIN SELECT RAISE(ABORT, 'the decision register is append only'); END;
                    """)
        }
        migrator.registerMigration("v8: work programme, risk register") { db in
            try db.create(table: "governance_document") { t in
                t.primaryKey("key", .text)
                t.column("document", .blob).notNull()
            }
            try db.create(table: "risk") { t in
                t.primaryKey("id", .text)
                t.column("area", .text).notNull()
                t.column("document", .blob).notNull()
            }
        }
        migrator.registerMigration("v9: sessions, ballots") { db in
            try db.create(table: "user_session") { t in
                t.primaryKey("tokenHash", .text)
                t.column("username", .text).notNull()
                t.column("csrf", .text).notNull()
                t.column("expiresAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v10: API tokens") { db in
            try db.create(table: "api_token") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("tokenHash", .text).notNull().unique()
                t.column("username", .text).notNull()
                t.column("name", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("lastUsedAt", .datetime)
                t.column("revokedAt", .datetime)
            }
            try db.create(index: "api_token_by_user", on: "api_token", columns: ["username", "id"])
        }
        migrator.registerMigration("v11: the places each organisation is accountable for") { db in
            try db.alter(table: "organisation") { t in t.add(column: "places", .text).notNull().defaults(to: "[]") }
        }
        migrator.registerMigration("v12: register head record") { db in
            // The head, kept apart from the chain: count and hash of the last entry, rewritten with each
            // append, so entries removed from the end of the chain no longer match it.
            try db.execute(
                sql: """
                    CREATE TABLE register_head (
                        id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL, hash TEXT NOT NULL);
                    INSERT INTO register_head (id, count, hash)
                        SELECT 1, COUNT(*), COALESCE(
                            (SELECT hash FROM register_entry ORDER BY sequence DESC LIMIT 1), '\(String(repeating: "0", count: 64))')
                        FROM register_entry;
                    CREATE TRIGGER register_head_moves_forward BEFORE UPDATE ON register_head
                    WHEN NEW.count != OLD.count + 1
                    BEGIN SELECT RAISE(ABORT, 'the register head only moves forward, one entry at a time'); END;
                    CREATE TRIGGER register_head_no_delete BEFORE DELETE ON register_head
                    BEGIN SELECT RAISE(ABORT, 'the register head is kept'); END;
                    """)
        }
        registerPackMigration(&migrator)
        registerUnbandedMigration(&migrator)
        registerProviderIndicatorMigration(&migrator)
        registerScenarioMigration(&migrator)
        registerBusinessCaseMigration(&migrator)
        registerDataVersionMigration(&migrator)
        registerScenarioCancelMigration(&migrator)
        registerSystemVersionMigration(&migrator)
        return migrator
    }
}
