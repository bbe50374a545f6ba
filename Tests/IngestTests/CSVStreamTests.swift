import ConcordatCore
import Ingest
import Testing

@Suite("Streaming CSV agrees with the whole-file reader")
struct CSVStreamTests {
    static func rows(_ text: String, chunk: Int) throws -> (header: [String], rows: [[String]], lines: [Int]) {
        var header: [String] = []
        var rows: [[String]] = []
        var lines: [Int] = []
        let stream = CSVStream(bytes: Array(text.utf8), file: "t.csv", chunkSize: chunk)
        try stream.forEachRow(
            onHeader: { header = $0 },
            onRow: { row in
                rows.append((0..<row.count).map { row.string($0) })
                lines.append(row.line)
            })
        return (header, rows, lines)
    }

    static let samples = [
        "a,b,c\n1,2,3\n4,5,6\n",
        "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",z\r\nlast,row",
        "\u{FEFF}code,name\nA1,\"\"\n\nB2,plain\n",
        "h\n\"\"\"\"\n\"a\"\"b\"\n",
    ]

    @Test("the same rows and line numbers whatever the chunk size", arguments: samples)
    func agrees(text: String) throws {
        let table = try CSVTable(parsing: Array(text.utf8), file: "t.csv")
        for chunk in [1, 2, 3, 5, 7, 64, 1 << 20] {
            let streamed = try Self.rows(text, chunk: chunk)
            #expect(streamed.header == table.header, "chunk \(chunk)")
            #expect(streamed.rows == table.records.map(\.fields), "chunk \(chunk)")
            #expect(streamed.lines == table.records.map(\.line), "chunk \(chunk)")
        }
    }

    @Test("numbers parse without allocating; non-numbers are nil")
    func numbers() throws {
        var values: [Int?] = []
        try CSVStream(
            bytes: Array("n\n42\n-7\n\n0012\nx1\n-\n99999999999999999999\n".utf8), file: "t.csv", chunkSize: 3
        )
        .forEachRow(onHeader: { _ in }, onRow: { row in values.append(row.int(0)) })
        #expect(values == [42, -7, 12, nil, nil, nil])
    }

    @Test(
        "errors carry the same lines as the whole-file reader",
        arguments: ["a,b\n1,2\n3\n", "a,b\n1,2\n3,\"open\n4,5\n", "a\nab\"c\n"])
    func errors(text: String) {
        var tableLine: Int?
        do { _ = try CSVTable(parsing: Array(text.utf8), file: "t.csv") } catch {
            tableLine = (error as? IngestError)?.line
        }
        for chunk in [1, 4, 1 << 20] {
            var streamLine: Int?
            do { _ = try Self.rows(text, chunk: chunk) } catch { streamLine = (error as? IngestError)?.line }
            #expect(streamLine != nil)
            #expect(streamLine == tableLine, "chunk \(chunk)")
        }
    }
}

@Suite("The CSV reader under random input")
struct CSVFuzzTests {
    @Test(
        "random bytes full of quotes, commas and line breaks give rows or a located error, never a crash",
        arguments: 0..<200)
    func random(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &+ 99)
        let alphabet: [UInt8] = Array("ab,\"\n\r 1é".utf8) + [0xEF, 0xBB, 0xBF, 0x00, 0xFF]
        let length = random.below(600)
        let bytes = (0..<length).map { _ in alphabet[random.below(alphabet.count)] }
        let stream = CSVStream(bytes: bytes, file: "fuzz.csv", chunkSize: 1 + random.below(64))
        var rows = 0
        do {
            try stream.forEachRow(onHeader: { _ in }, onRow: { row in rows += row.count > 0 ? 1 : 0 })
            #expect(rows >= 0)
        } catch let error as IngestError {
            #expect("\(error)".contains("fuzz.csv"))
        } catch {
            Issue.record("an unexpected error: \(error)")
        }
    }
}
