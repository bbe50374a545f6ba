import ConcordatCore
import GRDB

/// The `area` table: one row per area of the hierarchy.
struct AreaRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "area"
    var code: String
    var name: String
    var level: String
    var parentCode: String?
    var postcode: String?
    var district: String?
    /// People registered here whose sex and age band the sources do not give (migration v15).
    var unbanded: Int

    var area: Area {
        Area(code: code, name: name, level: level, parentCode: parentCode, postcode: postcode, district: district)
    }
}

extension AreaRecord {
    /// The row of `area`, with `unbanded` people registered there without a sex or age band.
    init(_ area: Area, unbanded: Int) {
        code = area.code
        name = area.name
        level = area.level
        parentCode = area.parentCode
        postcode = area.postcode
        district = area.district
        self.unbanded = unbanded
    }
}
