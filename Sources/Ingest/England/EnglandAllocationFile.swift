import ConcordatCore
import Foundation

/// NHS England's 2025/26 practice-level weighted populations for all of England: 6,348 practices in
/// the 42 ICBs, each with its ICB, local authority district (`LTLA`), GP population (`Population`) and
/// needs-weighted populations. The data behind NHS England's ICB Place Based Allocation Tool; a copy
/// ships in the project (`Resources/england`, OGL v3).
///
/// It is the one file every ICB can be built from: practices, their districts (the default places),
/// their list sizes (totals only: the file has no age or sex bands) and the weights an allocation uses.
public struct EnglandAllocationFile: Sendable {
    /// The parsed file.
    public let table: CSVTable

    /// The file's name as shipped.
    public static let fileName = "weighted-population-2025-26.csv"
    /// The publication it comes from.
    public static let publication =
        "NHS England, 2025/26 allocations: practice-level weighted populations (all ICBs)"

    /// One ICB of the file.
    public struct ICB: Sendable, Hashable {
        /// The ICB's ODS code (`QUY`).
        public var code: String
        /// Its name as the file gives it.
        public var name: String
        /// How many practice rows the file has for it.
        public var practices: Int
    }

    /// Wraps a parsed file, checking it has the columns an ICB is built from.
    /// - Throws: ``IngestError`` `missingColumn` naming the first column it lacks.
    public init(table: CSVTable) throws {
        for column in Self.requiredColumns { _ = try table.column(column) }
        self.table = table
        icbColumn = try table.column("ICB")
        icbNameColumn = try table.column("ICBname")
    }

    private let icbColumn: CSVColumn
    private let icbNameColumn: CSVColumn

    /// The columns read from the file.
    static let requiredColumns =
        [
            "Practice_Code", "GP_Practice_Name", "Practice_Postcode", "ICB", "ICBname", "LTLA", "Population",
            "Final WP", "Primary Medical Care WP", "Final PMC WP",
        ] + PublishedReferenceData.weightedComponents.map(\.0)

    /// The copy shipped inside the project.
    public static var bundledURL: URL {
        Bundle.module.resourceURL!.appendingPathComponent("england").appendingPathComponent(fileName)
    }

    private static let bundledFile = Result { () throws -> EnglandAllocationFile in
        let data = try Data(contentsOf: bundledURL)
        return try EnglandAllocationFile(table: CSVTable(parsing: data, file: fileName))
    }

    /// The file shipped with the project (read once per process).
    /// - Throws: ``IngestError`` if the shipped copy is unreadable or malformed.
    public static func bundled() throws -> EnglandAllocationFile { try bundledFile.get() }

    /// Every ICB in the file, by code.
    public var icbs: [ICB] {
        let (code, name) = (icbColumn, icbNameColumn)
        var found: [String: ICB] = [:]
        for record in table.records {
            let key = record[code].uppercased()
            found[key, default: ICB(code: key, name: record[name], practices: 0)].practices += 1
        }
        return found.values.sorted { $0.code < $1.code }
    }

    /// The rows of one ICB (by code, exactly as the file gives it), in file order.
    public func records(ofICB code: String) -> [CSVRecord] {
        let column = icbColumn
        let wanted = code.uppercased()
        return table.records.filter { $0[column].uppercased() == wanted }
    }

    /// The needs-weighted populations of every practice of ICB `code`: the weights its allocation uses
    /// and its ICB total (every practice of the ICB in the file), keyed by practice code. Empty for a
    /// code the file does not hold.
    /// - Throws: ``IngestError`` naming the line and column of a value that is not a non-negative number.
    public func weightedPopulations(ofICB code: String) throws -> [String: WeightedPopulation] {
        let practice = try table.column("Practice_Code")
        let population = try table.column("Population")
        let final = try table.column("Final WP")
        let primary = try table.column("Primary Medical Care WP")
        let finalPrimary = try table.column("Final PMC WP")
        let components = try PublishedReferenceData.weightedComponents.map { (try table.column($0.0), $0.1) }
        var result: [String: WeightedPopulation] = [:]
        for record in records(ofICB: code) {
            var parts: [String: Double] = [:]
            for (column, name) in components { parts[name] = try number(record, column) }
            let key = record[practice].uppercased()
            result[key] = WeightedPopulation(
                practice: key, population: try number(record, population), weighted: try number(record, final),
                components: parts, primaryMedicalCare: try number(record, primary),
                finalPrimaryMedicalCare: try number(record, finalPrimary))
        }
        return result
    }

    /// A field that must be a finite, non-negative number.
    func number(_ record: CSVRecord, _ column: CSVColumn) throws -> Double {
        guard let value = Double(record[column]), value >= 0, value.isFinite else {
            throw IngestError.invalidValue(
                file: table.file, line: record.line, field: column.name,
                reason: "'\(record[column])' is not a non-negative number")
        }
        return value
    }
}
