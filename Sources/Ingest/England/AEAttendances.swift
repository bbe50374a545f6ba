import ConcordatCore
import Foundation

/// NHS England's monthly *A&E Attendances and Emergency Admissions* statistics by provider: for each month,
/// provider (ODS code) and A&E department type, the attendances, the attendances that spent more than four
/// hours in A&E from arrival to admission, transfer or discharge ("breaches") and the emergency admissions
/// via A&E. The bundled copy covers April 2016 to March 2019 for all 274 providers, as tidied in the NHS-R
/// community's NHSRdatasets package (`ae_attendances`): columns `period,org_code,type,attendances,breaches,
/// admissions`, `period` the first day of the month, `type` `1`, `2` or `other`.
///
/// Source: NHS England, A&E Attendances and Emergency Admissions (monthly statistics), Open Government Licence
/// v3.0. 4-hour performance is 1 − breaches ÷ attendances, for one type or for all types together, as NHS
/// England publishes it; the constitutional standard is 95%. A month a provider has no row for (of a type) is
/// a gap, never a zero.
public struct AEAttendances: Sendable, Hashable {
    /// An A&E department type, as NHS England classifies them.
    public enum DepartmentType: String, Sendable, Hashable, Codable, CaseIterable {
        /// Type 1: consultant-led, 24-hour major emergency departments with full resuscitation facilities.
        case type1 = "1"
        /// Type 2: consultant-led single-specialty A&E (eye hospitals, say).
        case type2 = "2"
        /// Types 3 and 4: urgent treatment centres, minor injury units and walk-in centres.
        case other
    }

    /// Which departments a figure counts.
    public enum Scope: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every type together: NHS England's headline "all types" figure.
        case allTypes = "all"
        /// Type 1 departments only.
        case type1 = "1"

        /// Whether a row of `type` counts in this scope.
        public func includes(_ type: DepartmentType) -> Bool { self == .allTypes || type == .type1 }

