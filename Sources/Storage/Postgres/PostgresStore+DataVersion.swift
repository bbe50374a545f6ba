extension PostgresStore {
    /// Migration v19: the data version, one row whose random stamp every write transaction replaces
    /// (``transaction(_:lock:gated:_:)``, before it commits), so a reader in any process sees a new
    /// version for every write. A stamp, not a counter: a restored archive brings back its own stamp with
    /// its own data, so a version never names two different states. Dropped first: a restored archive
    /// from before v19 leaves this database's own row behind (as v12's head).
    static let dataVersionMigration = (
        name: "v19: data version",
        sql: """
        DROP TABLE IF EXISTS data_version;
        CREATE TABLE data_version (id bigint PRIMARY KEY CHECK (id = 1), stamp text NOT NULL);
        INSERT INTO data_version (id, stamp) VALUES (1, gen_random_uuid()::text);
        """
    )

    /// The statement every write transaction runs last: a new stamp.
    static let newDataVersion = "UPDATE data_version SET stamp = gen_random_uuid()::text WHERE id = 1"

    /// The stored state's version: the stamp the last committed write left (see ``dataVersionMigration``).
    /// - Throws: ``StoreError`` `unavailable` when the server cannot be reached.
    public func dataVersion() async throws -> DataVersion {
        let stamp = try await readOne { [self] connection in
            try await rows("SELECT stamp FROM data_version WHERE id = 1", connection).first?.decode(String.self)
        }
        return DataVersion(token: stamp ?? "none")
    }

    /// Migration v21: the system version (see ``DataVersionStore/systemVersion()``), one row with a random
    /// stamp that statement triggers on `health_system`, `system_pack` and `dataset` replace on any insert,
    /// update, delete or truncate. Dropped first, as v19's row, for an archive restored from before it.
    static let systemVersionMigration = (
        name: "v21: system version",
        sql: """
        DROP TABLE IF EXISTS system_version;
        CREATE TABLE system_version (id bigint PRIMARY KEY CHECK (id = 1), stamp text NOT NULL);
        INSERT INTO system_version (id, stamp) VALUES (1, gen_random_uuid()::text);
        CREATE OR REPLACE FUNCTION new_system_version() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN UPDATE system_version SET stamp = gen_random_uuid()::text WHERE id = 1; RETURN NULL; END $$;
        DROP TRIGGER IF EXISTS system_version_health_system ON health_system;
        CREATE TRIGGER system_version_health_system AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON health_system
            FOR EACH STATEMENT EXECUTE FUNCTION new_system_version();
        DROP TRIGGER IF EXISTS system_version_system_pack ON system_pack;
        CREATE TRIGGER system_version_system_pack AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON system_pack
            FOR EACH STATEMENT EXECUTE FUNCTION new_system_version();
        DROP TRIGGER IF EXISTS system_version_dataset ON dataset;
        CREATE TRIGGER system_version_dataset AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dataset
            FOR EACH STATEMENT EXECUTE FUNCTION new_system_version();
        """
    )

    /// The version of the system, its pack, the dataset and its analysis (see
    /// ``DataVersionStore/systemVersion()``).
    /// - Throws: ``StoreError`` `unavailable` when the server cannot be reached.
    public func systemVersion() async throws -> DataVersion {
        let stamp = try await readOne { [self] connection in
            try await rows("SELECT stamp FROM system_version WHERE id = 1", connection).first?.decode(String.self)
        }
        return DataVersion(token: stamp ?? "none")
    }
}
