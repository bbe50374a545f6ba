import ConcordatCore
import Foundation
import Testing

@testable import Ingest

/// What a reader made of a file: the header, every row's fields and line, and the error that stopped it.
private struct Outcome: Equatable, CustomStringConvertible {
    var header: [String] = []
    var rows: [[String]] = []
    var lines: [Int] = []
    var error: String?

    var description: String { "\(rows.count) rows, last line \(lines.last ?? 0), error \(error ?? "none")" }

    static func sequential(_ bytes: [UInt8], chunk: Int) -> Outcome {
        var outcome = Outcome()
        do {
            try CSVStream(bytes: bytes, file: "t.csv", chunkSize: chunk).forEachRow(
                onHeader: { outcome.header = $0 },
                onRow: { row in
                    outcome.rows.append((0..<row.count).map { row.string($0) })
                    outcome.lines.append(row.line)
                })
        } catch { outcome.error = "\(error)" }
        return outcome
    }

    static func parallel(_ bytes: [UInt8], chunk: Int, workers: Int, smallestPiece: Int = 1) -> Outcome {
        var outcome = Outcome()
        do {
            try CSVStream(bytes: bytes, file: "t.csv", chunkSize: chunk).forEachRow(
                workers: workers, smallestPiece: smallestPiece, onHeader: { outcome.header = $0 },
                part: { Outcome() },
                onRow: { part, row in
                    part.rows.append((0..<row.count).map { row.string($0) })
                    part.lines.append(row.line)
                },
                merge: { part in
                    outcome.rows += part.rows
                    outcome.lines += part.lines
                })
        } catch { outcome.error = "\(error)" }
        return outcome
    }
}

