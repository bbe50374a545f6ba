import ConcordatCore
import Foundation

/// Writes CSV through a large buffer, appending numbers as ASCII without making strings: fast enough to
/// write millions of rows. The one CSV writer Concordat has: `concordat score`, the web's CSV downloads
/// and the extracts it writes all use it.
///
/// Cells are typed (``CSVCell``): text is quoted as RFC 4180 requires and, for a CSV meant for people
/// (``Purpose/spreadsheet``, the default), neutralised against formulas; whole numbers written with
/// ``int(_:)`` and ``CSVCell/number(_:)`` cells are written as they are, so negative numbers stay numbers.
public struct CSVWriter {
    /// Who reads the CSV.
    public enum Purpose: Sendable {
        /// People, in a spreadsheet: text that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`.
        case spreadsheet
        /// Programs reading data back (extracts for import): text is written exactly, only quoted.
        case interchange
    }

    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    private let flushAt = 1 << 22
    private let purpose: Purpose
    private let lineEnd: [UInt8]

    /// Creates (or truncates) the file at `url` and writes the header row; rows end with LF.
    public init(url: URL, header: [String], purpose: Purpose = .spreadsheet) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
        self.purpose = purpose
        lineEnd = [0x0A]
        buffer.reserveCapacity(flushAt + 4096)
        try row(header.map(CSVCell.text))
    }

    /// Writes into memory (``written``), rows ending with CRLF as RFC 4180 has it: for downloads.
    public init(header: [String], purpose: Purpose = .spreadsheet) {
        handle = nil
        self.purpose = purpose
        lineEnd = [0x0D, 0x0A]
        try? row(header.map(CSVCell.text))
    }

    /// Writes into memory the rows that follow `writer`'s, in its form (purpose and line ends) and
    /// without a header: to format rows on several threads and append them in order with
    /// ``append(rows:)``.
    public init(continuing writer: CSVWriter) {
        handle = nil
        purpose = writer.purpose
        lineEnd = writer.lineEnd
    }

    /// Appends the rows written into `other` (made with ``init(continuing:)``).
    public mutating func append(rows other: CSVWriter) throws {
        guard let handle else { return buffer.append(contentsOf: other.buffer) }
        try flush()
        try handle.write(contentsOf: other.buffer)
    }

    /// What has been written, when writing into memory.
    public var written: [UInt8] { buffer }

    /// Appends a row of cells.
    public mutating func row(_ cells: [CSVCell]) throws {
        for (index, cell) in cells.enumerated() {
            if index > 0 { comma() }
            self.cell(cell)
        }
        try endRow()
    }

    /// Appends one cell.
    public mutating func cell(_ cell: CSVCell) {
        switch (cell, purpose) {
        case (.text(let value), .interchange): buffer.append(contentsOf: CSVCell.quoted(Array(value.utf8)))
        default: buffer.append(contentsOf: cell.encoded)
        }
    }

    /// Appends a text cell: neutralised (for a spreadsheet) and quoted if it holds a comma, quote or line
    /// break.
    public mutating func text(_ value: String) {
        let plain = !value.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }
        if plain, purpose == .interchange || value.utf8.first.map(CSVCell.formulaStarts.contains) != true {
            buffer.append(contentsOf: value.utf8)
        } else {
            cell(.text(value))
        }
    }

    /// Appends a text cell given as UTF-8 bytes, as ``text(_:)``.
    public mutating func text(bytes: ArraySlice<UInt8>) {
        let needsWork =
            bytes.contains(where: {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
                    || $0 == UInt8(ascii: "\r")
            }) || (purpose == .spreadsheet && bytes.first.map(CSVCell.formulaStarts.contains) == true)
        if needsWork {
            text(String(decoding: bytes, as: UTF8.self))
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends a whole number.
    public mutating func int(_ value: Int) {
        if value >= 0, value < 10 {
            buffer.append(UInt8(value) + 48)
            return
        }
        var magnitude = value.magnitude
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var position = start + digits - 1
        repeat {
            buffer[position] = UInt8(magnitude % 10) + 48
            magnitude /= 10
            position -= 1
        } while magnitude > 0
    }

    /// Writes `YYYY-MM-DD`.
    public mutating func day(_ day: ConcordatCore.Day) {
        let (y, m, d) = day.components
        int(y)
        buffer.append(UInt8(ascii: "-"))
        if m < 10 { buffer.append(UInt8(ascii: "0")) }
        int(m)
        buffer.append(UInt8(ascii: "-"))
        if d < 10 { buffer.append(UInt8(ascii: "0")) }
        int(d)
    }

    /// Ends a field.
    public mutating func comma() { buffer.append(UInt8(ascii: ",")) }

    /// Appends `count` fields of 0 or 1, each after a comma (`,0,1,0`): the category flags of a score.
    public mutating func flags(_ count: Int, _ isSet: (Int) -> Bool) {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(UInt8(ascii: ","), count: count * 2))
        buffer.withUnsafeMutableBufferPointer { bytes in
            for index in 0..<count { bytes[start + index * 2 + 1] = isSet(index) ? 49 : 48 }
        }
    }

    /// Ends a row (and writes the buffer out when it is full).
    public mutating func endRow() throws {
        buffer.append(contentsOf: lineEnd)
        if buffer.count >= flushAt { try flush() }
    }

    /// Writes the buffer out (to the file; in memory, keeps it).
    public mutating func flush() throws {
        guard let handle, !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes the buffer out and closes the file.
    public mutating func close() throws {
        try flush()
        try handle?.close()
    }
}
