import GRDB

extension SQLiteStore {
    /// Migration v16: an indicator value belongs to a subject, an area or an organisation (`subject` is its
    /// kind, part of the key with the code in `area`); an organisation keeps its ODS code. Existing values
    /// are areas' values.
    static func registerProviderIndicatorMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v16: indicator values of organisations, ODS codes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE indicator_value_v16 (
                        indicator TEXT NOT NULL, subject TEXT NOT NULL DEFAULT 'area', area TEXT NOT NULL,
                        month TEXT NOT NULL, value DOUBLE NOT NULL, numerator DOUBLE, denominator DOUBLE,
                        PRIMARY KEY (indicator, subject, area, month));
                    INSERT INTO indicator_value_v16 (indicator, subject, area, month, value, numerator, denominator)
                        SELECT indicator, 'area', area, month, value, numerator, denominator FROM indicator_value;
                    DROP TABLE indicator_value;
                    ALTER TABLE indicator_value_v16 RENAME TO indicator_value;
                    ALTER TABLE organisation ADD COLUMN odsCode TEXT;
                    """)
        }
    }
}