@Suite("Parallel CSV parsing gives exactly what the sequential reader gives")
struct CSVParallelTests {
    /// Hostile inputs: CRLF, quotes with line breaks and commas inside, no final line break, an empty
    /// file, a BOM, NUL bytes, invalid UTF-8, bare CRs after quotes, blank lines, broken rows and quotes.
    static let samples: [[UInt8]] = [
        Array("a,b,c\n1,2,3\n4,5,6\n".utf8),
        Array("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",z\r\nlast,row".utf8),
        Array("\u{FEFF}code,name\nA1,\"\"\n\nB2,plain\n".utf8),
        Array("h\n\"\"\"\"\n\"a\"\"b\"\n".utf8),
        [],
        [0xEF, 0xBB, 0xBF],
        Array("a,b\n\0,x\u{0}y\n1,\0\n".utf8),
        [0x61, 0x2C, 0x62, 0x0A, 0xFF, 0xFE, 0x2C, 0xC3, 0x28, 0x0A, 0x80, 0x2C, 0x31, 0x0A],
        Array("a,b\n\"1\"\r2,3\n\"4\"\r5,6\n7,8\n".utf8),
        Array("a,b\n1,2\n3\n5,6\n".utf8),
        Array("a,b\n1,2\n3,\"open\n4,5\n6,7\n".utf8),
        Array("a\nab\"c\nd\n".utf8),
        Array("a,b\n\"x\"y,1\n".utf8),
        Array("only,a,header".utf8),
    ]

    @Test("the same rows, lines and errors for every worker count and chunk size", arguments: 0..<samples.count)
    func samplesAgree(sample: Int) {
        let bytes = Self.samples[sample]
        let expected = Outcome.sequential(bytes, chunk: 1 << 20)
        for chunk in [1, 2, 3, 5, 8, 64, 1 << 20] {
            #expect(Outcome.sequential(bytes, chunk: chunk) == expected, "sequential, chunk \(chunk)")
            for workers in [1, 2, 3, 7] {
                let got = Outcome.parallel(bytes, chunk: chunk, workers: workers)
                #expect(got == expected, "chunk \(chunk), \(workers) workers: \(got) vs \(expected)")
            }
        }
    }

    /// A large file of random rows: quoted fields with commas, quotes and line breaks (often across a
    /// cut), CRLF and LF, blank lines, and optionally one broken row somewhere in the middle.
    static func randomFile(seed: UInt64, rows: Int, broken: Bool) -> [UInt8] {
        var random = SeededRandom(seed: seed)
        var text = "id,name,note\n"
        let brokenRow = broken ? rows / 3 + random.below(rows / 3) : -1
        for row in 0..<rows {
            let end = random.below(4) == 0 ? "\r\n" : "\n"
            if row == brokenRow {
                text += random.below(2) == 0 ? "\(row),only two\(end)" : "\(row),bad\"quote,x\(end)"
                continue
            }
            if random.below(50) == 0 { text += end }
            let name = random.below(3) == 0 ? "\"Smith, \"\"J\"\"\nline \(row)\"" : "name\(row)"
            let note = random.below(5) == 0 ? "\"a\nb\nc,\r\nd\"" : "é\(random.below(1000))"
            text += "\(row),\(name),\(note)\(end)"
        }
        return Array(text.utf8)
    }

    @Test(
        "random files of thousands of rows, clean and broken",
        arguments: [(1, false), (2, false), (3, true), (4, true)])
    func randomAgree(seed: Int, broken: Bool) {
        let bytes = Self.randomFile(seed: UInt64(seed), rows: 20_000, broken: broken)
        let expected = Outcome.sequential(bytes, chunk: 4 << 20)
        #expect(expected.rows.count > 10_000 || broken)
        #expect((expected.error != nil) == broken)
        for chunk in [997, 65_536, 4 << 20] {
            for workers in [2, 3, 5] {
                let got = Outcome.parallel(bytes, chunk: chunk, workers: workers)
                #expect(got == expected, "chunk \(chunk), \(workers) workers: \(got) vs \(expected)")
            }
        }
    }

    @Test("the default piece size: a multi-megabyte file is cut and still agrees")
    func defaultPieces() throws {
        let bytes = Self.randomFile(seed: 9, rows: 200_000, broken: false)
        #expect(bytes.count > 4 << 20)
        let expected = Outcome.sequential(bytes, chunk: 4 << 20)
        var outcome = Outcome()
        var parts = 0
        try CSVStream(bytes: bytes, file: "t.csv").forEachRow(
            workers: 2, onHeader: { outcome.header = $0 }, part: { Outcome() },
            onRow: { part, row in
                part.rows.append((0..<row.count).map { row.string($0) })
                part.lines.append(row.line)
            },
            merge: { part in
                parts += 1
                outcome.rows += part.rows
                outcome.lines += part.lines
            })
        #expect(outcome == expected)
        #expect(parts >= 2)
    }

    @Test("an error thrown by the row handler stops at the same row, with the rows before it merged")
    func handlerErrors() {
        let bytes = Self.randomFile(seed: 5, rows: 5_000, broken: false)
        struct Refused: Error { let line: Int }
        for workers in [1, 2, 4] {
            var merged = 0
            var refusedAt: Int?
            do {
                try CSVStream(bytes: bytes, file: "t.csv", chunkSize: 4096).forEachRow(
                    workers: workers, smallestPiece: 1, onHeader: { _ in }, part: { 0 },
                    onRow: { count, row in
                        if row.string(0) == "3001" || row.string(0) == "4002" { throw Refused(line: row.line) }
                        count += 1
                    }, merge: { merged += $0 })
            } catch let error as Refused { refusedAt = error.line } catch {}
            #expect(merged == 3001, "\(workers) workers")
            let expectedLine = Outcome.sequential(bytes, chunk: 1 << 20).lines[3001]
            #expect(refusedAt == expectedLine, "\(workers) workers")
        }
    }

    @Test("a 10 MB quoted field that never closes is refused at the line it opens, as sequentially")
    func hugeUnclosedField() {
        var bytes = Array("a,b\n1,2\n3,\"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20)
        bytes += Array("\n4,5\n".utf8)
        let expected = Outcome.sequential(bytes, chunk: 1 << 20)
        #expect(expected.error?.contains("t.csv:3:") == true)
        #expect(Outcome.parallel(bytes, chunk: 1 << 20, workers: 2) == expected)
    }
}

@Suite("Scoring input read on several threads")
struct CodedPeopleParallelTests {
    /// A new folder holding `p.csv` (`people` people with random ages) and `d.csv` (0–5 random rows for
    /// each, of people drawn from `named`, so unsorted, repeated and diagnoses-only people, and runs).
    static func randomFiles(seed: UInt64, people: Int, named: Int, codes: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var random = SeededRandom(seed: seed)
        var diagnoses = "person_id,code\n"
        var patients = "person_id,age\n"
        for person in 0..<people {
            patients += "P\(person),\(random.below(100))\n"
            for _ in 0..<random.below(6) {
                diagnoses += "P\(random.below(named)),\(codes[random.below(codes.count)])\n"
            }
        }
        try Data(diagnoses.utf8).write(to: folder.appendingPathComponent("d.csv"))
        try Data(patients.utf8).write(to: folder.appendingPathComponent("p.csv"))
        return folder
    }

    @Test("people, codes, rows and malformed examples are the same on one thread and on several")
    func sameResult() throws {
        let folder = try Self.randomFiles(
            seed: 7, people: 30_000, named: 35_000,
            codes: ["I21.9", "E119", "c50", "J44", "F03", "XYZ!", "B20", "Z99.9", "\"I5\"\"0\""])
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = try CodedPeople.read(
            diagnoses: folder.appendingPathComponent("d.csv"), patients: folder.appendingPathComponent("p.csv"),
            workers: 1)
        for workers in [2, 3] {
            let many = try CodedPeople.read(
                diagnoses: folder.appendingPathComponent("d.csv"), patients: folder.appendingPathComponent("p.csv"),
                workers: workers)
            #expect(many.personIDs == one.personIDs)
            #expect(many.ages == one.ages)
            #expect(many.codes == one.codes)
            #expect(many.personOfRow == one.personOfRow)
            #expect(many.codeOfRow == one.codeOfRow)
            #expect(many.malformedRows == one.malformedRows)
            #expect(many.malformedExamples == one.malformedExamples)
        }
        #expect(one.personIDs.count > 30_000)
        #expect(one.malformedRows > 0)
        #expect(one.malformedExamples.count == 5)
    }

    @Test("read with a classifier, each person's flags are the union of what their rows' codes classify as")
    func classified() throws {
        let folder = try Self.randomFiles(
            seed: 11, people: 20_000, named: 25_000,
            codes: ["I21.9", "E119", "c50", "J44", "F03", "XYZ!", "B20", "Z99.9", "\"I5\"\"0\"", "K70.3", "N18"])
        defer { try? FileManager.default.removeItem(at: folder) }
        // A classifier that can tell every code apart: a bit per code's first byte and length.
        let classify: @Sendable (UnsafeBufferPointer<UInt8>) -> UInt128 = { code in
            UInt128(1) << (UInt128(code[0] &- 48) % 64) | UInt128(1) << (64 + UInt128(code.count))
        }
        let rows = try CodedPeople.read(
            diagnoses: folder.appendingPathComponent("d.csv"), patients: folder.appendingPathComponent("p.csv"),
            workers: 1)
        var expected = [UInt128](repeating: 0, count: rows.ages.count)
        for (person, code) in zip(rows.personOfRow, rows.codeOfRow) {
            expected[Int(person)] |= Array(rows.codes[Int(code)].utf8).withUnsafeBufferPointer(classify)
        }
        #expect(rows.flags.isEmpty)
        for workers in [1, 2, 3] {
            let flagged = try CodedPeople.read(
                diagnoses: folder.appendingPathComponent("d.csv"), patients: folder.appendingPathComponent("p.csv"),
                workers: workers, classify: classify)
            #expect(flagged.personIDs == rows.personIDs)
            #expect(flagged.ages == rows.ages)
            #expect(flagged.flags == expected)
            #expect(flagged.personOfRow.isEmpty && flagged.codes.isEmpty)
            #expect(flagged.malformedRows == rows.malformedRows)
            #expect(flagged.malformedExamples == rows.malformedExamples)
        }
        #expect(expected.filter { $0 != 0 }.count > 10_000)
    }

    @Test("a bad age is refused at its line on any number of threads")
    func badAge() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var patients = "person_id,age\n"
        for person in 0..<50_000 { patients += "P\(person),\(person == 41_234 ? "-3" : "40")\n" }
        try Data(patients.utf8).write(to: folder.appendingPathComponent("p.csv"))
        try Data("person_id,code\n".utf8).write(to: folder.appendingPathComponent("d.csv"))
        for workers in [1, 2] {
            #expect(
                throws: IngestError.invalidValue(
                    file: "p.csv", line: 41_236, field: "age", reason: "'-3' is not an age in whole years (0–130)")
            ) {
                _ = try CodedPeople.read(
                    diagnoses: folder.appendingPathComponent("d.csv"), patients: folder.appendingPathComponent("p.csv"),
                    workers: workers)
            }
        }
    }
}
