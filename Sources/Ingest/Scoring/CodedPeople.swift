import ConcordatCore
import Foundation

/// People and their diagnosis codes read from the CSV files `concordat score` takes: a diagnoses file
/// with columns `person_id,code` (ICD-10, dot optional) and, optionally, a patients file `person_id,age`.
///
/// Codes are stored upper case without the dot. Rows whose code is not shaped like ICD-10 (or, when
/// reading SNOMED CT for the eFI, a 6–18 digit identifier) are counted (with a few examples) and skipped,
/// never fatal; their people still get a score of 0.
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
    public static func read(diagnoses: URL, patients: URL?, codeSystem: CodeSystem = .icd10) throws -> CodedPeople {
        let builder = Builder(codeSystem: codeSystem)
        if let patients {
            let stream = try CSVStream(url: patients)
            var columns = (id: 0, age: 0)
            try stream.forEachRow(
                onHeader: { header in
                    columns = (
                        try column("person_id", in: header, of: stream), try column("age", in: header, of: stream)
                    )
                },
                onRow: { row in
                    guard let age = row.int(columns.age), (0...130).contains(age) else {
                        throw IngestError.invalidValue(
                            file: stream.file, line: row.line, field: "age",
                            reason: "'\(row.string(columns.age))' is not an age in whole years (0–130)")
                    }
                    let person = withUnescaped(row, columns.id) { builder.person($0) }
                    builder.result.ages[Int(person)] = age
                })
        }
        let stream = try CSVStream(url: diagnoses)
        var columns = (id: 0, code: 0)
        try stream.forEachRow(
            onHeader: { header in
                columns = (try column("person_id", in: header, of: stream), try column("code", in: header, of: stream))
            },
            onRow: { row in
                withUnescaped(row, columns.id) { id in
                    builder.diagnosis(person: id, code: row.bytes(columns.code), line: row.line)
                }
            })
        return builder.result
    }

    /// Field `index`'s bytes with doubled quotes undone (`"a""b"` is `a"b`), so an identifier written out
    /// again is quoted once, not twice.
    private static func withUnescaped<Result>(
        _ row: borrowing CSVRow, _ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let raw = row.bytes(index)
        guard raw.contains(UInt8(ascii: "\"")) else { return body(raw) }
        return Array(row.string(index).utf8).withUnsafeBufferPointer(body)
    }

    private static func column(_ name: String, in header: [String], of stream: CSVStream) throws -> Int {
        guard let position = header.firstIndex(of: name) else {
            throw IngestError.missingColumn(file: stream.file, column: name)
        }
        return position
    }

    /// The reading state, in a class so the row closures share it without copying or boxing.
    private final class Builder {
        let codeSystem: CodeSystem
        var result = CodedPeople()
        private let packedPeople = IntegerIndex()
        private var otherPeople = KeyedIndex<UInt32>()
        private let codeIndex = IntegerIndex()
        // A normalised code: the longest usable one is 18 bytes, so anything longer is malformed anyway.
        private let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 32)
        // Rows for one person usually come together: remember the last one to skip most lookups.
        private var lastIndex: UInt32 = 0

        init(codeSystem: CodeSystem) { self.codeSystem = codeSystem }

        deinit { buffer.deallocate() }

        func person(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
            let known = result.personIDs.count
            if Int(lastIndex) < known, result.personIDs.equals(at: Int(lastIndex), bytes) { return lastIndex }
            // Files sorted by person (the usual case) meet people in the order already seen.
            let next = Int(lastIndex) + 1
            if next < known, result.personIDs.equals(at: next, bytes) {
                lastIndex = UInt32(next)
                return lastIndex
            }
            let key = IntegerIndex.pack(bytes)
            if let known = key.flatMap(packedPeople.value(for:)) ?? (key == nil ? otherPeople[bytes] : nil) {
                lastIndex = known
                return known
            }
            let added = UInt32(result.ages.count)
            if let key { packedPeople.set(added, for: key) } else { otherPeople[bytes] = added }
            result.personIDs.append(utf8: bytes)
            result.ages.append(nil)
            lastIndex = added
            return added
        }

        func diagnosis(person bytes: UnsafeBufferPointer<UInt8>, code raw: UnsafeBufferPointer<UInt8>, line: Int) {
            let who = person(bytes)
            var length = 0
            var tooLong = false
            for position in 0..<raw.count {
                let byte = raw[position]
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: " ") { continue }
                guard length < buffer.count else {
                    tooLong = true
                    break
                }
                buffer[length] = byte >= 97 && byte <= 122 ? byte - 32 : byte
                length += 1
            }
            let code = UnsafeBufferPointer(rebasing: buffer[..<length])
            let shaped =
                !tooLong
                && (codeSystem == .snomed ? DiagnosisCodeShape.isSNOMED(code) : DiagnosisCodeShape.isICD10(code))
            guard shaped else {
                result.malformedRows += 1
                if result.malformedExamples.count < 5 {
                    result.malformedExamples.append("line \(line): '\(String(decoding: raw, as: UTF8.self))'")
                }
                return
            }
            // ICD-10 codes (at most 7 characters) and SNOMED CT identifiers (at most 18 digits) always pack.
            let key = IntegerIndex.pack(code)!
            let index: UInt32
            if let known = codeIndex.value(for: key) {
                index = known
            } else {
                index = UInt32(result.codes.count)
                codeIndex.set(index, for: key)
                result.codes.append(String(decoding: code, as: UTF8.self))
            }
            result.personOfRow.append(who)
            result.codeOfRow.append(index)
        }
    }
}
