import Foundation

/// Reads a large CSV file row by row in fixed-size chunks, without allocating a `String` per field:
/// the fast path for person-level extracts of millions of rows.
///
/// Same dialect as ``CSVTable`` (RFC 4180: quotes, doubled quotes, CRLF, BOM, line breaks in quotes).
/// Each row is handed to the caller as a ``CSVRow`` view that is valid only during the call.
public struct CSVStream {
    /// The file name used in error messages.
    public let file: String
    private let source: Source
    private let chunkSize: Int

    private enum Source {
        case handle(FileHandle)
        case bytes([UInt8])
    }

    /// Streams a file from disk, `chunkSize` bytes per read.
    /// - Throws: ``IngestError`` `unreadable` when it cannot be opened.
    public init(url: URL, name: String? = nil, chunkSize: Int = 4 << 20) throws {
        file = name ?? url.lastPathComponent
        self.chunkSize = max(1, chunkSize)
        do { source = .handle(try FileHandle(forReadingFrom: url)) } catch {
            throw IngestError.unreadable(file: url.path, reason: "cannot open the file (\(error.localizedDescription))")
        }
    }

    /// Streams bytes already in memory (for tests and small inputs), `chunkSize` bytes at a time.
    public init(bytes: [UInt8], file: String, chunkSize: Int = 4 << 20) {
        self.file = file
        self.chunkSize = max(1, chunkSize)
        source = .bytes(bytes)
    }

    /// Calls `onHeader` with the header, then `onRow` with every data row in order; `onChunk` sees the
    /// raw bytes as they are read (to hash them, say). Blank lines are skipped.
    ///
    /// - Throws: ``IngestError`` for broken CSV (with the line), a row whose field count differs from
    ///   the header's, or whatever the closures throw.
    public func forEachRow(
        onHeader header: ([String]) throws -> Void, onChunk: ([UInt8]) -> Void = { _ in },
        onRow body: (borrowing CSVRow) throws -> Void
    ) throws {
        var parser = CSVRowScanner(file: file)
        var carry: [UInt8] = []
        var headerSeen = false
        var fieldCount = 0
        func handle(_ row: borrowing CSVRow) throws {
            if !headerSeen {
                headerSeen = true
                fieldCount = row.count
                try header((0..<row.count).map { row.string($0) })
                return
            }
            guard try checked(row, fieldCount: fieldCount) else { return }
            try body(row)
        }
        var reader = ChunkReader(stream: self)
        while true {
            let (chunk, atEnd) = try reader.next()
            onChunk(chunk)
            if carry.isEmpty {
                carry = chunk
            } else {
                carry.append(contentsOf: chunk)
            }
            // A byte order mark may straddle the first reads: decide once three bytes are in.
            guard reader.skipByteOrderMark(in: &carry, atEnd: atEnd) else { continue }
            let consumed = try parser.scan(carry, final: atEnd, handle)
            if atEnd {
                if !headerSeen {
                    throw IngestError.malformedCSV(
                        file: file, line: 1, reason: "the file is empty: a header row is required")
                }
                return
            }
            carry.removeFirst(consumed)
        }
    }

    /// Whether a data row is to be handed on: `false` for a blank line (skipped).
    /// - Throws: ``IngestError`` `malformedCSV` when its field count differs from the header's.
    func checked(_ row: borrowing CSVRow, fieldCount: Int) throws -> Bool {
        if row.count == 1, row.isEmpty(0) { return false }
        guard row.count == fieldCount else {
            throw IngestError.malformedCSV(
                file: file, line: row.line,
                reason: "expected \(fieldCount) fields as in the header, found \(row.count)")
        }
        return true
    }

    /// Reads the stream's source a chunk at a time.
    struct ChunkReader {
        let stream: CSVStream
        private var offset = 0
        private var first = true

        init(stream: CSVStream) { self.stream = stream }

        /// The next chunk, and whether the source is exhausted (the chunk is then empty).
        mutating func next() throws -> (chunk: [UInt8], atEnd: Bool) {
            switch stream.source {
            case .bytes(let bytes):
                let next = min(bytes.count, offset + stream.chunkSize)
                let chunk = Array(bytes[offset..<next])
                offset = next
                return (chunk, chunk.isEmpty)
            case .handle(let handle):
                let data: Data?
                do { data = try handle.read(upToCount: stream.chunkSize) } catch {
                    throw IngestError.unreadable(
                        file: stream.file, reason: "reading failed (\(error.localizedDescription))")
                }
                let chunk = data.map { [UInt8]($0) } ?? []
                return (chunk, chunk.isEmpty)
            }
        }

