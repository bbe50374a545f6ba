import ConcordatCore
import Foundation

/// People and their diagnosis codes read from the CSV files `concordat score` takes: a diagnoses file
/// with columns `person_id,code` (ICD-10, dot optional) and, optionally, a patients file `person_id,age`.
///
/// Codes are stored upper case without the dot. Rows whose code is not shaped like ICD-10 are counted
/// (with a few examples) and skipped, never fatal; their people still get a score of 0.
public struct CodedPeople: Sendable {
    /// Each person's identifier, in order of first appearance (the patients file first).
    public var personIDs = PackedStrings()
    /// Each person's age, when a patients file gave one.
    public var ages: [Int?] = []
    /// For each usable diagnosis row, the person (index into ``personIDs``).
    public var personOfRow: [UInt32] = []
    /// For each usable diagnosis row, the code (index into ``codes``).
    public var codeOfRow: [UInt32] = []
    /// The distinct codes.
    public var codes: [String] = []
    /// Diagnosis rows whose code was not ICD-10 shaped.
    public var malformedRows = 0
    /// Up to five examples of them, as `line: code`.
    public var malformedExamples: [String] = []

    /// Reads the files.
    /// - Throws: ``IngestError`` when a file cannot be read, lacks a required column, or (patients) has
    ///   an age that is not a whole number from 0 to 130.
    public static func read(diagnoses: URL, patients: URL?) throws -> CodedPeople {
        var result = CodedPeople()
        var people = KeyedIndex<UInt32>(capacity: 1 << 16)
        var codeIndex: [String: UInt32] = [:]
        var buffer: [UInt8] = []
        func person(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
            if let known = people[bytes] { return known }
            let next = UInt32(result.ages.count)
            people[bytes] = next
            result.personIDs.append(utf8: bytes)
            result.ages.append(nil)
            return next
        }
        if let patients {
            let stream = try CSVStream(url: patients)
            var columns = (id: 0, age: 0)
            try stream.forEachRow(
                onHeader: { header in
                    guard let id = header.firstIndex(of: "person_id") else {
                        throw IngestError.missingColumn(file: stream.file, column: "person_id")
                    }
                    guard let age = header.firstIndex(of: "age") else {
                        throw IngestError.missingColumn(file: stream.file, column: "age")
                    }
                    columns = (id, age)
                },
                onRow: { row in
                    guard let age = row.int(columns.age), (0...130).contains(age) else {
                        throw IngestError.invalidValue(
                            file: stream.file, line: row.line, field: "age",
                            reason: "'\(row.string(columns.age))' is not an age in whole years (0–130)")
                    }
                    result.ages[Int(person(row.bytes(columns.id)))] = age
                })
        }
        let stream = try CSVStream(url: diagnoses)
        var columns = (id: 0, code: 0)
        try stream.forEachRow(
            onHeader: { header in
                guard let id = header.firstIndex(of: "person_id") else {
                    throw IngestError.missingColumn(file: stream.file, column: "person_id")
                }
                guard let code = header.firstIndex(of: "code") else {
                    throw IngestError.missingColumn(file: stream.file, column: "code")
                }
                columns = (id, code)
            },
            onRow: { row in
                let who = person(row.bytes(columns.id))
                let raw = row.bytes(columns.code)
                buffer.removeAll(keepingCapacity: true)
                for position in 0..<raw.count {
                    let byte = raw[position]
                    if byte == UInt8(ascii: ".") || byte == UInt8(ascii: " ") { continue }
                    buffer.append(byte >= 97 && byte <= 122 ? byte - 32 : byte)
                }
                let shaped =
                    buffer.count >= 3 && buffer.count <= 7 && buffer[0] >= 65 && buffer[0] <= 90 && buffer[1] &- 48 < 10
                    && (buffer[2] &- 48 < 10 || buffer[2] == UInt8(ascii: "X"))
                    && buffer[3...].allSatisfy { $0 &- 48 < 10 || ($0 >= 65 && $0 <= 90) }
                guard shaped else {
                    result.malformedRows += 1
                    if result.malformedExamples.count < 5 {
                        result.malformedExamples.append("line \(row.line): '\(row.string(columns.code))'")
                    }
                    return
                }
                let code = String(decoding: buffer, as: UTF8.self)
                let index =
                    codeIndex[code]
                    ?? {
                        let next = UInt32(result.codes.count)
                        codeIndex[code] = next
                        result.codes.append(code)
                        return next
                    }()
                result.personOfRow.append(who)
                result.codeOfRow.append(index)
            })
        return result
    }
}
