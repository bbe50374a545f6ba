import Dispatch
import Foundation

extension CSVStream {
    /// How many threads parse at once by default: `CONCORDAT_THREADS` if set (1 gives the sequential
    /// reading, for comparison), else one per core, at most eight.
    public static var defaultWorkers: Int {
        if let text = ProcessInfo.processInfo.environment["CONCORDAT_THREADS"], let threads = Int(text), threads > 0 {
            return min(threads, 64)
        }
        return max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
    }

    /// Reads the file as ``forEachRow(onHeader:onChunk:onRow:)`` does, but parses each chunk on
    /// `workers` threads at once: the same rows, the same line numbers and the same first error.
    ///
    /// Each chunk is cut into `workers` pieces just after a line feed. Every piece is parsed on its own
    /// thread into a `Part` of its own (made by `part`, filled by `onRow`), and the parts are handed to
    /// `merge` in file order on the calling thread. A cut is a guess that a row starts there: it is
    /// checked once the piece before it is parsed (that piece must end exactly at the cut, on the line
    /// the cut was assumed to start), and where it is wrong — the line feed was inside a quoted field, or
    /// a quoted field ended with a bare CR — the rest of the chunk is parsed again on one thread, so the
    /// result never depends on the guess.
    ///
    /// `onRow` runs on several threads at once: it may only change its `Part`. An error it throws, or a
    /// CSV error, ends its piece; it is thrown after `merge` has been given the rows before it, in file
    /// order, exactly as ``forEachRow(onHeader:onChunk:onRow:)`` would throw it.
    public func forEachRow<Part>(
        workers: Int = CSVStream.defaultWorkers, onHeader header: ([String]) throws -> Void,
        onChunk: ([UInt8]) -> Void = { _ in }, part makePart: () -> Part,
        onRow: @Sendable (inout Part, borrowing CSVRow) throws -> Void, merge: (consuming Part) throws -> Void
    ) throws {
        try forEachRow(
            workers: workers, smallestPiece: 1 << 16, onHeader: header, onChunk: onChunk, part: makePart,
            onRow: onRow, merge: merge)
    }

    /// ``forEachRow(workers:onHeader:onChunk:part:onRow:merge:)`` cutting pieces as small as
    /// `smallestPiece` bytes (tests cut tiny inputs).
    func forEachRow<Part>(
        workers: Int, smallestPiece: Int, onHeader header: ([String]) throws -> Void,
        onChunk: ([UInt8]) -> Void = { _ in }, part makePart: () -> Part,
        onRow: @Sendable (inout Part, borrowing CSVRow) throws -> Void, merge: (consuming Part) throws -> Void
    ) throws {
        var reader = ChunkReader(stream: self)
        var carry: [UInt8] = []
        var line = 1
        var fieldCount: Int?
        while true {
            let (chunk, atEnd) = try reader.next()
            onChunk(chunk)
            if carry.isEmpty {
                carry = chunk
            } else {
                carry.append(contentsOf: chunk)
            }
            guard reader.skipByteOrderMark(in: &carry, atEnd: atEnd) else { continue }
            var start = 0
            if fieldCount == nil {
                var scanner = CSVRowScanner(file: file)
                var names: [String]?
                start = try scanner.scan(carry, final: atEnd, limit: 1) { row in
                    names = (0..<row.count).map { row.string($0) }
                }
                if let names {
                    fieldCount = names.count
                    line = scanner.line
                    try header(names)
                } else if atEnd {
                    throw IngestError.malformedCSV(
                        file: file, line: 1, reason: "the file is empty: a header row is required")
                } else {
                    continue
                }
            }
            let consumed = try carry.withUnsafeBufferPointer { bytes in
                try parse(
                    UnsafeBufferPointer(rebasing: bytes[start...]), final: atEnd, line: &line,
                    fieldCount: fieldCount!, workers: workers, smallestPiece: smallestPiece, part: makePart,
                    onRow: onRow, merge: merge)
            }
            if atEnd { return }
            carry.removeFirst(start + consumed)
        }
    }

    /// What one thread made of one piece of a chunk.
    private struct Piece<Part> {
        var part: Part
        /// The line the piece was assumed to start on.
        var firstLine: Int
        /// The line after its last complete row.
        var nextLine: Int
        /// Bytes of whole rows parsed.
        var consumed: Int
        /// The error that ended it early, if any.
        var error: (any Error)?
    }

