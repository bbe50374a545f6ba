extension CSVRecord {
    /// The practice code in `column`, upper-cased.
    /// - Throws: ``IngestError`` naming `file`, the line and the column when the code is empty.
    func practiceCode(_ column: CSVColumn, file: String) throws -> String {
        let code = self[column].uppercased()
        guard !code.isEmpty else {
            throw IngestError.invalidValue(
                file: file, line: line, field: column.name, reason: "the practice code is empty")
        }
        return code
    }

    /// The practice code in `column`, upper-cased, added to `seen`.
    /// - Throws: ``IngestError`` naming `file`, the line and the column when the code is empty or already in
    ///   `seen` (a practice listed twice).
    func uniquePracticeCode(_ column: CSVColumn, file: String, seen: inout Set<String>) throws -> String {
        let code = try practiceCode(column, file: file)
        guard seen.insert(code).inserted else {
            throw IngestError.inconsistent(
                file: file, line: line, field: column.name, reason: "practice \(code) is listed twice")
        }
        return code
    }
}
