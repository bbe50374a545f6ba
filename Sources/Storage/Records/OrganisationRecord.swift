import ConcordatCore
import Foundation
import GRDB

/// The `organisation` table: the partnership's members, in the order they were added.
struct OrganisationRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "organisation"
    var position: Int64?
    var code: String
    var name: String
    var role: String
    var isSignatory: Bool
    var membership: String?
    var source: String?
    /// The places it is accountable for, as a JSON array of area codes.
    var places: String = "[]"
    /// Its ODS code, if it has one (migration v16).
    var odsCode: String?

    func organisation() throws -> Organisation {
        guard let role = OrganisationRole(rawValue: role) else {
            throw StoreError.corrupt("organisation \(code) has an unknown role '\(role)'")
        }
        let membership = try membership.map { raw in
            guard let value = Organisation.Membership(rawValue: raw) else {
                throw StoreError.corrupt("organisation \(code) has an unknown membership '\(raw)'")
            }
            return value
        }
        guard let places = try? JSONDecoder().decode([String].self, from: Data(places.utf8)) else {
            throw StoreError.corrupt("organisation \(code) has places that are not a JSON list of codes")
        }
        return Organisation(
            code: code, name: name, role: role, isSignatory: isSignatory, membership: membership, source: source,
            places: places, odsCode: odsCode)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { position = inserted.rowID }
}

extension OrganisationRecord {
    init(_ organisation: Organisation, position: Int64? = nil) {
        self.position = position
        code = organisation.code
        name = organisation.name
        role = organisation.role.rawValue
        isSignatory = organisation.isSignatory
        membership = organisation.membership?.rawValue
        source = organisation.source
        places = String(decoding: (try? JSONEncoder().encode(organisation.places)) ?? Data("[]".utf8), as: UTF8.self)
        odsCode = organisation.odsCode
    }
}