    /// Parses the whole rows of `bytes` (a chunk starting at a row on `line`), in `workers` pieces, and
    /// merges them in order; returns the bytes consumed and advances `line` past them.
    private func parse<Part>(
        _ bytes: UnsafeBufferPointer<UInt8>, final: Bool, line: inout Int, fieldCount: Int, workers: Int,
        smallestPiece: Int, part makePart: () -> Part, onRow: @Sendable (inout Part, borrowing CSVRow) throws -> Void,
        merge: (consuming Part) throws -> Void
    ) throws -> Int {
        let cuts = Self.cuts(bytes, pieces: workers, smallest: smallestPiece)
        let count = cuts.count - 1
        // The line each piece starts on, if no quoted field spans a cut: one more per line feed before it.
        var firstLines = [line]
        if count > 1 {
            var feeds = [Int](repeating: 0, count: count)
            feeds.withUnsafeMutableBufferPointer { feeds in
                // Each thread writes only its own slot.
                nonisolated(unsafe) let slots = feeds
                nonisolated(unsafe) let bytes = bytes
                DispatchQueue.concurrentPerform(iterations: count - 1) { index in
                    slots[index] = Self.lineFeeds(
                        in: UnsafeBufferPointer(rebasing: bytes[cuts[index]..<cuts[index + 1]]))
                }
            }
            for index in 0..<(count - 1) { firstLines.append(firstLines[index] + feeds[index]) }
        }
        var pieces = (0..<count).map { index in
            Piece(part: makePart(), firstLine: firstLines[index], nextLine: firstLines[index], consumed: 0, error: nil)
        }
        let file = self.file
        pieces.withUnsafeMutableBufferPointer { slots in
            // Each thread parses its own bytes into its own slot.
            nonisolated(unsafe) let pieces = slots
            nonisolated(unsafe) let bytes = bytes
            DispatchQueue.concurrentPerform(iterations: count) { index in
                let piece = UnsafeBufferPointer(rebasing: bytes[cuts[index]..<cuts[index + 1]])
                var scanner = CSVRowScanner(file: file, line: pieces[index].firstLine)
                do {
                    pieces[index].consumed = try scanner.scan(piece, final: final && index == count - 1) { row in
                        guard try Self.checked(row, fieldCount: fieldCount, file: file) else { return }
                        try onRow(&pieces[index].part, row)
                    }
                } catch {
                    pieces[index].error = error
                }
                pieces[index].nextLine = scanner.line
            }
        }
        var expectedLine = line
        for index in 0..<count {
            let piece = pieces[index]
            // A piece is sound if the one before ended exactly at its start, on the line it assumed.
            guard piece.firstLine == expectedLine else {
                let consumed = try parse(
                    UnsafeBufferPointer(rebasing: bytes[cuts[index]...]), final: final, line: &expectedLine,
                    fieldCount: fieldCount, workers: 1, smallestPiece: smallestPiece, part: makePart, onRow: onRow,
                    merge: merge)
                line = expectedLine
                return cuts[index] + consumed
            }
            try merge(piece.part)
            if let error = piece.error { throw error }
            expectedLine = piece.nextLine
            if index < count - 1, cuts[index] + piece.consumed < cuts[index + 1] {
                // The piece ends inside a row that runs past the cut: read on from that row, on one thread.
                let from = cuts[index] + piece.consumed
                let consumed = try parse(
                    UnsafeBufferPointer(rebasing: bytes[from...]), final: final, line: &expectedLine,
                    fieldCount: fieldCount, workers: 1, smallestPiece: smallestPiece, part: makePart, onRow: onRow,
                    merge: merge)
                line = expectedLine
                return from + consumed
            }
        }
        line = expectedLine
        return cuts[count - 1] + pieces[count - 1].consumed
    }

    /// ``checked(_:fieldCount:)`` without the stream, for the parsing threads.
    private static func checked(_ row: borrowing CSVRow, fieldCount: Int, file: String) throws -> Bool {
        if row.count == 1, row.isEmpty(0) { return false }
        guard row.count == fieldCount else {
            throw IngestError.malformedCSV(
                file: file, line: row.line, reason: "expected \(fieldCount) fields as in the header, found \(row.count)"
            )
        }
        return true
    }

    /// Where to cut `bytes` into at most `pieces` pieces of about equal size, each cut just after a line
    /// feed: the offsets of the pieces' starts, then `bytes.count`.
    /// Pieces smaller than `smallest` are not worth a thread.
    static func cuts(_ bytes: UnsafeBufferPointer<UInt8>, pieces: Int, smallest: Int) -> [Int] {
        var cuts = [0]
        guard pieces > 1, bytes.count >= 2 * smallest else { return [0, bytes.count] }
        for index in 1..<pieces {
            var position = max(bytes.count / pieces * index, cuts[cuts.count - 1])
            while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            guard position + 1 < bytes.count else { break }
            if position + 1 > cuts[cuts.count - 1] { cuts.append(position + 1) }
        }
        cuts.append(bytes.count)
        return cuts
    }

    /// How many line feeds `bytes` holds.
    static func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte == UInt8(ascii: "\n") { count += 1 }
        return count
    }
}
