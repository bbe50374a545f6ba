extension PostgresStore {
    /// Migration v16 (as SQLite's): an indicator value belongs to a subject, an area or an organisation
    /// (`subject` is its kind, part of the key with the code in `area`); an organisation keeps its ODS code.
    static let providerIndicatorMigration = (
        name: "v16: indicator values of organisations, ODS codes",
        sql: """
        ALTER TABLE indicator_value ADD COLUMN subject text NOT NULL DEFAULT 'area';
        ALTER TABLE indicator_value DROP CONSTRAINT indicator_value_pkey;
        ALTER TABLE indicator_value ADD PRIMARY KEY (indicator, subject, area, month);
        ALTER TABLE organisation ADD COLUMN odsCode text;
        """
    )
}
