import ConcordatCore
import Foundation

/// Which place each local authority district belongs to, read from a CSV with the columns
/// `district,place_code,place_name` (one row per district; several districts may share a place).
///
/// Without one, every district is its own place. With one, districts it names join the place it gives
/// them, and districts it leaves out stay their own place.
public struct DistrictPlaceMap: Sendable, Hashable {
    /// One place and the districts it takes.
    public struct Place: Sendable, Hashable {
        /// The place's code, used in URLs (an identifier: ``TextLimit/identifier``).
        public var code: String
        /// The place's name.
        public var name: String
        /// The districts (LTLA names as the allocation file gives them), in file order.
        public var districts: [String]

        /// Makes a place taking `districts`.
        public init(code: String, name: String, districts: [String]) {
            self.code = code
            self.name = name
            self.districts = districts
        }
    }

    /// The places in the order the file first names them.
    public var places: [Place]

    /// A map of the places given, taken as they are (a pack's `places.csv`, already checked).
    public init(places: [Place]) { self.places = places }

    /// The place of `district`, if the map names it (case-insensitive).
    public func place(ofDistrict district: String) -> Place? {
        let key = district.lowercased()
        return places.first { $0.districts.contains { $0.lowercased() == key } }
    }

    /// Reads the map, checking every district against `knownDistricts` (those of the ICB's practices).
    ///
    /// - Throws: ``IngestError`` naming the file, line and field of an empty value, a district that is
    ///   not one of the ICB's, a district named twice, a place code that is not an identifier or a name
    ///   that is not one line of at most 200 characters (``TextLimit``), or a place code given two names.
    public init(table: CSVTable, knownDistricts: Set<String>) throws {
        let (district, code, name) = (
            try table.column("district"), try table.column("place_code"), try table.column("place_name")
        )
        let known = Dictionary(knownDistricts.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var places: [Place] = []
        var seen: [String: Int] = [:]
        for record in table.records {
            for column in [district, code, name] where record[column].trimmingCharacters(in: .whitespaces).isEmpty {
                throw IngestError.invalidValue(
                    file: table.file, line: record.line, field: column.name, reason: "the \(column.name) is empty")
            }
            let districtName = record[district].trimmingCharacters(in: .whitespaces)
            guard let canonical = known[districtName.lowercased()] else {
                throw IngestError.invalidValue(
                    file: table.file, line: record.line, field: district.name,
                    reason:
                        "'\(districtName)' is not a district of this ICB's practices; use one of \(knownDistricts.sorted().joined(separator: "; "))"
                )
            }
            if let line = seen[canonical.lowercased()] {
                throw IngestError.inconsistent(
                    file: table.file, line: record.line, field: district.name,
                    reason: "district '\(canonical)' is already placed on line \(line)")
            }
            seen[canonical.lowercased()] = record.line
            let placeCode = record[code].trimmingCharacters(in: .whitespaces)
            if let refusal = TextLimit.identifier.refusal(of: placeCode) {
                throw IngestError.invalidValue(
                    file: table.file, line: record.line, field: code.name, reason: "the place code \(refusal)")
            }
            let placeName = record[name].trimmingCharacters(in: .whitespaces)
            if let refusal = TextLimit.name.refusal(of: placeName) {
                throw IngestError.invalidValue(
                    file: table.file, line: record.line, field: name.name, reason: "the place name \(refusal)")
            }
            if let index = places.firstIndex(where: { $0.code == placeCode }) {
                guard places[index].name == placeName else {
                    throw IngestError.inconsistent(
                        file: table.file, line: record.line, field: name.name,
                        reason: "place \(placeCode) is already named '\(places[index].name)'")
                }
                places[index].districts.append(canonical)
            } else {
                places.append(Place(code: placeCode, name: placeName, districts: [canonical]))
            }
        }
        self.places = places
    }
}
