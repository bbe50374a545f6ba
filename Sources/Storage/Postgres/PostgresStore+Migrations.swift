extension PostgresStore {
    /// The schema, one migration per change, never edited once released. The names and order match
    /// ``SQLiteStore``'s migrations, so both backends hold the same tables with the same columns.
    ///
    /// Identifiers are unquoted, so PostgreSQL folds them to lower case; every query here writes them the
    /// same way. Times are `timestamptz`, whole numbers `bigint`, JSON documents and columns `bytea`.
    static let migrations: [(name: String, sql: String)] = [
        (
            "v1: system registry and partnership",
            """
            CREATE TABLE health_system (
                code text PRIMARY KEY, name text NOT NULL, levels text NOT NULL,
                publishedRegisteredTotal bigint, loadedAt timestamptz NOT NULL);
            CREATE TABLE area (
                code text PRIMARY KEY, name text NOT NULL, level text NOT NULL,
                parentCode text REFERENCES area(code) ON DELETE CASCADE, postcode text, district text);
            CREATE TABLE population_cell (
                areaCode text NOT NULL REFERENCES area(code) ON DELETE CASCADE,
                sex text NOT NULL CHECK (sex IN ('female', 'male')),
                ageBand bigint NOT NULL CHECK (ageBand >= 0 AND ageBand < 20),
                count bigint NOT NULL CHECK (count >= 0),
                PRIMARY KEY (areaCode, sex, ageBand));
            CREATE TABLE organisation (
                position bigserial PRIMARY KEY, code text NOT NULL UNIQUE, name text NOT NULL, role text NOT NULL,
                isSignatory boolean NOT NULL, membership text, source text);
            CREATE TABLE data_quality_note (
                id bigserial PRIMARY KEY, kind text NOT NULL, subject text NOT NULL, message text NOT NULL);
            CREATE TABLE reference_source (
                position bigserial, file text PRIMARY KEY, publication text NOT NULL, rows bigint NOT NULL);
            """
        ),
        (
            "v2: integrated dataset",
            """
            CREATE TABLE dataset (
                fingerprint text PRIMARY KEY, importedAt timestamptz NOT NULL, source text NOT NULL,
                people bigint NOT NULL, diagnoses bigint NOT NULL, events bigint NOT NULL);
            CREATE TABLE dataset_column (name text PRIMARY KEY, data bytea NOT NULL);
            CREATE TABLE dataset_practice (practiceCode text PRIMARY KEY, people bigint NOT NULL);
            """
        ),
        ("v3: population health profiles", "ALTER TABLE dataset ADD COLUMN analysis bytea;"),
        (
            "v4: pools and payments",
            """
            CREATE TABLE pool (code text PRIMARY KEY, document bytea NOT NULL);
            CREATE TABLE pool_payment (
                id bigserial PRIMARY KEY, pool text NOT NULL REFERENCES pool(code) ON DELETE CASCADE,
                partner text NOT NULL, setting text NOT NULL, area text NOT NULL, month text NOT NULL,
                amountPence bigint NOT NULL, description text NOT NULL, recordedAt timestamptz NOT NULL);
            CREATE INDEX pool_payment_by_pool ON pool_payment (pool, id);
            """
        ),
        (
            "v5: accounts, access log, risk cohort",
            """
            CREATE TABLE user_account (
                username text PRIMARY KEY, role text NOT NULL, organisation text, passwordHash text NOT NULL,
                createdAt timestamptz NOT NULL);
            CREATE TABLE access_log (
                id bigserial PRIMARY KEY, at timestamptz NOT NULL, username text NOT NULL, action text NOT NULL,
                subject text NOT NULL, detail text NOT NULL);
            CREATE TABLE risk_cohort (
                personID text PRIMARY KEY, practice text NOT NULL, risk double precision NOT NULL,
                rank bigint NOT NULL);
            CREATE INDEX risk_cohort_by_practice ON risk_cohort (practice, rank);
            """
        ),
        (
            "v6: indicators, assurance returns, escalations",
            """
            CREATE TABLE indicator_value (
                indicator text NOT NULL, area text NOT NULL, month text NOT NULL, value double precision NOT NULL,
                numerator double precision, denominator double precision, PRIMARY KEY (indicator, area, month));
            CREATE TABLE assurance_return (
                id bigserial PRIMARY KEY, place text NOT NULL, month text NOT NULL, "values" bytea NOT NULL,
                narrative text NOT NULL, actions text NOT NULL, status text NOT NULL, submittedBy text NOT NULL,
                submittedAt timestamptz NOT NULL, reviewedBy text, reviewNote text);
            CREATE TABLE escalation (
                id bigserial PRIMARY KEY, indicator text NOT NULL, area text NOT NULL, month text NOT NULL,
                reason text NOT NULL, detail text NOT NULL, returnID bigint REFERENCES assurance_return(id),
                status text NOT NULL, raisedAt timestamptz NOT NULL);
            """
        ),
        (
            "v7: memorandum, decisions, decision register",
            """
            CREATE TABLE memorandum (
                version bigint PRIMARY KEY, document bytea NOT NULL, routes bytea NOT NULL,
                adoptedAt timestamptz NOT NULL);
            CREATE TABLE decision (id text PRIMARY KEY, document bytea NOT NULL, tabledAt timestamptz NOT NULL);
            CREATE TABLE register_entry (
                sequence bigint PRIMARY KEY, recordedAt text NOT NULL, kind text NOT NULL, subject text NOT NULL,
                detail text NOT NULL, previousHash text NOT NULL, hash text NOT NULL);
            CREATE FUNCTION register_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the decision register is append only'; END $$;
            CREATE TRIGGER register_entry_no_update BEFORE UPDATE ON register_entry
                FOR EACH ROW EXECUTE FUNCTION register_entry_append_only();
            CREATE TRIGGER register_entry_no_delete BEFORE DELETE ON register_entry
                FOR EACH ROW EXECUTE FUNCTION register_entry_append_only();
            CREATE TRIGGER register_entry_no_truncate BEFORE TRUNCATE ON register_entry
                FOR EACH STATEMENT EXECUTE FUNCTION register_entry_append_only();
            """
        ),
        (
            "v8: work programme, risk register",
            """
            CREATE TABLE governance_document (key text PRIMARY KEY, document bytea NOT NULL);
            CREATE TABLE risk (id text PRIMARY KEY, area text NOT NULL, document bytea NOT NULL);
            """
        ),
        (
            "v9: sessions, ballots",
            """
            CREATE TABLE user_session (
                tokenHash text PRIMARY KEY, username text NOT NULL, csrf text NOT NULL,
                expiresAt timestamptz NOT NULL);
            """
        ),
        (
            "v10: API tokens",
            """
            CREATE TABLE api_token (
                id bigserial PRIMARY KEY, tokenHash text NOT NULL UNIQUE, username text NOT NULL, name text NOT NULL,
                createdAt timestamptz NOT NULL, lastUsedAt timestamptz, revokedAt timestamptz);
            CREATE INDEX api_token_by_user ON api_token (username, id);
            """
        ),
        (
            "v11: the places each organisation is accountable for",
            "ALTER TABLE organisation ADD COLUMN places text NOT NULL DEFAULT '[]';"
        ),
        (
            "v12: register head record",
            // Dropped first: a restored archive from before v12 leaves this database's own head behind.
            """
            DROP TABLE IF EXISTS register_head;
            DROP FUNCTION IF EXISTS register_head_moves_forward() CASCADE;
            CREATE TABLE register_head (
                id bigint PRIMARY KEY CHECK (id = 1), count bigint NOT NULL, hash text NOT NULL);
            INSERT INTO register_head (id, count, hash)
                SELECT 1, COUNT(*), COALESCE(
                    (SELECT hash FROM register_entry ORDER BY sequence DESC LIMIT 1), repeat('0', 64))
                FROM register_entry;
            CREATE FUNCTION register_head_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF TG_OP <> 'UPDATE' OR NEW.count <> OLD.count + 1 THEN RAISE EXCEPTION 'the register head only moves forward, one entry at a time'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER register_head_forward BEFORE UPDATE OR DELETE ON register_head
                FOR EACH ROW EXECUTE FUNCTION register_head_moves_forward();
            CREATE TRIGGER register_head_no_truncate BEFORE TRUNCATE ON register_head
                FOR EACH STATEMENT EXECUTE FUNCTION register_head_moves_forward();
            """
        ),
        packMigration,
        unbandedMigration,
        providerIndicatorMigration,
        scenarioMigration,
        businessCaseMigration,
        dataVersionMigration,
        scenarioCancelMigration,
        systemVersionMigration,
    ]
}
