import ConcordatCore
import Foundation

/// What `loadSystem` reads inside one transaction, assembled outside it.
struct StoredSystem: Sendable {
    var system: HealthSystemRecord
    var areas: [AreaRecord]
    var cells: [PopulationCellRecord]
    var organisations: [OrganisationRecord]
    var notes: [DataQualityNoteRecord]
    var sources: [ReferenceSourceRecord]

    func healthSystem() throws -> HealthSystem {
        let levels: [HierarchyLevel]
        do {
            levels = try JSONDecoder().decode([HierarchyLevel].self, from: Data(system.levels.utf8))
        } catch {
            throw StoreError.corrupt("the stored hierarchy levels are not valid: \(error)")
        }
        var populations: [String: PopulationProfile] = [:]
        for cell in cells {
            guard let sex = Sex(rawValue: cell.sex), let band = AgeBand(index: cell.ageBand) else {
                throw StoreError.corrupt(
                    "a population cell of \(cell.areaCode) has sex '\(cell.sex)' and band \(cell.ageBand)")
            }
            populations[cell.areaCode, default: PopulationProfile()][sex, band] += cell.count
        }
        for area in areas where area.unbanded != 0 {
            guard area.unbanded > 0 else {
                throw StoreError.corrupt("\(area.code) has \(area.unbanded) people without a band")
            }
            populations[area.code, default: PopulationProfile()].unbanded += area.unbanded
        }
        let notes = try notes.map { record in
            guard let kind = DataQualityNote.Kind(rawValue: record.kind) else {
                throw StoreError.corrupt("a data-quality note has the unknown kind '\(record.kind)'")
            }
            return DataQualityNote(kind: kind, subject: record.subject, message: record.message)
        }
        do {
            return try HealthSystem(
                code: system.code, name: system.name, levels: levels, areas: areas.map(\.area),
                populations: populations, organisations: try organisations.map { try $0.organisation() },
                notes: notes,
                sources: sources.map { ReferenceSource(file: $0.file, publication: $0.publication, rows: $0.rows) },
                publishedRegisteredTotal: system.publishedRegisteredTotal)
        } catch let error as HealthSystemError {
            throw StoreError.corrupt("the stored areas do not form a valid hierarchy: \(error)")
        }
    }
}
