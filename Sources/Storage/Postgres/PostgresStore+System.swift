import ConcordatCore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Replaces the stored system in one transaction: all of it or, on any error, none of it.
    public func replaceSystem(_ system: HealthSystem, pack: StoredPack?) async throws {
        let levels = String(decoding: try JSONEncoder().encode(system.levels), as: UTF8.self)
        try await write { [self] connection in
            for table in ["population_cell", "organisation", "data_quality_note", "reference_source", "health_system"] {
                try await connection.query(PostgresQuery(unsafeSQL: "DELETE FROM \(table)"), logger: logger)
            }
            try await connection.query("DELETE FROM area", logger: logger)
            try await connection.query(
                """
                INSERT INTO health_system (code, name, levels, publishedRegisteredTotal, loadedAt)
                VALUES (\(system.code), \(system.name), \(levels), \(system.publishedRegisteredTotal), \(Date()))
                """, logger: logger)
            // Parents before children, so each row's reference is already there.
            for area in system.areas {
                try await connection.query(
                    """
                    INSERT INTO area (code, name, level, parentCode, postcode, district, unbanded)
                    VALUES (\(area.code), \(area.name), \(area.level), \(area.parentCode), \(area.postcode),
                        \(area.district), \(system.sourcePopulations[area.code]?.unbanded ?? 0))
                    """, logger: logger)
            }
            var codes: [String] = []
            var sexes: [String] = []
            var bands: [Int] = []
            var counts: [Int] = []
            for (code, profile) in system.sourcePopulations {
                for cell in profile.cells {
                    codes.append(code)
                    sexes.append(cell.sex.rawValue)
                    bands.append(cell.band.index)
                    counts.append(cell.count)
                }
            }
            try await connection.query(
                """
                INSERT INTO population_cell (areaCode, sex, ageBand, count)
                SELECT * FROM unnest(\(codes)::text[], \(sexes)::text[], \(bands)::bigint[], \(counts)::bigint[])
                """, logger: logger)
            for organisation in system.organisations {
                try await insert(OrganisationRecord(organisation), connection)
            }
            for note in system.notes {
                try await connection.query(
                    """
                    INSERT INTO data_quality_note (kind, subject, message)
                    VALUES (\(note.kind.rawValue), \(note.subject), \(note.message))
                    """, logger: logger)
            }
            for source in system.sources {
                try await connection.query(
                    """
                    INSERT INTO reference_source (file, publication, rows)
                    VALUES (\(source.file), \(source.publication), \(source.rows))
                    """, logger: logger)
            }
            if let pack {
                let text = String(decoding: pack.document, as: UTF8.self)
                try await connection.query(
                    """
                    INSERT INTO system_pack (id, format, document) VALUES (1, \(pack.format), \(text))
                    ON CONFLICT (id) DO UPDATE SET format = EXCLUDED.format, document = EXCLUDED.document
                    """, logger: logger)
            }
        }
    }

    /// Migration v15: each area's people registered without a sex or age band (as ``SQLiteStore``'s).
    static let unbandedMigration = (
        name: "v15: people registered without a band",
        sql: "ALTER TABLE area ADD COLUMN unbanded bigint NOT NULL DEFAULT 0 CHECK (unbanded >= 0);"
    )

    /// Reads the whole system in one snapshot, so it is never a mix of two writes.
    public func loadSystem() async throws -> HealthSystem? {
        let stored = try await read { [self] connection -> StoredSystem? in
            var system: HealthSystemRecord?
            for row in try await rows(
                "SELECT code, name, levels, publishedRegisteredTotal, loadedAt FROM health_system LIMIT 1", connection
            ) {
                let (code, name, levels, total, loadedAt) = try row.decode((String, String, String, Int?, Date).self)

                system = HealthSystemRecord(
                    code: code, name: name, levels: levels, publishedRegisteredTotal: total, loadedAt: loadedAt)
            }
            guard let system else { return nil }
            var areas: [AreaRecord] = []
            for row in try await rows(
                "SELECT code, name, level, parentCode, postcode, district, unbanded FROM area", connection
            ) {
                let (code, name, level, parent, postcode, district, unbanded) = try row.decode(
                    (String, String, String, String?, String?, String?, Int).self)

                areas.append(
                    AreaRecord(
                        code: code, name: name, level: level, parentCode: parent, postcode: postcode,
                        district: district, unbanded: unbanded))
            }
            var cells: [PopulationCellRecord] = []
            for row in try await rows(
                "SELECT areaCode, sex, ageBand, count FROM population_cell", connection
            ) {
                let (area, sex, band, count) = try row.decode((String, String, Int, Int).self)

                cells.append(PopulationCellRecord(areaCode: area, sex: sex, ageBand: band, count: count))
            }
            var notes: [DataQualityNoteRecord] = []
            for row in try await rows(
                "SELECT id, kind, subject, message FROM data_quality_note ORDER BY id", connection
            ) {
                let (id, kind, subject, message) = try row.decode((Int64, String, String, String).self)

                notes.append(DataQualityNoteRecord(id: id, kind: kind, subject: subject, message: message))
            }
            var sources: [ReferenceSourceRecord] = []
            for row in try await rows(
                "SELECT file, publication, rows FROM reference_source ORDER BY position", connection
            ) {
                let (file, publication, rows) = try row.decode((String, String, Int).self)

                sources.append(ReferenceSourceRecord(file: file, publication: publication, rows: rows))
            }
            return StoredSystem(
                system: system, areas: areas, cells: cells, organisations: try await organisations(connection),
                notes: notes, sources: sources)
        }
        return try stored?.healthSystem()
    }

    /// The organisations in the order they were added.
    public func organisations() async throws -> [Organisation] {
        try await readOne { [self] connection in try await organisations(connection).map { try $0.organisation() } }
    }

    /// One organisation; throws `notFound` when there is none.
    public func organisation(code: String) async throws -> Organisation {
        try await readOne { [self] connection in
            guard let record = try await organisations(connection, code: code).first else {
                throw StoreError.notFound("organisation", code)
            }
            return try record.organisation()
        }
    }

    /// Adds an organisation; throws `noSystem` or `conflict`.
    public func insertOrganisation(_ organisation: Organisation) async throws {
        try organisation.checkText()
        try await write { [self] connection in
            guard try await count("health_system", connection) > 0 else { throw StoreError.noSystem }
            guard try await organisations(connection, code: organisation.code).isEmpty else {
                throw StoreError.conflict("organisation", organisation.code)
            }
            try await insert(OrganisationRecord(organisation), connection)
        }
    }

    /// Replaces an organisation, keeping its position; throws `notFound`.
    public func updateOrganisation(_ organisation: Organisation) async throws {
        try organisation.checkText()
        try await write { [self] connection in
            guard try await !organisations(connection, code: organisation.code).isEmpty else {
                throw StoreError.notFound("organisation", organisation.code)
            }
            let record = OrganisationRecord(organisation)
            try await connection.query(
                """
                UPDATE organisation SET name = \(record.name), role = \(record.role),
                    isSignatory = \(record.isSignatory), membership = \(record.membership), source = \(record.source),
                    places = \(record.places), odsCode = \(record.odsCode)
                WHERE code = \(record.code)
                """, logger: logger)
        }
    }

    private func insert(_ record: OrganisationRecord, _ connection: PostgresConnection) async throws {
        try await connection.query(
            """
            INSERT INTO organisation (code, name, role, isSignatory, membership, source, places, odsCode)
            VALUES (\(record.code), \(record.name), \(record.role), \(record.isSignatory), \(record.membership),
                \(record.source), \(record.places), \(record.odsCode))
            """, logger: logger)
    }

    private func organisations(_ connection: PostgresConnection, code: String? = nil) async throws
        -> [OrganisationRecord]
    {
        var records: [OrganisationRecord] = []
        for row in try await rows(
            """
            SELECT position, code, name, role, isSignatory, membership, source, places, odsCode FROM organisation
            WHERE \(code)::text IS NULL OR code = \(code) ORDER BY position
            """, connection
        ) {
            let (position, code, name, role, isSignatory, membership, source, places, odsCode) = try row.decode(
                (Int64, String, String, String, Bool, String?, String?, String, String?).self)

            records.append(
                OrganisationRecord(
                    position: position, code: code, name: name, role: role, isSignatory: isSignatory,
                    membership: membership, source: source, places: places, odsCode: odsCode))
        }
        return records
    }

    /// How many rows `table` holds.
    func count(_ table: String, _ connection: PostgresConnection) async throws -> Int {
        for row in try await rows(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table)"), connection) {
            let count = try row.decode(Int.self)

            return count
        }
        return 0
    }
}
