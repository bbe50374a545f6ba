import ConcordatCore
import Foundation
import GRDB
import Governance

/// The `business_case` table (migration v18): a drafted case, its text cases as columns and its economic
/// and financial cases and management case's lists as JSON text.
struct BusinessCaseRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "business_case"
    var id: String
    var title: String
    var scenarioDefinition: String
    var appraisalReport: String
    var strategic: String
    var commercial: String
    var management: String
    var economic: String
    var financial: String
    var author: String
    var organisation: String?
    var createdAt: Date

    /// The row of `stored`.
    init(_ stored: StoredBusinessCase) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let businessCase = stored.businessCase
        id = businessCase.id
        title = businessCase.title
        scenarioDefinition = stored.scenarioDefinition
        appraisalReport = stored.appraisalReport
        strategic = businessCase.strategic
        commercial = businessCase.commercial
        management = String(decoding: try encoder.encode(businessCase.management), as: UTF8.self)
        economic = String(decoding: try encoder.encode(businessCase.economic), as: UTF8.self)
        financial = String(decoding: try encoder.encode(businessCase.financial), as: UTF8.self)
        author = businessCase.author
        organisation = businessCase.organisation
        createdAt = businessCase.created
    }

    /// Makes a row from its columns.
    init(
        id: String, title: String, scenarioDefinition: String, appraisalReport: String, strategic: String,
        commercial: String, management: String, economic: String, financial: String, author: String,
        organisation: String?, createdAt: Date
    ) {
        self.id = id
        self.title = title
        self.scenarioDefinition = scenarioDefinition
        self.appraisalReport = appraisalReport
        self.strategic = strategic
        self.commercial = commercial
        self.management = management
        self.economic = economic
        self.financial = financial
        self.author = author
        self.organisation = organisation
        self.createdAt = createdAt
    }

    /// The stored case, with its attachment and determinations.
    /// - Throws: ``StoreError`` `corrupt` when a JSON column cannot be read.
    func stored(proposal: String?, determinations: [Section151Determination]) throws -> StoredBusinessCase {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ text: String, _ column: String) throws -> T {
            do { return try decoder.decode(type, from: Data(text.utf8)) } catch {
                throw StoreError.corrupt("business case \(id)'s \(column) cannot be read: \(error)")
            }
        }
        return StoredBusinessCase(
            businessCase: BusinessCase(
                id: id, title: title, strategic: strategic, commercial: commercial,
                management: try decode(BusinessCase.Management.self, management, "management"),
                economic: try decode(EconomicAppraisal.self, economic, "economic"),
                financial: try decode(FinancialPosition.self, financial, "financial"), author: author,
                organisation: organisation, created: createdAt),
            scenarioDefinition: scenarioDefinition, appraisalReport: appraisalReport, proposal: proposal,
            determinations: determinations)
    }
}

/// The `section151_determination` table: determinations, in the order recorded.
struct DeterminationRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "section151_determination"
    var businessCase: String
    var council: String
    var username: String
    var at: Date
    var outcome: String
    var reason: String

    /// The row of `determination`.
    init(_ determination: Section151Determination) {
        businessCase = determination.businessCase
        council = determination.council
        username = determination.username
        at = determination.at
        outcome = determination.outcome.rawValue
        reason = determination.reason
    }

    /// Makes a row from its columns.
    init(businessCase: String, council: String, username: String, at: Date, outcome: String, reason: String) {
        self.businessCase = businessCase
        self.council = council
        self.username = username
        self.at = at
        self.outcome = outcome
        self.reason = reason
    }

    /// The determination.
    /// - Throws: ``StoreError`` `corrupt` for an unknown outcome.
    func determination() throws -> Section151Determination {
        guard let outcome = Section151Determination.Outcome(rawValue: outcome) else {
            throw StoreError.corrupt("a determination on \(businessCase) has the outcome '\(outcome)'")
        }
        return Section151Determination(
            businessCase: businessCase, council: council, username: username, at: at, outcome: outcome,
            reason: reason)
    }
}

/// The `business_case_attachment` table: which proposal each case is attached to (one each way).
struct AttachmentRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "business_case_attachment"
    var businessCase: String
    var proposal: String
    var attachedAt: Date
}

/// The `office_holder` table: accounts holding offices for their organisations.
struct OfficeHolderRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "office_holder"
    var username: String
    var office: String
    var organisation: String

    /// The holder.
    /// - Throws: ``StoreError`` `corrupt` for an unknown office.
    func holder() throws -> OfficeHolder {
        guard let office = Office(rawValue: office) else {
            throw StoreError.corrupt("\(username) holds the office '\(office)', which is not an office")
        }
        return OfficeHolder(username: username, office: office, organisation: organisation)
    }
}

/// The checks every adapter makes before writing a case or a determination.
enum BusinessCaseWrite {
    /// The longest scenario definition kept, in bytes.
    static let maximumDefinitionBytes = 256 * 1024

    /// Refuses a case whose text breaks its limits.
    static func check(_ stored: StoredBusinessCase) throws {
        if let refusal = stored.businessCase.refusal() { throw refusal }
        guard stored.scenarioDefinition.utf8.count <= maximumDefinitionBytes else {
            throw FieldRefusal(
                field: "scenarioDefinition", reason: "is longer than \(maximumDefinitionBytes) bytes")
        }
    }

    /// Refuses a determination whose text breaks its limits.
    static func check(_ determination: Section151Determination) throws {
        try TextLimit.identifier.check(determination.council, field: "council")
        try TextLimit.text.check(determination.reason, field: "reason")
        guard !determination.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw FieldRefusal(field: "reason", reason: "is required: a determination gives its reason")
        }
    }
}
