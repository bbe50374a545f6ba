import ConcordatCore

extension PublishedReferenceData {
    /// The component columns of the weighted population file and the short names Concordat uses.
    public static let weightedComponents = [
        ("G&A WP", "G&A"), ("CS WP", "CS"), ("MH WP", "MH"), ("Mat WP", "Mat"), ("Health Ineq WP", "Health Ineq"),
        ("Prescr WP", "Prescr"),
    ]

    /// The needs-weighted populations of every practice in the 2025/26 file.
    /// - Throws: ``IngestError`` naming the line and column of a value that is not a non-negative number.
    public func weightedPopulations() throws -> [String: WeightedPopulation] {
        let table = weightedPopulation
        let code = try table.column("Practice_Code")
        let population = try table.column("Population")
        let final = try table.column("Final WP")
        let primary = try table.column("Primary Medical Care WP")
        let finalPrimary = try table.column("Final PMC WP")
        let components = try Self.weightedComponents.map { (try table.column($0.0), $0.1) }
        var result: [String: WeightedPopulation] = [:]
        for record in table.records {
            func number(_ column: CSVColumn) throws -> Double {
                guard let value = Double(record[column]), value >= 0, value.isFinite else {
                    throw IngestError.invalidValue(
                        file: FileName.weightedPopulation, line: record.line, field: column.name,
                        reason: "'\(record[column])' is not a non-negative number")
                }
                return value
            }
            var parts: [String: Double] = [:]
            for (column, name) in components { parts[name] = try number(column) }
            let practice = record[code].uppercased()
            result[practice] = WeightedPopulation(
                practice: practice, population: try number(population), weighted: try number(final), components: parts,
                primaryMedicalCare: try number(primary), finalPrimaryMedicalCare: try number(finalPrimary))
        }
        return result
    }
}
