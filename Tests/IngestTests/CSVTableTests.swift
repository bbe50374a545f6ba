import Ingest
import Testing

@Suite("Reading CSV (RFC 4180)")
struct CSVTableTests {
    @Test("quoted fields, doubled quotes, CRLF, a byte order mark and line breaks inside quotes")
    func readsRFC4180() throws {
        let text =
            "\u{FEFF}code,name,note\r\nA1,\"Smith, Jones & Partners\",plain\r\nB2,\"The \"\"Oaks\"\"\",\"two\nlines\"\r\nC3,,\r\n"
        let table = try CSVTable(parsing: Array(text.utf8), file: "t.csv")
        #expect(table.header == ["code", "name", "note"])
        #expect(
            table.records.map(\.fields) == [
                ["A1", "Smith, Jones & Partners", "plain"], ["B2", "The \"Oaks\"", "two\nlines"], ["C3", "", ""],
            ])
        #expect(table.records.map(\.line) == [2, 3, 5])
    }

    @Test("a record with the wrong number of fields is refused with its line")
    func wrongFieldCount() {
        let text = "a,b\n1,2\n3\n"
        #expect {
            try CSVTable(parsing: Array(text.utf8), file: "t.csv")
        } throws: { error in
            let error = error as? IngestError
            return error?.code == .malformedCSV && error?.line == 3
                && error?.description == "t.csv:3: expected 2 fields as in the header, found 1"
        }
    }

    @Test("an unterminated quote is refused at the line it opens on")
    func unterminatedQuote() {
        let text = "a,b\n1,2\n3,\"open\n4,5\n"
        #expect {
            try CSVTable(parsing: Array(text.utf8), file: "t.csv")
        } throws: { error in
            (error as? IngestError)?.code == .malformedCSV && (error as? IngestError)?.line == 3
        }
    }

    @Test("a stray quote inside an unquoted field is refused")
    func strayQuote() {
        #expect(throws: IngestError.self) { try CSVTable(parsing: Array("a\nab\"c\n".utf8), file: "t.csv") }
        #expect(throws: IngestError.self) { try CSVTable(parsing: Array("a\n\"ab\"c\n".utf8), file: "t.csv") }
    }

    @Test("a missing column is named")
    func missingColumn() throws {
        let table = try CSVTable(parsing: Array("a,b\n1,2\n".utf8), file: "t.csv")
        #expect(throws: IngestError.missingColumn(file: "t.csv", column: "c")) { try table.column("c") }
    }

    @Test("an empty file is refused")
    func emptyFile() {
        #expect(throws: IngestError.self) { try CSVTable(parsing: [UInt8](), file: "t.csv") }
    }
}
