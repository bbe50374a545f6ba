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
        var parser = CSVRowParser(bytes: Array(bytes), file: file)
        guard let first = try parser.next() else {
            throw IngestError.malformedCSV(file: file, line: 1, reason: "the file is empty: a header row is required")
        }
        header = first.fields
        var records: [CSVRecord] = []
        while let row = try parser.next() {
            if row.fields.count == 1, row.fields[0].isEmpty { continue }  // blank line
            guard row.fields.count == header.count else {
                throw IngestError.malformedCSV(
                    file: file, line: row.line,
                    reason: "expected \(header.count) fields as in the header, found \(row.fields.count)")
            }
            records.append(row)
        }
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

/// Splits CSV bytes into records, one at a time.
struct CSVRowParser {
    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    private var line = 1

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    mutating func next() throws -> CSVRecord? {
        guard position < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var wasQuoted = false
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                wasQuoted = false
            case UInt8(ascii: "\""):
                guard field.isEmpty, !wasQuoted else {
                    throw IngestError.malformedCSV(
                        file: file, line: line,
                        reason: "a quote appears inside an unquoted field (field \(fields.count + 1))")
                }
                quoted = true
                wasQuoted = true
            case UInt8(ascii: "\n"):
                line += 1
                if field.last == UInt8(ascii: "\r") { field.removeLast() }
                fields.append(String(decoding: field, as: UTF8.self))
                return CSVRecord(line: startLine, fields: fields)
            default:
                if wasQuoted, byte != UInt8(ascii: "\r") {
                    throw IngestError.malformedCSV(
                        file: file, line: line,
                        reason: "text follows a closing quote in field \(fields.count + 1)")
                }
                field.append(byte)
            }
        }
        if quoted {
            throw IngestError.malformedCSV(
                file: file, line: startLine, reason: "a quoted field is never closed before the end of the file")
        }
        if field.last == UInt8(ascii: "\r") { field.removeLast() }
        fields.append(String(decoding: field, as: UTF8.self))
        return CSVRecord(line: startLine, fields: fields)
    }
}
