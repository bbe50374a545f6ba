import ConcordatCore
import Foundation

/// Writes CSV to a file through a large buffer, appending numbers as ASCII without making strings:
/// fast enough to write millions of rows.
public struct CSVWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let flushAt = 1 << 22

    /// Creates (or truncates) the file at `url` and writes the header row.
    public init(url: URL, header: [String]) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(flushAt + 4096)
        for (index, name) in header.enumerated() {
            if index > 0 { comma() }
            text(name)
        }
        try endRow()
    }

    /// Appends a text field, quoted if it holds a comma, quote or line break.
    public mutating func text(_ value: String) {
        if value.utf8.contains(where: {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }) {
            buffer.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                buffer.append(byte)
            }
            buffer.append(UInt8(ascii: "\""))
        } else {
            buffer.append(contentsOf: value.utf8)
        }
    }

    /// Appends a text field given as UTF-8 bytes, quoted if it holds a comma, quote or line break.
    public mutating func text(bytes: ArraySlice<UInt8>) {
        if bytes.contains(where: {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }) {
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
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= flushAt { try flush() }
    }

    /// Writes the buffer out.
    public mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes the buffer out and closes the file.
    public mutating func close() throws {
        try flush()
        try handle.close()
    }
}
