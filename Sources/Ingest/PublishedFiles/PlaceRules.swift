import Foundation

/// How practices are assigned to places (the integrated care partnerships of a system).
///
/// A practice's place comes from its local authority district (the LTLA in NHS England's weighted
/// population file); a postcode district can claim a practice first, for places drawn across district
/// lines (Swanley, in Sevenoaks district, belongs to Dartford, Gravesham & Swanley); and an explicit
/// override, per practice, beats both. A PCN then sits in the place holding most of its registered
/// patients, and a practice whose own place differs from its PCN's is reported.
public struct PlaceRules: Sendable, Hashable {
    /// The places in the order they are tried.
    public var places: [PlaceDefinition]
    /// Practice code → place code, applied before any rule.
    public var overrides: [String: String]

    /// Makes a rule set.
    public init(places: [PlaceDefinition], overrides: [String: String] = [:]) {
        self.places = places
        self.overrides = overrides
    }

    /// The place for a practice, and how it was decided; `nil` when no rule applies.
    public func place(practice: String, district: String?, postcode: String?) -> (PlaceDefinition, PlaceDecision)? {
        if let code = overrides[practice], let place = places.first(where: { $0.code == code }) {
            return (place, .overridden)
        }
        if let outward = postcode.flatMap(Self.outwardCode),
            let place = places.first(where: { $0.postcodeDistricts.contains(outward) })
        {
            return (place, .postcodeDistrict(outward))
        }
        if let district = district.map(Self.districtKey),
            let place = places.first(where: { $0.districts.map(Self.districtKey).contains(district) })
        {
            return (place, .district)
        }
        return nil
    }

    /// The outward code of a UK postcode ("BR8" from "BR8 7AH"); tolerant of doubled spaces.
    public static func outwardCode(_ postcode: String) -> String? {
        postcode.split(separator: " ").first.map { String($0).uppercased() }
    }

    /// A district's name as districts are compared everywhere: without case, "&" read as "and"
    /// ("Folkestone & Hythe" is "Folkestone and Hythe").
    public static func districtKey(_ district: String) -> String {
        district.lowercased().replacingOccurrences(of: "&", with: "and")
    }
}

/// A place and the districts (and postcode districts) that make it up.
public struct PlaceDefinition: Sendable, Hashable, Codable {
    /// A short stable code used in URLs (lower case words joined by hyphens).
    public var code: String
    /// The place's name.
    public var name: String
    /// Local authority districts (LTLA names) wholly in the place.
    public var districts: [String]
    /// Postcode districts (outward codes) claimed by the place whatever their local authority.
    public var postcodeDistricts: [String]

    /// Makes a place definition.
    public init(code: String, name: String, districts: [String], postcodeDistricts: [String] = []) {
        self.code = code
        self.name = name
        self.districts = districts
        self.postcodeDistricts = postcodeDistricts
    }
}

/// How a practice's place was decided.
public enum PlaceDecision: Sendable, Hashable {
    /// By an explicit per-practice override.
    case overridden
    /// By its postcode district (outward code).
    case postcodeDistrict(String)
    /// By its local authority district.
    case district
}

extension PlaceRules {
    /// The same rules with per-practice overrides read from a CSV with columns `practice_code` and
    /// `place_code`.
    /// - Throws: ``IngestError`` naming the line of an empty practice code or an unknown place code.
    public func withOverrides(from table: CSVTable) throws -> PlaceRules {
        let practice = try table.column("practice_code")
        let place = try table.column("place_code")
        var copy = self
        let known = Set(places.map(\.code))
        for record in table.records {
            let practiceCode = try record.practiceCode(practice, file: table.file)
            guard known.contains(record[place]) else {
                throw IngestError.invalidValue(
                    file: table.file, line: record.line, field: place.name,
                    reason:
                        "'\(record[place])' is not a place; use one of \(places.map(\.code).joined(separator: ", "))")
            }
            copy.overrides[practiceCode] = record[place]
        }
        return copy
    }
}