        /// Drops a leading UTF-8 byte order mark once three bytes (or the whole file) are in; `false`
        /// while it cannot yet tell.
        mutating func skipByteOrderMark(in carry: inout [UInt8], atEnd: Bool) -> Bool {
            guard first else { return true }
            if carry.count < 3, !atEnd { return false }
            if carry.starts(with: [0xEF, 0xBB, 0xBF]) { carry.removeFirst(3) }
            first = false
            return true
        }
    }
}

/// One CSV row during ``CSVStream/forEachRow(header:_:)``: field bytes, numbers and strings on demand.
public struct CSVRow: ~Copyable {
    fileprivate let base: UnsafeBufferPointer<UInt8>
    fileprivate let starts: UnsafeBufferPointer<Int>
    fileprivate let ends: UnsafeBufferPointer<Int>
    fileprivate let quoted: UnsafeBufferPointer<Bool>
    /// The number of fields.
    public let count: Int
    /// The 1-based line the row starts on.
    public let line: Int

    /// Whether field `index` is empty.
    public func isEmpty(_ index: Int) -> Bool { starts[index] == ends[index] }

    /// The raw bytes of field `index` (inside the quotes, if quoted; doubled quotes not yet undone).
    public func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: base[starts[index]..<ends[index]])
    }

    /// Field `index` as text, with doubled quotes undone.
    public func string(_ index: Int) -> String {
        let raw = bytes(index)
        guard quoted[index], raw.contains(UInt8(ascii: "\"")) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var skip = false
        for byte in raw {
            if byte == UInt8(ascii: "\""), !skip {
                skip = true
                continue
            }
            skip = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Field `index` as a whole number (an optional leading minus, then digits only), or `nil`.
    public func int(_ index: Int) -> Int? {
        let raw = bytes(index)
        guard !raw.isEmpty else { return nil }
        var position = 0
        var negative = false
        if raw[0] == UInt8(ascii: "-") {
            negative = true
            position = 1
            guard raw.count > 1 else { return nil }
        }
        guard raw.count - position <= 18 else { return nil }
        var value = 0
        while position < raw.count {
            let digit = raw[position] &- 48
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            position += 1
        }
        return negative ? -value : value
    }

    /// Whether field `index` equals `text` byte for byte.
    public func equals(_ index: Int, _ text: StaticString) -> Bool {
        let raw = bytes(index)
        guard raw.count == text.utf8CodeUnitCount else { return false }
        return text.withUTF8Buffer { expected in raw.elementsEqual(expected) }
    }
}

/// The scanning state machine behind ``CSVStream``.
struct CSVRowScanner {
    let file: String
    private(set) var line: Int

    init(file: String, line: Int = 1) {
        self.file = file
        self.line = line
    }

    /// A row's field boundaries, in memory owned by one `scan` call and grown as needed: no reference
    /// counting or uniqueness checks per field in the hot loop.
    private struct Fields: ~Copyable {
        var starts: UnsafeMutableBufferPointer<Int>
        var ends: UnsafeMutableBufferPointer<Int>
        var quoted: UnsafeMutableBufferPointer<Bool>
        var count = 0

        init() {
            starts = .allocate(capacity: 64)
            ends = .allocate(capacity: 64)
            quoted = .allocate(capacity: 64)
        }

        deinit {
            starts.deallocate()
            ends.deallocate()
            quoted.deallocate()
        }

        mutating func append(start: Int, end: Int, quoted isQuoted: Bool) {
            if count == starts.count {
                let capacity = count * 2
                let (newStarts, newEnds, newQuoted) = (
                    UnsafeMutableBufferPointer<Int>.allocate(capacity: capacity),
                    UnsafeMutableBufferPointer<Int>.allocate(capacity: capacity),
                    UnsafeMutableBufferPointer<Bool>.allocate(capacity: capacity)
                )
                _ = newStarts.initialize(fromContentsOf: starts)
                _ = newEnds.initialize(fromContentsOf: ends)
                _ = newQuoted.initialize(fromContentsOf: quoted)
                starts.deallocate()
                ends.deallocate()
                quoted.deallocate()
                (starts, ends, quoted) = (newStarts, newEnds, newQuoted)
            }
            starts[count] = start
            ends[count] = end
            quoted[count] = isQuoted
            count += 1
        }
    }

    /// Scans whole rows in `buffer`, calling `handle` for each; returns how many bytes were consumed.
    /// A trailing incomplete row is left unconsumed unless `final`.
    mutating func scan(
        _ buffer: [UInt8], final: Bool, limit: Int = .max, _ handle: (borrowing CSVRow) throws -> Void
    ) throws -> Int {
        try buffer.withUnsafeBufferPointer { try scan($0, final: final, limit: limit, handle) }
    }

    /// Scans whole rows in `base` (at most `limit` of them), calling `handle` for each; returns how many
    /// bytes were consumed. A trailing incomplete row is left unconsumed unless `final`.
    mutating func scan(
        _ base: UnsafeBufferPointer<UInt8>, final: Bool, limit: Int = .max,
        _ handle: (borrowing CSVRow) throws -> Void
    ) throws -> Int {
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var rowStart = 0
        var position = 0
        let end = base.count
        var fields = Fields()
        var rows = 0
        while rows < limit, position < end || (final && rowStart < end) {
            fields.count = 0
            let rowLine = line
            var linesInRow = 0
            var complete = false
            var fieldStart = position
            // Scan one row.
            while true {
                if position < end, base[position] == quote, position == fieldStart {
                    // Quoted field.
                    var cursor = position + 1
                    var closed = false
                    while cursor < end {
                        let byte = base[cursor]
                        if byte == quote {
                            if cursor + 1 < end, base[cursor + 1] == quote {
                                cursor += 2
                                continue
                            }
                            if cursor + 1 == end, !final { break }
                            closed = true
                            break
                        }
                        if byte == newline { linesInRow += 1 }
                        cursor += 1
                    }
                    if !closed {
                        if final {
                            throw IngestError.malformedCSV(
                                file: file, line: rowLine,
                                reason: "a quoted field is never closed before the end of the file")
                        }
                        return rowStart
                    }
                    fields.append(start: position + 1, end: cursor, quoted: true)
                    position = cursor + 1
                    if position < end {
                        let next = base[position]
                        if next == comma {
                            position += 1
                            fieldStart = position
                            continue
                        }
                        if next == newline || next == carriageReturn {
                            if next == carriageReturn {
                                if position + 1 < end, base[position + 1] == newline {
                                    position += 2
                                } else if position + 1 == end, !final {
                                    return rowStart
                                } else {
                                    position += 1
                                }
                            } else {
                                position += 1
                            }
                            linesInRow += 1
                            complete = true
                            break
                        }
                        throw IngestError.malformedCSV(
                            file: file, line: rowLine + linesInRow,
                            reason: "text follows a closing quote in field \(fields.count)")
                    }
                    if !final { return rowStart }
                    complete = true
                    break
                }
                // Unquoted field: run to comma or line end.
                var cursor = position
                while cursor < end {
                    let byte = base[cursor]
                    if byte == comma || byte == newline { break }
                    if byte == quote {
                        throw IngestError.malformedCSV(
                            file: file, line: rowLine + linesInRow,
                            reason: "a quote appears inside an unquoted field (field \(fields.count + 1))")
                    }
                    cursor += 1
                }
                if cursor == end, !final { return rowStart }
                var fieldEnd = cursor
                let atNewline = cursor < end && base[cursor] == newline
                if atNewline || cursor == end, fieldEnd > position, base[fieldEnd - 1] == carriageReturn {
                    fieldEnd -= 1
                }
                fields.append(start: position, end: fieldEnd, quoted: false)
                if cursor < end, base[cursor] == comma {
                    position = cursor + 1
                    fieldStart = position
                    continue
                }
                position = cursor < end ? cursor + 1 : cursor
                if atNewline { linesInRow += 1 }
                complete = true
                break
            }
            guard complete else { return rowStart }
            line += linesInRow == 0 ? 1 : linesInRow
            let count = fields.count
            try handle(
                CSVRow(
                    base: base, starts: UnsafeBufferPointer(rebasing: fields.starts[..<count]),
                    ends: UnsafeBufferPointer(rebasing: fields.ends[..<count]),
                    quoted: UnsafeBufferPointer(rebasing: fields.quoted[..<count]), count: count, line: rowLine))
            rowStart = position
            rows += 1
            if position >= end { break }
        }
        return rowStart
    }
}
