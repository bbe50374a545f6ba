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
    /// For each person, the union of what `classify` gave for each of their codes, when the file was
    /// read with a classifier (``read(diagnoses:patients:codeSystem:workers:classify:)``); the rows and
    /// codes are then not kept, and this is empty otherwise.
    public var flags: [UInt128] = []
    /// Diagnosis rows whose code was not ICD-10 shaped.
    public var malformedRows = 0
    /// Up to five examples of them, as `line: code`.
    public var malformedExamples: [String] = []

    /// Reads the files, each parsed on `workers` threads (``CSVStream/forEachRow(workers:onHeader:onChunk:part:onRow:merge:)``):
    /// the result is the same for any number.
    ///
    /// With `classify`, each usable code (normalised bytes) is classified where it is read, and each
    /// person keeps only the union of their codes' classes in ``flags`` (for a scorer, its categories as
    /// bits): no row or code is kept, so the result is the same as classifying every row of a reading
    /// without it, at a fraction of the work.
    /// - Throws: ``IngestError`` when a file cannot be read, lacks a required column, or (patients) has
    ///   an age that is not a whole number from 0 to 130.
    public static func read(
        diagnoses: URL, patients: URL?, codeSystem: CodeSystem = .icd10, workers: Int = CSVStream.defaultWorkers,
        classify: (@Sendable (UnsafeBufferPointer<UInt8>) -> UInt128)? = nil
    ) throws -> CodedPeople {
        let builder = Builder(codeSystem: codeSystem, classifying: classify != nil)
        if let patients {
            let stream = try CSVStream(url: patients)
            let file = stream.file
            var columns = (id: 0, age: 0)
            try stream.forEachRow(
                workers: workers,
                onHeader: { header in
                    columns = (
                        try column("person_id", in: header, of: stream), try column("age", in: header, of: stream)
                    )
                },
                part: { AgedPeople(columns: columns) },
                onRow: { part, row in
                    let columns = part.columns
                    guard let age = row.int(columns.age), (0...130).contains(age) else {
                        throw IngestError.invalidValue(
                            file: file, line: row.line, field: "age",
                            reason: "'\(row.string(columns.age))' is not an age in whole years (0–130)")
                    }
                    withUnescaped(row, columns.id) { part.people.append(utf8: $0) }
                    part.ages.append(UInt8(age))
                },
                merge: { part in builder.merge(part) })
        }
        let stream = try CSVStream(url: diagnoses)
        var columns = (id: 0, code: 0)
        try stream.forEachRow(
            workers: workers,
            onHeader: { header in
                columns = (try column("person_id", in: header, of: stream), try column("code", in: header, of: stream))
            },
            part: { CodedRows(columns: columns, codeSystem: codeSystem, classify: classify) },
            onRow: { part, row in
                let columns = part.columns
                withUnescaped(row, columns.id) { id in
                    part.diagnosis(person: id, code: row.bytes(columns.code), line: row.line)
                }
            },
            merge: { part in builder.merge(part) })
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

    /// One thread's share of a patients file: identifiers and ages in file order.
    private struct AgedPeople: @unchecked Sendable {
        // Unchecked: a part is filled by one thread and then handed, whole, to the merge.
        let columns: (id: Int, age: Int)
        var people = PackedStrings()
        var ages: [UInt8] = []
    }

    /// One thread's share of a diagnoses file, numbered locally: its people (a run of rows for the same
    /// person counted once) and codes in first-seen order, and each usable row as (local person, local code);
    /// or, with a classifier, each local person's classes.
    private struct CodedRows: @unchecked Sendable {
        // Unchecked: a part (with its code index) is filled by one thread and then handed, whole, to the merge.
        let columns: (id: Int, code: Int)
        let codeSystem: CodeSystem
        let classify: (@Sendable (UnsafeBufferPointer<UInt8>) -> UInt128)?
        var people = PackedStrings()
        var flags: [UInt128] = []
        var personOfRow: [UInt32] = []
        var codeOfRow: [UInt32] = []
        var codes: [String] = []
        let codeIndex = IntegerIndex()
        var malformedRows = 0
        var malformedExamples: [String] = []

        init(
            columns: (id: Int, code: Int), codeSystem: CodeSystem,
            classify: (@Sendable (UnsafeBufferPointer<UInt8>) -> UInt128)?
        ) {
            self.columns = columns
            self.codeSystem = codeSystem
            self.classify = classify
        }

        mutating func diagnosis(
            person bytes: UnsafeBufferPointer<UInt8>, code raw: UnsafeBufferPointer<UInt8>, line: Int
        ) {
            // Every row's person gets a score, even when its code is malformed.
            if people.count == 0 || !people.equals(at: people.count - 1, bytes) {
                people.append(utf8: bytes)
                if classify != nil { flags.append(0) }
            }
            let who = UInt32(people.count - 1)
            // A normalised code: the longest usable one is 18 bytes, so anything longer is malformed anyway.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
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
                    malformedRows += 1
                    if malformedExamples.count < 5 {
                        malformedExamples.append("line \(line): '\(String(decoding: raw, as: UTF8.self))'")
                    }
                    return
                }
                if let classify {
                    flags[Int(who)] |= classify(code)
                    return
                }
                // ICD-10 codes (at most 7 characters) and SNOMED CT identifiers (at most 18 digits) always pack.
                let key = IntegerIndex.pack(code)!
                let index: UInt32
                if let known = codeIndex.value(for: key) {
                    index = known
                } else {
                    index = UInt32(codes.count)
                    codeIndex.set(index, for: key)
                    codes.append(String(decoding: code, as: UTF8.self))
                }
                personOfRow.append(who)
                codeOfRow.append(index)
            }
        }
    }

    /// The whole result, built from the parts in file order, in a class so the merge closures share it
    /// without copying.
    private final class Builder {
        let codeSystem: CodeSystem
        let classifying: Bool
        var result = CodedPeople()
        private let packedPeople = IntegerIndex()
        private var otherPeople = KeyedIndex<UInt32>()
        private let codeIndex = IntegerIndex()
        // Rows for one person usually come together: remember the last one to skip most lookups.
        private var lastIndex: UInt32 = 0

        init(codeSystem: CodeSystem, classifying: Bool) {
            self.codeSystem = codeSystem
            self.classifying = classifying
        }

        func merge(_ part: AgedPeople) {
            part.people.bytes.withUnsafeBufferPointer { bytes in
                for local in 0..<part.people.count {
                    let range = Int(part.people.offsets[local])..<Int(part.people.offsets[local + 1])
                    result.ages[Int(person(UnsafeBufferPointer(rebasing: bytes[range])))] = Int(part.ages[local])
                }
            }
        }

        func merge(_ part: CodedRows) {
            result.malformedRows += part.malformedRows
            result.malformedExamples += part.malformedExamples.prefix(5 - result.malformedExamples.count)
            if classifying {
                part.people.bytes.withUnsafeBufferPointer { bytes in
                    for local in 0..<part.people.count {
                        let range = Int(part.people.offsets[local])..<Int(part.people.offsets[local + 1])
                        result.flags[Int(person(UnsafeBufferPointer(rebasing: bytes[range])))] |= part.flags[local]
                    }
                }
                return
            }
            let people = part.people.bytes.withUnsafeBufferPointer { bytes in
                (0..<part.people.count).map { local in
                    person(
                        UnsafeBufferPointer(
                            rebasing: bytes[Int(part.people.offsets[local])..<Int(part.people.offsets[local + 1])]))
                }
            }
            let codes = part.codes.map { code in
                let key = IntegerIndex.pack(Array(code.utf8))!
                if let known = codeIndex.value(for: key) { return known }
                let index = UInt32(result.codes.count)
                codeIndex.set(index, for: key)
                result.codes.append(code)
                return index
            }
            result.personOfRow.reserveCapacity(result.personOfRow.count + part.personOfRow.count)
            result.codeOfRow.reserveCapacity(result.codeOfRow.count + part.codeOfRow.count)
            for row in 0..<part.personOfRow.count {
                result.personOfRow.append(people[Int(part.personOfRow[row])])
                result.codeOfRow.append(codes[Int(part.codeOfRow[row])])
            }
        }

        private func person(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
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
            if classifying { result.flags.append(0) }
            lastIndex = added
            return added
        }
    }
}