        /// The scope in words.
        public var label: String { self == .allTypes ? "all A&E types" : "type 1 (major emergency departments)" }
    }

    /// One row of the file.
    public struct Row: Sendable, Hashable, Codable {
        /// The month, `YYYY-MM`.
        public var month: String
        /// The provider's ODS code.
        public var provider: String
        /// The department type.
        public var type: DepartmentType
        /// Attendances.
        public var attendances: Int
        /// Attendances over four hours.
        public var breaches: Int
        /// Emergency admissions via A&E.
        public var admissions: Int

        /// Makes a row.
        public init(
            month: String, provider: String, type: DepartmentType, attendances: Int, breaches: Int, admissions: Int
        ) {
            self.month = month
            self.provider = provider
            self.type = type
            self.attendances = attendances
            self.breaches = breaches
            self.admissions = admissions
        }
    }

    /// Attendances and breaches added up over rows (of one provider, or several pooled).
    public struct Counts: Sendable, Hashable, Codable {
        /// Attendances.
        public var attendances: Int
        /// Attendances over four hours.
        public var breaches: Int

        /// Makes counts.
        public init(attendances: Int, breaches: Int) {
            self.attendances = attendances
            self.breaches = breaches
        }

        /// Attendances within four hours.
        public var withinFourHours: Int { attendances - breaches }

        /// 4-hour performance, 1 − breaches ÷ attendances (0…1); `nil` with no attendances (there is no rate).
        public var performance: Double? {
            attendances > 0 ? 1 - Double(breaches) / Double(attendances) : nil
        }

        /// The sum of two counts.
        public static func + (lhs: Counts, rhs: Counts) -> Counts {
            Counts(attendances: lhs.attendances + rhs.attendances, breaches: lhs.breaches + rhs.breaches)
        }
    }

    /// The file's rows, in file order.
    public let rows: [Row]
    /// The months the file covers, earliest first.
    public let months: [String]
    /// Every provider's ODS code, sorted.
    public let providers: [String]
    private let byMonthAndProvider: [String: [Row]]

    /// The bundled file's name.
    public static let fileName = "ae-attendances-england-2016-2019.csv"

    /// The columns the file must have.
    public static let requiredColumns = ["period", "org_code", "type", "attendances", "breaches", "admissions"]

    /// The statistics from rows already read.
    /// - Throws: ``IngestError`` (`inconsistent`) when a month, provider and type appear twice.
    public init(rows: [Row], file: String = "A&E attendances") throws(IngestError) {
        var index: [String: [Row]] = [:]
        for row in rows {
            let key = Self.key(row.month, row.provider)
            if index[key]?.contains(where: { $0.type == row.type }) == true {
                throw IngestError.inconsistent(
                    file: file,
                    reason: "\(row.provider) has two rows for type \(row.type.rawValue) in \(row.month)")
            }
            index[key, default: []].append(row)
        }
        self.rows = rows
        byMonthAndProvider = index
        months = Set(rows.map(\.month)).sorted()
        providers = Set(rows.map(\.provider)).sorted()
    }

    /// Parses the published CSV, all or nothing.
    /// - Throws: ``IngestError`` naming the file, line and field: a missing column, a `period` that is not the
    ///   first day of a month (`2019-03-01`), an `org_code` that is not an ODS code, a `type` other than `1`,
    ///   `2` or `other`, a count that is not a whole number of 0 or more, more breaches than attendances, a
    ///   provider's type given twice in a month, or a file with no rows.
    public init(parsing bytes: some Collection<UInt8>, file: String) throws {
        let table = try CSVTable(parsing: bytes, file: file)
        let columns = try Self.requiredColumns.map { try table.column($0) }
        let (period, org, type, attendances, breaches, admissions) =
            (columns[0], columns[1], columns[2], columns[3], columns[4], columns[5])
        var rows: [Row] = []
        rows.reserveCapacity(table.records.count)
        for record in table.records {
            let line = record.line
            func count(_ column: CSVColumn) throws -> Int {
                let text = record[column].trimmingCharacters(in: .whitespaces)
                guard let value = Int(text), value >= 0 else {
                    throw IngestError.invalidValue(
                        file: file, line: line, field: column.name,
                        reason: "'\(record[column])' is not a whole number of 0 or more")
                }
                return value
            }
            let periodText = record[period]
            guard periodText.count == 10, periodText.hasSuffix("-01"), Month.isValid(String(periodText.prefix(7)))
            else {
                throw IngestError.invalidValue(
                    file: file, line: line, field: period.name,
                    reason: "'\(periodText)' is not the first day of a month (YYYY-MM-01)")
            }
            let code = record[org]
            guard OrganisationCode.isODSShaped(code) else {
                throw IngestError.invalidValue(
                    file: file, line: line, field: org.name,
                    reason: "'\(code)' is not an ODS code (3 to 6 capital letters and digits)")
            }
            guard let departmentType = DepartmentType(rawValue: record[type]) else {
                throw IngestError.invalidValue(
                    file: file, line: line, field: type.name, reason: "'\(record[type])' is not 1, 2 or other")
            }
            let row = Row(
                month: String(periodText.prefix(7)), provider: code, type: departmentType,
                attendances: try count(attendances), breaches: try count(breaches), admissions: try count(admissions))
            guard row.breaches <= row.attendances else {
                throw IngestError.invalidValue(
                    file: file, line: line, field: breaches.name,
                    reason: "\(row.breaches) breaches is more than the \(row.attendances) attendances")
            }
            rows.append(row)
        }
        guard !rows.isEmpty else { throw IngestError.inconsistent(file: file, reason: "the file has no rows") }
        try self.init(rows: rows, file: file)
    }

    /// The copy shipped inside the project.
    public static var bundledURL: URL {
        Bundle.module.resourceURL!.appendingPathComponent("england").appendingPathComponent(fileName)
    }

    private static let bundledFile = Result { () throws -> AEAttendances in
        try AEAttendances(parsing: try Data(contentsOf: bundledURL), file: fileName)
    }

    /// The file shipped with the project (read once per process).
    /// - Throws: ``IngestError`` if the shipped copy is unreadable or malformed.
    public static func bundled() throws -> AEAttendances { try bundledFile.get() }

    /// One provider's counts in a month for a scope; `nil` when the provider has no row of that scope then
    /// (a gap).
    public func counts(provider: String, month: String, scope: Scope) -> Counts? {
        let rows = (byMonthAndProvider[Self.key(month, provider)] ?? []).filter { scope.includes($0.type) }
        guard !rows.isEmpty else { return nil }
        return rows.reduce(Counts(attendances: 0, breaches: 0)) {
            $0 + Counts(attendances: $1.attendances, breaches: $1.breaches)
        }
    }

    /// Several providers' counts in a month pooled (Σ breaches over Σ attendances, never a mean of their
    /// percentages); `nil` when none of them has a row of that scope then.
    public func pooledCounts(providers: [String], month: String, scope: Scope) -> Counts? {
        let each = providers.compactMap { counts(provider: $0, month: month, scope: scope) }
        guard !each.isEmpty else { return nil }
        return each.reduce(Counts(attendances: 0, breaches: 0), +)
    }

    /// Every provider's counts in a month for a scope, by ODS code (providers with no row of that scope then
    /// left out).
    public func providerCounts(month: String, scope: Scope) -> [(provider: String, counts: Counts)] {
        providers.compactMap { provider in
            counts(provider: provider, month: month, scope: scope).map { (provider, $0) }
        }
    }

    private static func key(_ month: String, _ provider: String) -> String { month + "|" + provider }
}
