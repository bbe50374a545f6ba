import ConcordatCore

/// Why a source could not be read, and exactly where: file, line and field.
///
/// Follows swift-nio's pattern of a public struct over a private enum, so new kinds can be added
/// without breaking callers who switch on ``code``.
public struct IngestError: Error, Hashable, Sendable, CustomStringConvertible {
    fileprivate enum Base: Hashable, Sendable {
        case unreadable, malformedCSV, missingColumn, invalidValue, inconsistent
    }

    /// A kind of ingest error, comparable with `==`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let base: Base
        /// The file could not be opened or read.
        public static let unreadable = Code(base: .unreadable)
        /// The text is not valid CSV (an unterminated quote, a row with the wrong number of fields).
        public static let malformedCSV = Code(base: .malformedCSV)
        /// A required column is missing from the header.
        public static let missingColumn = Code(base: .missingColumn)
        /// A field holds a value that is not allowed.
        public static let invalidValue = Code(base: .invalidValue)
        /// The file contradicts itself or another file.
        public static let inconsistent = Code(base: .inconsistent)

        /// The kind in words.
        public var description: String {
            switch base {
            case .unreadable: "unreadable"
            case .malformedCSV: "malformed CSV"
            case .missingColumn: "missing column"
            case .invalidValue: "invalid value"
            case .inconsistent: "inconsistent"
            }
        }
    }

    /// What kind of error it is.
    public let code: Code
    /// The file, as named to the user.
    public let file: String
    /// The 1-based line the bad record starts on, if the error is about a record.
    public let line: Int?
    /// The column (header name) of the bad value, if the error is about one field.
    public let field: String?
    /// Why the value or record was refused, in plain English.
    public let reason: String

    private init(_ code: Code, file: String, line: Int?, field: String?, reason: String) {
        self.code = code
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    /// The file could not be read.
    public static func unreadable(file: String, reason: String) -> IngestError {
        IngestError(.unreadable, file: file, line: nil, field: nil, reason: reason)
    }

    /// The CSV structure is broken at `line`.
    public static func malformedCSV(file: String, line: Int, reason: String) -> IngestError {
        IngestError(.malformedCSV, file: file, line: line, field: nil, reason: reason)
    }

    /// The header lacks `column`.
    public static func missingColumn(file: String, column: String) -> IngestError {
        IngestError(
            .missingColumn, file: file, line: 1, field: column,
            reason: "the header has no column named '\(column)'")
    }

    /// `field` on `line` holds a value that is not allowed.
    public static func invalidValue(file: String, line: Int, field: String, reason: String) -> IngestError {
        IngestError(.invalidValue, file: file, line: line, field: field, reason: reason)
    }

    /// `field` on `line` holds an NHS number that fails `check`: the reason names the check (length,
    /// digit, check digit, all-same-digit) and never the number, so reports and logs hold no identifier.
    public static func invalidNHSNumber(file: String, line: Int, field: String, check: NHSNumber.Problem)
        -> IngestError
    {
        IngestError(.invalidValue, file: file, line: line, field: field, reason: "not a valid NHS number: \(check)")
    }

    /// The file contradicts itself or another file.
    public static func inconsistent(file: String, line: Int? = nil, field: String? = nil, reason: String)
        -> IngestError
    {
        IngestError(.inconsistent, file: file, line: line, field: field, reason: reason)
    }

    /// The same error placed elsewhere: used to report against an original file (an NDJSON line) after
    /// checking its converted form.
    func relocated(file: String, line: Int?, field: String?) -> IngestError {
        IngestError(code, file: file, line: line, field: field, reason: reason)
    }

    /// `file:line: field 'x': reason`, the form compilers use, so editors can jump to it.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ":"
        if let field { text += " field '\(field)':" }
        return text + " \(reason)"
    }
}
