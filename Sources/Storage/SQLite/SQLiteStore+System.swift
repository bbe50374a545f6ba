import ConcordatCore
import Foundation
import GRDB

extension SQLiteStore {
    /// Replaces the stored system, and the stored pack when `pack` is given, in one transaction: all of it
    /// or, on any error, none of it.
    public func replaceSystem(_ system: HealthSystem, pack: StoredPack?) async throws {
        let levels = String(decoding: try JSONEncoder().encode(system.levels), as: UTF8.self)
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM population_cell; DELETE FROM organisation; DELETE FROM data_quality_note;")
            try db.execute(sql: "DELETE FROM reference_source; DELETE FROM health_system;")
            try db.execute(sql: "DELETE FROM area")
            try HealthSystemRecord(
                code: system.code, name: system.name, levels: levels,
                publishedRegisteredTotal: system.publishedRegisteredTotal, loadedAt: Date()
            ).insert(db)
            for area in system.areas {
                try AreaRecord(area, unbanded: system.sourcePopulations[area.code]?.unbanded ?? 0).insert(db)
            }
            for (code, profile) in system.sourcePopulations {
                for cell in profile.cells {
                    try PopulationCellRecord(
                        areaCode: code, sex: cell.sex.rawValue, ageBand: cell.band.index, count: cell.count
                    ).insert(db)
                }
            }
            for organisation in system.organisations {
                var record = OrganisationRecord(organisation)
                try record.insert(db)
            }
            for note in system.notes {
                var record = DataQualityNoteRecord(
                    kind: note.kind.rawValue, subject: note.subject, message: note.message)
                try record.insert(db)
            }
            for source in system.sources {
                try ReferenceSourceRecord(file: source.file, publication: source.publication, rows: source.rows).insert(
                    db)
            }
            if let pack {
                try db.execute(
                    sql: """
                        INSERT INTO system_pack (id, format, document) VALUES (1, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET format = excluded.format, document = excluded.document
                        """, arguments: [pack.format, String(decoding: pack.document, as: UTF8.self)])
            }
        }
    }

    /// Migration v15: each area's people registered without a sex or age band (a practice known only by its
    /// list size, as NHS England's allocation file gives it), so a system built from that file alone keeps
    /// its population.
    static func registerUnbandedMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v15: people registered without a band") { db in
            try db.execute(
                sql: "ALTER TABLE area ADD COLUMN unbanded INTEGER NOT NULL DEFAULT 0 CHECK (unbanded >= 0)")
        }
    }

    /// Reads the whole system in one read transaction, so it is never a mix of two writes.
    public func loadSystem() async throws -> HealthSystem? {
        let stored = try await writer.read { db -> StoredSystem? in
            guard let system = try HealthSystemRecord.fetchOne(db) else { return nil }
            return StoredSystem(
                system: system,
                areas: try AreaRecord.fetchAll(db),
                cells: try PopulationCellRecord.fetchAll(db),
                organisations: try OrganisationRecord.order(Column("position")).fetchAll(db),
                notes: try DataQualityNoteRecord.order(Column("id")).fetchAll(db),
                sources: try ReferenceSourceRecord.order(Column.rowID).fetchAll(db))
        }
        return try stored?.healthSystem()
    }

    /// The organisations in the order they were added.
    public func organisations() async throws -> [Organisation] {
        try await writer.read { db in
            try OrganisationRecord.order(Column("position")).fetchAll(db).map { try $0.organisation() }
        }
    }

    /// One organisation; throws `notFound` when there is none.
    public func organisation(code: String) async throws -> Organisation {
        try await writer.read { db in
            guard let record = try OrganisationRecord.filter(Column("code") == code).fetchOne(db) else {
                throw StoreError.notFound("organisation", code)
            }
            return try record.organisation()
        }
    }

    /// Adds an organisation; throws `noSystem` or `conflict`.
    public func insertOrganisation(_ organisation: Organisation) async throws {
        try organisation.checkText()
        try await writer.write { db in
            guard try HealthSystemRecord.fetchCount(db) > 0 else { throw StoreError.noSystem }
            guard try OrganisationRecord.filter(Column("code") == organisation.code).fetchCount(db) == 0 else {
                throw StoreError.conflict("organisation", organisation.code)
            }
            var record = OrganisationRecord(organisation)
            try record.insert(db)
        }
    }

    /// Replaces an organisation, keeping its position; throws `notFound`.
    public func updateOrganisation(_ organisation: Organisation) async throws {
        try organisation.checkText()
        try await writer.write { db in
            guard var record = try OrganisationRecord.filter(Column("code") == organisation.code).fetchOne(db) else {
                throw StoreError.notFound("organisation", organisation.code)
            }
            let position = record.position
            record = OrganisationRecord(organisation, position: position)
            try record.update(db)
        }
    }
}
