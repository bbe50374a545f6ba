import ConcordatCore
import GRDB

/// The `population_cell` table: registered people of one sex in one age band of one area, as the
/// source counted them (before rolling up the hierarchy).
struct PopulationCellRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "population_cell"
    var areaCode: String
    var sex: String
    /// The band's index, 0 (0–4) to 19 (95+).
    var ageBand: Int
    var count: Int
}
