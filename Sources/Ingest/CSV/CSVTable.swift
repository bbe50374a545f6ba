import ConcordatCore

/// A whole CSV file held in memory: its header and its records, each with the line it started on.
///
/// Parses RFC 4180: comma-separated fields, optional double quotes, `""` for a quote inside quotes,
/// line breaks inside quoted fields, LF or CRLF line ends, an optional UTF-8 byte order mark.
/// Every record must have as many fields as the header.
public struct CSVTable: Sendable {
    /// The file name used in error messages.
    public let file: String
    /// The column names from the first line.
    public let header: [String]
    /// The data records, in file order.
    public let records: [CSVRecord]

    /// Parses CSV text.
    ///
    /// - Throws: ``IngestError`` (`malformedCSV`) naming the line of an unterminated quote, a stray
    ///   quote, or a record whose field count differs from the header's.
    public init(parsing bytes: some Collection<UInt8>, file: String) throws {
        self.file = file
        // One parser for the dialect: the streaming reader, collecting every row.
        var header: [String] = []
        var records: [CSVRecord] = []
        try CSVStream(bytes: Array(bytes), file: file).forEachRow(
            onHeader: { header = $0 },
            onRow: { row in records.append(CSVRecord(line: row.line, fields: (0..<row.count).map { row.string($0) })) })
        self.header = header
        self.records = records
    }

    /// The position of a column, by exact header name.
    /// - Throws: ``IngestError`` (`missingColumn`) when the header has no such column.
    public func column(_ name: String) throws -> CSVColumn {
        guard let position = header.firstIndex(of: name) else {
            throw IngestError.missingColumn(file: file, column: name)
        }
        return CSVColumn(name: name, position: position)
    }

    /// A record's amount of money in `column` (pounds: `£1,234.56`, `£3.1bn`, `250m`).
    /// - Throws: ``IngestError`` (`invalidValue`) naming the file, line and column when it is not an amount.
    public func money(_ record: CSVRecord, _ column: CSVColumn) throws -> Money {
        do { return try Money.parse(record[column]) } catch {
            throw IngestError.invalidValue(file: file, line: record.line, field: column.name, reason: error.description)
        }
    }
}

/// A column of a ``CSVTable``: its header name and position.
public struct CSVColumn: Sendable, Hashable {
    /// The header name.
    public let name: String
    /// The zero-based position.
    public let position: Int
}

/// One CSV record and the line it starts on.
public struct CSVRecord: Sendable, Hashable {
    /// The 1-based line number of the record's first character.
    public let line: Int
    /// The fields, unquoted.
    public let fields: [String]

    /// The field in `column`.
    public subscript(column: CSVColumn) -> String { fields[column.position] }
}
